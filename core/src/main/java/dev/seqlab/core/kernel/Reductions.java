package dev.seqlab.core.kernel;

import java.util.Arrays;

/**
 * Row and column reductions over m×n row-major blocks (offset + leading dimension) and whole-vector
 * sums. Sums that feed losses and norms are accumulated in double.
 */
public final class Reductions {
    private Reductions() {}

    /** {@code out[i] = Σ_j x[i,j]} for each of the m rows, accumulated in double. */
    public static void rowSums(int m, int n, float[] x, int xOff, int ldx, float[] out, int outOff) {
        Softmax.checkBlock("input", m, n, x, xOff, ldx);
        BlasArgs.checkVector("out", out, outOff, m);
        for (int i = 0; i < m; i++) {
            out[outOff + i] = (float) sum(n, x, xOff + i * ldx);
        }
    }

    /**
     * {@code out[j] = Σ_i x[i,j]} (or {@code out[j] += Σ_i x[i,j]} with {@code accumulate}), rows
     * added in order in float: the bias-gradient reduction over a batch.
     */
    public static void columnSums(
            int m, int n, float[] x, int xOff, int ldx, float[] out, int outOff, boolean accumulate) {
        Softmax.checkBlock("input", m, n, x, xOff, ldx);
        BlasArgs.checkVector("out", out, outOff, n);
        if (!accumulate) {
            Arrays.fill(out, outOff, outOff + n, 0f);
        }
        for (int i = 0; i < m; i++) {
            int xi = xOff + i * ldx;
            for (int j = 0; j < n; j++) {
                out[outOff + j] += x[xi + j];
            }
        }
    }

    /** {@code out[i] = max_j x[i,j]} for each row, NaNs skipped (−∞ for an empty or all-NaN row). */
    public static void rowMax(int m, int n, float[] x, int xOff, int ldx, float[] out, int outOff) {
        Softmax.checkBlock("input", m, n, x, xOff, ldx);
        BlasArgs.checkVector("out", out, outOff, m);
        for (int i = 0; i < m; i++) {
            int xi = xOff + i * ldx;
            float max = Float.NEGATIVE_INFINITY;
            for (int j = 0; j < n; j++) {
                float v = x[xi + j];
                max = v > max ? v : max;
            }
            out[outOff + i] = max;
        }
    }

    /**
     * {@code out[i]} = the column of the largest element of row i (the first one on ties; NaNs are
     * skipped; −1 for an empty or all-NaN row).
     */
    public static void rowArgmax(int m, int n, float[] x, int xOff, int ldx, int[] out, int outOff) {
        Softmax.checkBlock("input", m, n, x, xOff, ldx);
        if (outOff < 0 || (long) outOff + m > out.length) {
            throw new IllegalArgumentException("out: elements [" + outOff + ", " + ((long) outOff + m)
                    + ") do not fit an array of length " + out.length);
        }
        for (int i = 0; i < m; i++) {
            out[outOff + i] = argmax(n, x, xOff + i * ldx);
        }
    }

    /** The index of the largest of n elements (first on ties, NaNs skipped, −1 if none). */
    public static int argmax(int n, float[] x, int off) {
        BlasArgs.checkVector("x", x, off, n);
        int best = -1;
        float max = Float.NEGATIVE_INFINITY;
        for (int j = 0; j < n; j++) {
            float v = x[off + j];
            if (v > max || (best < 0 && v == max)) {
                max = v;
                best = j;
            }
        }
        return best;
    }

    /** Σ x[i] over n elements, in double with four partial sums. */
    public static double sum(int n, float[] x, int off) {
        BlasArgs.checkVector("x", x, off, n);
        double s0 = 0.0;
        double s1 = 0.0;
        double s2 = 0.0;
        double s3 = 0.0;
        int i = 0;
        for (int upper = n - 3; i < upper; i += 4) {
            s0 += x[off + i];
            s1 += x[off + i + 1];
            s2 += x[off + i + 2];
            s3 += x[off + i + 3];
        }
        for (; i < n; i++) {
            s0 += x[off + i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** Σ x[i]² over n elements, in double with four partial sums (for norms and L2 penalties). */
    public static double sumOfSquares(int n, float[] x, int off) {
        BlasArgs.checkVector("x", x, off, n);
        double s0 = 0.0;
        double s1 = 0.0;
        double s2 = 0.0;
        double s3 = 0.0;
        int i = 0;
        for (int upper = n - 3; i < upper; i += 4) {
            double a = x[off + i];
            double b = x[off + i + 1];
            double c = x[off + i + 2];
            double d = x[off + i + 3];
            s0 += a * a;
            s1 += b * b;
            s2 += c * c;
            s3 += d * d;
        }
        for (; i < n; i++) {
            double a = x[off + i];
            s0 += a * a;
        }
        return (s0 + s1) + (s2 + s3);
    }
}
