package dev.seqlab.core.sample;

/**
 * Sorts indices by descending probability, ties by ascending index (a total order, so the result
 * is unique), on primitive arrays: a stable bottom-up merge sort of the identity permutation.
 */
public final class ProbabilityOrder {

    private ProbabilityOrder() {
    }

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
        int[] src = order;
        int[] dst = scratch;
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(lo + width, n);
                int hi = Math.min(lo + 2 * width, n);
                merge(p, src, dst, lo, mid, hi);
            }
            int[] t = src;
            src = dst;
            dst = t;
        }
        if (src != order) {
            System.arraycopy(src, 0, order, 0, n);
        }
    }

    /** Merges the sorted runs [lo, mid) and [mid, hi) of src into dst; the left wins ties (stable). */
    private static void merge(double[] p, int[] src, int[] dst, int lo, int mid, int hi) {
        int a = lo;
        int b = mid;
        for (int k = lo; k < hi; k++) {
            if (a < mid && (b >= hi || Double.compare(p[src[b]], p[src[a]]) <= 0)) {
                dst[k] = src[a++];
            } else {
                dst[k] = src[b++];
            }
        }
    }
}
