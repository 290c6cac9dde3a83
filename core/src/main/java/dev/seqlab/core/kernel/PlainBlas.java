package dev.seqlab.core.kernel;

/**
 * The reference implementation of {@link Blas} in plain Java. It is always available and is what
 * every faster implementation is tested against.
 */
public final class PlainBlas implements Blas {

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k,
                     float alpha, float[] a, int aOff, int lda,
                     float[] b, int bOff, int ldb,
                     float beta, float[] c, int cOff, int ldc) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float s = 0f;
                for (int p = 0; p < k; p++) {
                    float av = transA ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
                    float bv = transB ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j];
                    s += av * bv;
                }
                int ci = cOff + i * ldc + j;
                c[ci] = beta == 0f ? alpha * s : alpha * s + beta * c[ci];
            }
        }
    }

    @Override
    public void gemv(boolean trans, int m, int n, float alpha, float[] a, int aOff, int lda,
                     float[] x, int xOff, float beta, float[] y, int yOff) {
        int rows = trans ? n : m;
        int inner = trans ? m : n;
        for (int i = 0; i < rows; i++) {
            float s = 0f;
            for (int p = 0; p < inner; p++) {
                float av = trans ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
                s += av * x[xOff + p];
            }
            y[yOff + i] = beta == 0f ? alpha * s : alpha * s + beta * y[yOff + i];
        }
    }

    @Override
    public float dot(int n, float[] x, int xOff, float[] y, int yOff) {
        float s = 0f;
        for (int i = 0; i < n; i++) {
            s += x[xOff + i] * y[yOff + i];
        }
        return s;
    }

    @Override
    public void axpy(int n, float alpha, float[] x, int xOff, float[] y, int yOff) {
        for (int i = 0; i < n; i++) {
            y[yOff + i] += alpha * x[xOff + i];
        }
    }

    @Override
    public String name() {
        return "plain";
    }
}
