package dev.seqlab.embeddings.word2vec;

import java.util.Arrays;

/**
 * The binary Huffman tree over a vocabulary that hierarchical softmax walks: each word's code is
 * the sequence of left (0) / right (1) turns from the root to its leaf, and its points are the
 * inner nodes passed on the way (numbered 0..V-2, the root being V-2), each owning one output
 * vector.
 *
 * <p>Built as the word2vec C tool builds it, with two queues: the leaves in count order and the
 * inner nodes in creation order; at equal counts the inner node is taken first, and the second
 * node taken at each merge is the right (1) child. Frequent words get short codes.
 */
public final class HuffmanTree {
    private final int[] offsets;
    private final byte[] codes;
    private final int[] points;

    private HuffmanTree(int[] offsets, byte[] codes, int[] points) {
        this.offsets = offsets;
        this.codes = codes;
        this.points = points;
    }

    /**
     * The tree for words with these counts, which must be sorted in descending order (as
     * {@link dev.seqlab.corpora.text.Vocabulary} numbers words).
     *
     * @throws IllegalArgumentException if there are fewer than 2 words or the counts are not in
     *     descending order
     */
    public static HuffmanTree build(long[] counts) {
        int v = counts.length;
        if (v < 2) {
            throw new IllegalArgumentException("hierarchical softmax needs at least 2 words, got " + v);
        }
        for (int i = 1; i < v; i++) {
            if (counts[i] > counts[i - 1]) {
                throw new IllegalArgumentException("counts must be in descending order (index " + i + ")");
            }
        }
        long[] count = new long[2 * v - 1];
        System.arraycopy(counts, 0, count, 0, v);
        Arrays.fill(count, v, count.length, Long.MAX_VALUE);
        int[] parent = new int[2 * v - 1];
        byte[] right = new byte[2 * v - 1];
        int leaf = v - 1;
        int inner = v;
        for (int a = 0; a < v - 1; a++) {
            int min1;
            if (leaf >= 0 && count[leaf] < count[inner]) {
                min1 = leaf--;
            } else {
                min1 = inner++;
            }
            int min2;
            if (leaf >= 0 && count[leaf] < count[inner]) {
                min2 = leaf--;
            } else {
                min2 = inner++;
            }
            count[v + a] = count[min1] + count[min2];
            parent[min1] = v + a;
            parent[min2] = v + a;
            right[min2] = 1;
        }
        int root = 2 * v - 2;
        int[] offsets = new int[v + 1];
        for (int w = 0; w < v; w++) {
            int depth = 0;
            for (int n = w; n != root; n = parent[n]) {
                depth++;
            }
            offsets[w + 1] = offsets[w] + depth;
        }
        byte[] codes = new byte[offsets[v]];
        int[] points = new int[offsets[v]];
        for (int w = 0; w < v; w++) {
            // walk leaf to root, filling the code from its end
            int k = offsets[w + 1] - 1;
            for (int n = w; n != root; n = parent[n], k--) {
                codes[k] = right[n];
                points[k] = parent[n] - v;
            }
        }
        return new HuffmanTree(offsets, codes, points);
    }

    /** The number of words (leaves). */
    public int size() {
        return offsets.length - 1;
    }

    /** The length of the word's code, its depth in the tree. */
    public int codeLength(int word) {
        return offsets[word + 1] - offsets[word];
    }

    /** The word's code, root to leaf: 0 for a left turn, 1 for a right one. */
    public int[] code(int word) {
        int[] c = new int[codeLength(word)];
        for (int i = 0; i < c.length; i++) {
            c[i] = codes[offsets[word] + i];
        }
        return c;
    }

    /** The inner nodes on the way to the word, root (V-2) first. */
    public int[] points(int word) {
        return Arrays.copyOfRange(points, offsets[word], offsets[word + 1]);
    }

    int[] offsetArray() {
        return offsets;
    }

    byte[] codeArray() {
        return codes;
    }

    int[] pointArray() {
        return points;
    }
}
