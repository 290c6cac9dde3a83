package dev.seqlab.spark.sentences;

import java.util.PriorityQueue;

/** The positions of the largest scores. */
final class TopK {
    private TopK() {}

    /** The indices of the {@code k} largest of {@code scores}, largest first (ties: lower index first). */
    static int[] indices(float[] scores, int k) {
        PriorityQueue<Integer> heap = new PriorityQueue<>(k + 1, (a, b) -> {
            int c = Float.compare(scores[a], scores[b]);
            return c != 0 ? c : Integer.compare(b, a);
        });
        for (int i = 0; i < scores.length; i++) {
            heap.add(i);
            if (heap.size() > k) {
                heap.poll();
            }
        }
        int[] out = new int[heap.size()];
        for (int i = out.length - 1; i >= 0; i--) {
            out[i] = heap.poll();
        }
        return out;
    }
}
