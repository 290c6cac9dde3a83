package dev.seqlab.core.kernel;

/**
 * The BLAS-style float32 kernels sequence models live on. Matrices are row-major arrays with an
 * offset and a leading dimension (the distance between the starts of consecutive rows), so a
 * kernel can work on a block of a larger array without copying.
 *
 * <p>Every implementation computes the same results as {@link PlainBlas} up to float rounding.
 */
public interface Blas {

    /**
     * {@code C = alpha * op(A) * op(B) + beta * C} where {@code op(X)} is X or its transpose.
     * op(A) is m×k, op(B) is k×n, C is m×n. When {@code beta == 0}, C is not read (NaNs in it
     * do not propagate).
     *
     * @param transA use Aᵀ (A stored k×m) instead of A (stored m×k)
     * @param transB use Bᵀ (B stored n×k) instead of B (stored k×n)
     */
    void gemm(
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
            int ldc);

    /**
     * {@code y = alpha * op(A) * x + beta * y} with A stored m×n row-major; op(A) is A (y has m
     * elements, x has n) or, with {@code trans}, Aᵀ (y has n elements, x has m).
     */
    void gemv(
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
            int yOff);

    /** The dot product of {@code n} elements, accumulated in float with several partial sums. */
    float dot(int n, float[] x, int xOff, float[] y, int yOff);

    /** {@code y += alpha * x} over {@code n} elements. */
    void axpy(int n, float alpha, float[] x, int xOff, float[] y, int yOff);

    /** A short name for logs and benchmarks ("plain", "vector"). */
    String name();
}
