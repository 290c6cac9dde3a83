package dev.seqlab.embeddings.query;

import java.util.Arrays;

/**
 * Keeps the {@code k} best (score, index) pairs seen, in a binary min-heap: higher scores are
 * better, and of equal scores the lower index (the word earlier in the vocabulary). NaN scores
 * never enter. Offer rows in increasing index order and a tie never displaces a kept pair.
 */
public final class TopK {
    private final int k;
    private final float[] scores;
    private final int[] indices;
    private int size;

    /** A selection of the {@code k} best; {@code k >= 1}. */
    public TopK(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
        this.k = k;
        this.scores = new float[k];
        this.indices = new int[k];
    }

    /** The lowest kept score once k pairs are kept; −∞ before. Scores must beat it to enter. */
    public float threshold() {
        return size < k ? Float.NEGATIVE_INFINITY : scores[0];
    }

    /** The number of pairs kept. */
    public int size() {
        return size;
    }

    /** Offers a pair; it is kept if it is among the k best so far. */
    public void offer(float score, int index) {
        if (!(score >= threshold())) { // also rejects NaN
            return;
        }
        if (size < k) {
            int i = size++;
            scores[i] = score;
            indices[i] = index;
            siftUp(i);
        } else if (better(score, index, scores[0], indices[0])) {
            scores[0] = score;
            indices[0] = index;
            siftDown(0);
        }
    }

    /** Offers every pair kept by {@code other}. */
    public void addAll(TopK other) {
        for (int i = 0; i < other.size; i++) {
            offer(other.scores[i], other.indices[i]);
        }
    }

    /** The kept indices, best first. */
    public int[] indices() {
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        Arrays.sort(
                order,
                (a, b) -> better(scores[a], indices[a], scores[b], indices[b])
                        ? -1
                        : better(scores[b], indices[b], scores[a], indices[a]) ? 1 : 0);
        int[] out = new int[size];
        for (int i = 0; i < size; i++) {
            out[i] = indices[order[i]];
        }
        return out;
    }

    /** The score kept for {@code index}, which must be among {@link #indices()}. */
    public float scoreOf(int index) {
        for (int i = 0; i < size; i++) {
            if (indices[i] == index) {
                return scores[i];
            }
        }
        throw new IllegalArgumentException("index " + index + " is not kept");
    }

    private static boolean better(float s1, int i1, float s2, int i2) {
        return s1 > s2 || s1 == s2 && i1 < i2;
    }

    private void siftUp(int i) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!better(scores[parent], indices[parent], scores[i], indices[i])) {
                break;
            }
            swap(i, parent);
            i = parent;
        }
    }

    private void siftDown(int i) {
        while (true) {
            int l = 2 * i + 1;
            if (l >= size) {
                return;
            }
            int worst = l;
            int r = l + 1;
            if (r < size && better(scores[l], indices[l], scores[r], indices[r])) {
                worst = r;
            }
            if (!better(scores[i], indices[i], scores[worst], indices[worst])) {
                return;
            }
            swap(i, worst);
            i = worst;
        }
    }

    private void swap(int a, int b) {
        float s = scores[a];
        scores[a] = scores[b];
        scores[b] = s;
        int t = indices[a];
        indices[a] = indices[b];
        indices[b] = t;
    }
}
