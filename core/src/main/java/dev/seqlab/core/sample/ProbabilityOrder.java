package dev.seqlab.core.sample;

/**
 * Orders indices by descending probability, ties by ascending index (a total order, so the
 * result is unique), on primitive arrays: a merge sort for the whole order, a bounded heap when
 * only the best k are needed.
 */
public final class ProbabilityOrder {

    private ProbabilityOrder() {}

    /**
     * Writes into {@code order[0 … n)} the indices 0…n−1 sorted so that {@code p[order[k]]}
     * descends ({@link Double#compare} order), equal probabilities by ascending index.
     *
     * @param scratch at least n elements, overwritten
     */
    public static void sort(double[] p, int n, int[] order, int[] scratch) {
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        sortIndices(p, order, n, scratch);
    }

    /**
     * Writes into {@code order[0 … k)} the k best indices of {@code p[0 … n)} in the order of
     * {@link #sort} (its first k entries), in O(n log k).
     *
     * @param scratch at least k elements, overwritten
     * @throws IllegalArgumentException if k is outside 0…n
     */
    public static void best(double[] p, int n, int k, int[] order, int[] scratch) {
        if (k < 0 || k > n) {
            throw new IllegalArgumentException("k must be in 0.." + n + ", got " + k);
        }
        if (k == 0) {
            return;
        }
        // order[0 … k) is a heap whose root is the worst of the best k seen so far
        for (int i = 0; i < k; i++) {
            order[i] = i;
            siftUp(p, order, i);
        }
        for (int i = k; i < n; i++) {
            if (better(p, i, order[0])) {
                order[0] = i;
                siftDown(p, order, k);
            }
        }
        sortIndices(p, order, k, scratch);
    }

    /** True when index a ranks before index b. */
    private static boolean better(double[] p, int a, int b) {
        int c = Double.compare(p[a], p[b]);
        return c > 0 || (c == 0 && a < b);
    }

    private static void siftUp(double[] p, int[] heap, int at) {
        int x = heap[at];
        while (at > 0) {
            int parent = (at - 1) >>> 1;
            if (!better(p, heap[parent], x)) {
                break;
            }
            heap[at] = heap[parent];
            at = parent;
        }
        heap[at] = x;
    }

    private static void siftDown(double[] p, int[] heap, int size) {
        int x = heap[0];
        int at = 0;
        while (true) {
            int child = 2 * at + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && better(p, heap[child], heap[child + 1])) {
                child++;
            }
            if (!better(p, x, heap[child])) {
                break;
            }
            heap[at] = heap[child];
            at = child;
        }
        heap[at] = x;
    }

    /** Sorts {@code idx[0 … n)} best first: a bottom-up merge sort. */
    private static void sortIndices(double[] p, int[] idx, int n, int[] scratch) {
        int[] src = idx;
        int[] dst = scratch;
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(lo + width, n);
                int hi = Math.min(lo + 2 * width, n);
                int a = lo;
                int b = mid;
                for (int k = lo; k < hi; k++) {
                    if (a < mid && (b >= hi || better(p, src[a], src[b]))) {
                        dst[k] = src[a++];
                    } else {
                        dst[k] = src[b++];
                    }
                }
            }
            int[] t = src;
            src = dst;
            dst = t;
        }
        if (src != idx) {
            System.arraycopy(src, 0, idx, 0, n);
        }
    }
}
