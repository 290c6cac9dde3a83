package dev.seqlab.core.kernel;

/**
 * A {@link Blas} that runs large GEMMs on several threads of the {@link KernelPool} and
 * everything else on the calling thread, delegating the arithmetic to a single-threaded
 * implementation.
 *
 * <p>C is split into disjoint blocks of whole rows or columns, each computed by the serial kernel
 * as a sub-problem: along its longer side, and by rows when it is square. Each block packs the
 * whole of the operand it does not split, so rows are the better split at a tie: a row block packs
 * its own rows of A (a transposing copy, about 0.35 ns per element) and all of B (row copies,
 * about 0.15 ns), where a column block would pack all of A. The serial kernels compute every
 * element of C by the same sequence of operations wherever it lies, so the result is bit for bit
 * the same for any number of threads.
 */
final class ParallelBlas implements Blas {
    /**
     * Below this many multiply-adds (m·n·k) a GEMM stays on the calling thread. Measured on a
     * 2-core AVX-512 machine: waking a pool thread costs tens of microseconds, so splitting lost at
     * 2–4 M (128³, 32×1024×128: 60 → 42–50 GFLOP/s) and won from about 8 M on (32×1024×256:
     * 65 → 74; 256³: 98 → 144). So a batch-32 LSTM step with H=50 stays on one thread, H=256 splits.
     * The bound sits at 6 M rather than 8 M so that the Transformer date model's 1920×64×64
     * projections (7.9 M; batches of 64 inputs of 30 characters, d_model 64) split too.
     */
    static final long PARALLEL_MIN_WORK = 6L << 20;
    /** Column blocks start at multiples of this (whole SIMD tiles). */
    private static final int COL_GRAIN = 32;
    /**
     * Row blocks start at multiples of this: whole 8-row register tiles of the SIMD kernel (the
     * plain one has no row tile), so that 512 and 1024 rows halve evenly for two threads.
     */
    private static final int ROW_GRAIN = 8;

    private final Blas serial;
    private final int threads;

    ParallelBlas(Blas serial, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.serial = serial;
        this.threads = threads;
    }

    /** The number of threads a large GEMM is split over. */
    int threads() {
        return threads;
    }

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
        long work = (long) m * n * k;
        boolean byColumns = n > m;
        int grain = byColumns ? COL_GRAIN : ROW_GRAIN;
        int extent = byColumns ? n : m;
        int parts = threads == 1 || work < PARALLEL_MIN_WORK ? 1 : Math.min(threads, (extent + grain - 1) / grain);
        if (parts <= 1) {
            serial.gemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
            return;
        }
        int chunk = ((extent + parts - 1) / parts + grain - 1) / grain * grain;
        int count = (extent + chunk - 1) / chunk;
        Runnable[] tasks = new Runnable[count];
        for (int t = 0; t < count; t++) {
            int s = t * chunk;
            int len = Math.min(chunk, extent - s);
            if (byColumns) {
                int bo = transB ? bOff + s * ldb : bOff + s;
                int co = cOff + s;
                tasks[t] =
                        () -> serial.gemm(transA, transB, m, len, k, alpha, a, aOff, lda, b, bo, ldb, beta, c, co, ldc);
            } else {
                int ao = transA ? aOff + s : aOff + s * lda;
                int co = cOff + s * ldc;
                tasks[t] =
                        () -> serial.gemm(transA, transB, len, n, k, alpha, a, ao, lda, b, bOff, ldb, beta, c, co, ldc);
            }
        }
        KernelPool.runAll(tasks);
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
        serial.gemv(trans, m, n, alpha, a, aOff, lda, x, xOff, beta, y, yOff);
    }

    @Override
    public float dot(int n, float[] x, int xOff, float[] y, int yOff) {
        return serial.dot(n, x, xOff, y, yOff);
    }

    @Override
    public void axpy(int n, float alpha, float[] x, int xOff, float[] y, int yOff) {
        serial.axpy(n, alpha, x, xOff, y, yOff);
    }

    @Override
    public String name() {
        return serial.name();
    }

    @Override
    public String toString() {
        return serial.name() + " on " + threads + (threads == 1 ? " thread" : " threads");
    }
}
