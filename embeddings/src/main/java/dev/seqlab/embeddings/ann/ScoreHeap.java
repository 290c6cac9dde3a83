package dev.seqlab.embeddings.ann;

import java.util.Arrays;

/**
 * A binary heap of (score, node) pairs on primitive arrays, reused across searches: with
 * {@code largestFirst} the best-scoring pair is on top (the candidates still to expand), otherwise
 * the worst (the results found so far, trimmed to the beam width). Equal scores are ordered by
 * node, so searches are reproducible.
 */
final class ScoreHeap {
    private final boolean largestFirst;
    private float[] scores;
    private int[] nodes;
    private int size;

    ScoreHeap(int capacity, boolean largestFirst) {
        this.largestFirst = largestFirst;
        this.scores = new float[Math.max(4, capacity)];
        this.nodes = new int[scores.length];
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    void clear() {
        size = 0;
    }

    float topScore() {
        return scores[0];
    }

    int topNode() {
        return nodes[0];
    }

    float score(int i) {
        return scores[i];
    }

    int node(int i) {
        return nodes[i];
    }

    void push(float score, int node) {
        if (size == scores.length) {
            scores = Arrays.copyOf(scores, 2 * size);
            nodes = Arrays.copyOf(nodes, 2 * size);
        }
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!above(score, node, scores[parent], nodes[parent])) {
                break;
            }
            scores[i] = scores[parent];
            nodes[i] = nodes[parent];
            i = parent;
        }
        scores[i] = score;
        nodes[i] = node;
    }

    /** Removes the top pair. */
    void pop() {
        size--;
        if (size == 0) {
            return;
        }
        float score = scores[size];
        int node = nodes[size];
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && above(scores[child + 1], nodes[child + 1], scores[child], nodes[child])) {
                child++;
            }
            if (!above(scores[child], nodes[child], score, node)) {
                break;
            }
            scores[i] = scores[child];
            nodes[i] = nodes[child];
            i = child;
        }
        scores[i] = score;
        nodes[i] = node;
    }

    /** True when (s1, n1) belongs above (s2, n2). */
    private boolean above(float s1, int n1, float s2, int n2) {
        if (s1 != s2) {
            return largestFirst == s1 > s2;
        }
        return largestFirst == n1 < n2;
    }
}
