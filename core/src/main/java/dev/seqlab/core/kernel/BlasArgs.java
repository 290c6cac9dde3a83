package dev.seqlab.core.kernel;

/**
 * Argument checks shared by every {@link Blas} implementation: dimensions, leading dimensions and
 * array bounds are validated once per call (O(1)), so a bad call fails with a message naming the
 * argument instead of an index error deep inside a kernel.
 */
final class BlasArgs {
    private BlasArgs() {}

    /** Checks a gemm call; see {@link Blas#gemm}. */
    static void checkGemm(
            boolean transA,
            boolean transB,
            int m,
            int n,
            int k,
            float[] a,
            int aOff,
            int lda,
            float[] b,
            int bOff,
            int ldb,
            float[] c,
            int cOff,
            int ldc) {
        if (m < 0 || n < 0 || k < 0) {
            throw new IllegalArgumentException("gemm dimensions must be non-negative: m=" + m + " n=" + n + " k=" + k);
        }
        if (m == 0 || n == 0) {
            return;
        }
        checkMatrix("C", c, cOff, ldc, m, n);
        if (k == 0) {
            return;
        }
        checkMatrix(transA ? "A (transposed, stored k×m)" : "A", a, aOff, lda, transA ? k : m, transA ? m : k);
        checkMatrix(transB ? "B (transposed, stored n×k)" : "B", b, bOff, ldb, transB ? n : k, transB ? k : n);
    }

    /** Checks a gemv call; see {@link Blas#gemv}. */
    static void checkGemv(
            boolean trans, int m, int n, float[] a, int aOff, int lda, float[] x, int xOff, float[] y, int yOff) {
        if (m < 0 || n < 0) {
            throw new IllegalArgumentException("gemv dimensions must be non-negative: m=" + m + " n=" + n);
        }
        int ylen = trans ? n : m;
        int xlen = trans ? m : n;
        checkVector("y", y, yOff, ylen);
        if (ylen == 0 || xlen == 0) {
            return;
        }
        checkMatrix("A", a, aOff, lda, m, n);
        checkVector("x", x, xOff, xlen);
    }

    /** Checks that {@code arr[off .. off+n)} exists. */
    static void checkVector(String name, float[] arr, int off, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("negative length " + n + " for " + name);
        }
        if (off < 0 || (long) off + n > arr.length) {
            throw new IllegalArgumentException(name + ": elements [" + off + ", " + ((long) off + n)
                    + ") do not fit an array of length " + arr.length);
        }
    }

    private static void checkMatrix(String name, float[] arr, int off, int ld, int rows, int cols) {
        if (ld < Math.max(1, cols)) {
            throw new IllegalArgumentException(
                    name + ": leading dimension " + ld + " is smaller than its " + cols + " columns");
        }
        long last = (long) off + (long) (rows - 1) * ld + cols;
        if (off < 0 || last > arr.length) {
            throw new IllegalArgumentException(name + ": a " + rows + "×" + cols + " matrix at offset " + off
                    + " with leading dimension " + ld + " needs " + last + " elements, the array has " + arr.length);
        }
    }
}
