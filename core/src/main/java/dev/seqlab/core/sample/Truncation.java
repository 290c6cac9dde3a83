package dev.seqlab.core.sample;

/** Top-k and top-p (nucleus) truncation of a probability vector, in place. */
public final class Truncation {

    private Truncation() {}

    /**
     * Keeps the {@code topK} most probable entries of {@code p[0 … n)} (0: all), then, of those in
     * descending order, the shortest prefix whose cumulative probability reaches {@code topP}
     * (1: all); sets the others to 0 and renormalises the kept ones to sum to 1. Ties rank by
     * index, so top-k = 1 is the first argmax and top-p → 0 keeps exactly that one entry. Nothing
     * changes when {@code topK} is 0 and {@code topP} is 1 (any other setting renormalises,
     * even when it keeps every entry).
     *
     * @param order   at least n elements, overwritten; its first (returned) entries are the kept
     *                indices in descending order
     * @param scratch at least n elements, overwritten
     * @return how many entries were kept
     */
    public static int topKTopP(double[] p, int n, int topK, double topP, int[] order, int[] scratch) {
        if (topK <= 0 && topP >= 1) {
            return n;
        }
        int keep = topK > 0 ? Math.min(topK, n) : n;
        if (keep < n) {
            ProbabilityOrder.best(p, n, keep, order, scratch);
        } else {
            ProbabilityOrder.sort(p, n, order, scratch);
        }
        double cum = 0;
        for (int k = 0; k < keep; k++) {
            cum += p[order[k]];
            if (cum >= topP) {
                keep = k + 1;
                break;
            }
        }
        double kept = 0;
        for (int k = 0; k < keep; k++) {
            kept += p[order[k]];
            p[order[k]] = -p[order[k]]; // marks the kept entries
        }
        for (int i = 0; i < n; i++) {
            p[i] = p[i] < 0 ? -p[i] / kept : 0;
        }
        return keep;
    }
}
