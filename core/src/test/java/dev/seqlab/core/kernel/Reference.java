package dev.seqlab.core.kernel;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.SplittableRandom;

/** Independent double-precision references and error bounds for the kernel tests. */
final class Reference {
    /** Unit roundoff of float32. */
    static final double U = 0x1p-24;

    private Reference() {}

    /** Uniform values in [-1, 1). */
    static float[] random(SplittableRandom rnd, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (rnd.nextDouble() * 2 - 1);
        }
        return x;
    }

    static double opA(boolean t, float[] a, int aOff, int lda, int i, int p) {
        return t ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
    }

    static double opB(boolean t, float[] b, int bOff, int ldb, int p, int j) {
        return t ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j];
    }

    /**
     * Checks C against the naive triple loop in double. Each element may differ by the classical
     * bound for a float dot product of length k plus the alpha/beta scaling:
     * {@code (k + 4)·u·(|alpha|·Σ|a||b| + |beta·c|)}. Elements of the array outside the m×n
     * block must be untouched.
     */
    static void checkGemm(
            String what,
            boolean tA,
            boolean tB,
            int m,
            int n,
            int k,
            float alpha,
            float[] a,
            int aOff,
            int lda,
            float[] b,
            int bOff,
            int ldb,
            float beta,
            float[] c0,
            float[] c,
            int cOff,
            int ldc) {
        boolean[] inBlock = new boolean[c.length];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                int ci = cOff + i * ldc + j;
                inBlock[ci] = true;
                double s = 0;
                double abs = 0;
                for (int p = 0; p < k; p++) {
                    double prod = opA(tA, a, aOff, lda, i, p) * opB(tB, b, bOff, ldb, p, j);
                    s += prod;
                    abs += Math.abs(prod);
                }
                double cOld = beta == 0f ? 0 : c0[ci];
                double expected = alpha * s + beta * cOld;
                double tol = (k + 4) * U * (Math.abs(alpha) * abs + Math.abs(beta * cOld)) + Float.MIN_NORMAL;
                if (!(Math.abs(c[ci] - expected) <= tol)) {
                    fail(what + ": C[" + i + "," + j + "] = " + c[ci] + ", expected " + expected + " ± " + tol);
                }
            }
        }
        for (int q = 0; q < c.length; q++) {
            if (!inBlock[q] && Float.floatToRawIntBits(c[q]) != Float.floatToRawIntBits(c0[q])) {
                fail(what + ": element " + q + " outside the C block changed from " + c0[q] + " to " + c[q]);
            }
        }
    }
}
