package dev.seqlab.explorer.tsne;

import dev.seqlab.core.kernel.Softmax;
import java.util.Arrays;

/**
 * The symmetric input affinities of t-SNE, sparse (compressed rows): each point's conditional
 * distribution over its k nearest neighbours, {@code p(j|i) ∝ exp(−β_i d²_ij)} with β_i chosen by
 * binary search so that the distribution's perplexity {@code 2^H} matches the target, then
 * {@code p_ij = (p(j|i) + p(i|j)) / 2n}.
 */
final class Affinities {
    private static final int SEARCH_STEPS = 100;
    private static final double TOLERANCE = 1e-5;

    /** Row starts into {@link #columns} and {@link #values}, {@code n + 1} of them. */
    final int[] rowStart;

    final int[] columns;
    final double[] values;

    private Affinities(int[] rowStart, int[] columns, double[] values) {
        this.rowStart = rowStart;
        this.columns = columns;
        this.values = values;
    }

    static Affinities of(NearestNeighbours nn, int n, double perplexity) {
        int k = nn.k;
        double[] conditional = new double[n * k];
        double target = Math.log(perplexity);
        float[] logits = new float[k];
        double[] p = new double[k];
        for (int i = 0; i < n; i++) {
            calibrate(nn.distance, i * k, k, target, logits, p);
            System.arraycopy(p, 0, conditional, i * k, k);
        }
        return symmetrize(nn, conditional, n);
    }

    /**
     * The distribution over one point's neighbours whose entropy (nats) is {@code target}: the
     * softmax of {@code −d²} at temperature {@code 1/β}, β found by bisection on a log scale.
     */
    private static void calibrate(float[] d2, int off, int k, double target, float[] logits, double[] p) {
        // distances relative to the nearest: the same distribution, and no underflow far from the point
        float nearest = d2[off];
        for (int j = 0; j < k; j++) {
            logits[j] = -(d2[off + j] - nearest);
        }
        double beta = 1;
        double lo = 0;
        double hi = Double.POSITIVE_INFINITY;
        for (int step = 0; step < SEARCH_STEPS; step++) {
            Softmax.softmax(logits, 0, k, 1 / beta, p);
            double h = entropy(p, k);
            if (Math.abs(h - target) < TOLERANCE) {
                break;
            }
            if (h > target) { // too flat: sharpen
                lo = beta;
                beta = hi == Double.POSITIVE_INFINITY ? beta * 2 : (beta + hi) / 2;
            } else {
                hi = beta;
                beta = (beta + lo) / 2;
            }
            if (!(beta > 0) || Double.isInfinite(beta)) {
                break;
            }
        }
    }

    private static double entropy(double[] p, int k) {
        double h = 0;
        for (int j = 0; j < k; j++) {
            if (p[j] > 0) {
                h -= p[j] * Math.log(p[j]);
            }
        }
        return h;
    }

    /** {@code (P + Pᵀ) / 2n} as compressed rows, columns sorted within each row. */
    private static Affinities symmetrize(NearestNeighbours nn, double[] conditional, int n) {
        int k = nn.k;
        int[] count = new int[n + 1];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                count[i + 1]++;
                count[nn.index[i * k + j] + 1]++;
            }
        }
        for (int i = 0; i < n; i++) {
            count[i + 1] += count[i];
        }
        // every (i, j) and (j, i) entry, duplicates merged after sorting each row
        int[] fill = Arrays.copyOf(count, n);
        int[] cols = new int[count[n]];
        double[] vals = new double[count[n]];
        double scale = 1.0 / (2.0 * n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                int c = nn.index[i * k + j];
                double v = conditional[i * k + j] * scale;
                cols[fill[i]] = c;
                vals[fill[i]++] = v;
                cols[fill[c]] = i;
                vals[fill[c]++] = v;
            }
        }
        int[] rowStart = new int[n + 1];
        int[] outCols = new int[cols.length];
        double[] outVals = new double[cols.length];
        int out = 0;
        long[] packed = new long[2 * k];
        for (int i = 0; i < n; i++) {
            int from = count[i];
            int len = count[i + 1] - from;
            if (packed.length < len) {
                packed = new long[len * 2];
            }
            for (int e = 0; e < len; e++) {
                packed[e] = ((long) cols[from + e] << 32) | e;
            }
            Arrays.sort(packed, 0, len);
            rowStart[i] = out;
            int last = -1;
            for (int e = 0; e < len; e++) {
                int c = (int) (packed[e] >>> 32);
                double v = vals[from + (int) (packed[e] & 0xffffffffL)];
                if (c == last) {
                    outVals[out - 1] += v;
                } else {
                    outCols[out] = c;
                    outVals[out++] = v;
                    last = c;
                }
            }
        }
        rowStart[n] = out;
        return new Affinities(rowStart, Arrays.copyOf(outCols, out), Arrays.copyOf(outVals, out));
    }
}
