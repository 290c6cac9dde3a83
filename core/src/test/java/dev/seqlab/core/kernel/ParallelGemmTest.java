package dev.seqlab.core.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The parallel GEMM gives the same bits as the single-threaded one, for any thread count. */
class ParallelGemmTest {

    private static float[] run(Blas blas, boolean tA, boolean tB, int m, int n, int k, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] a = Reference.random(rnd, m * k);
        float[] b = Reference.random(rnd, k * n);
        float[] c = Reference.random(rnd, m * n);
        blas.gemm(tA, tB, m, n, k, 0.75f, a, 0, tA ? m : k, b, 0, tB ? k : n, 0.5f, c, 0, n);
        return c;
    }

    private static void checkBitwise(Supplier<Blas> serial) {
        // wide (split by columns) and tall (split by rows), with ragged edges and several K blocks
        int[][] shapes = {{90, 333, 300}, {301, 110, 270}, {32, 1024, 300}};
        for (int[] s : shapes) {
            assertTrue(
                    (long) s[0] * s[1] * s[2] >= ParallelBlas.PARALLEL_MIN_WORK, "shape must take the parallel path");
            for (int t = 0; t < 4; t++) {
                boolean tA = t >= 2;
                boolean tB = (t & 1) == 1;
                float[] one = run(serial.get(), tA, tB, s[0], s[1], s[2], 99);
                for (int threads = 2; threads <= 5; threads++) {
                    float[] many = run(new ParallelBlas(serial.get(), threads), tA, tB, s[0], s[1], s[2], 99);
                    assertArrayEquals(
                            one,
                            many,
                            serial.get().name() + " with " + threads + " threads, shape " + s[0] + "x" + s[1] + "x"
                                    + s[2] + " trans " + tA + "/" + tB);
                }
            }
        }
    }

    @Test
    void vectorGemmIsBitIdenticalForAnyThreadCount() {
        checkBitwise(VectorBlas::new);
    }

    @Test
    void plainGemmIsBitIdenticalForAnyThreadCount() {
        checkBitwise(PlainBlas::new);
    }

    @Test
    void readingBInPlaceOrPackedGivesTheSameBits() {
        // m=200 packs B; the same product in row blocks of 40 reads B in place (m <= 96)
        int m = 200;
        int n = 150;
        int k = 300;
        SplittableRandom rnd = new SplittableRandom(12);
        float[] a = Reference.random(rnd, m * k);
        float[] b = Reference.random(rnd, k * n);
        float[] whole = Reference.random(rnd, m * n);
        float[] blocks = whole.clone();
        Blas v = new VectorBlas();
        v.gemm(false, false, m, n, k, 1.25f, a, 0, k, b, 0, n, -0.5f, whole, 0, n);
        for (int i0 = 0; i0 < m; i0 += 40) {
            v.gemm(false, false, 40, n, k, 1.25f, a, i0 * k, k, b, 0, n, -0.5f, blocks, i0 * n, n);
        }
        assertArrayEquals(whole, blocks);
    }

    @Test
    void packedKernelGivesTheBitsOfTheInPlaceKernelAtOddDepths() {
        // m=200 packs both operands (the constant-stride kernel, unrolled by two depth steps); row
        // blocks of 40 read B in place (the strided kernel, one step at a time). k=513 leaves K
        // blocks of 256, 256 and 1, so the unrolled loop's odd tail runs alone and after pairs.
        int m = 200;
        int n = 150;
        for (int k : new int[] {1, 3, 255, 513}) {
            SplittableRandom rnd = new SplittableRandom(k);
            float[] a = Reference.random(rnd, m * k);
            float[] b = Reference.random(rnd, k * n);
            float[] whole = Reference.random(rnd, m * n);
            float[] blocks = whole.clone();
            Blas v = new VectorBlas();
            v.gemm(false, false, m, n, k, 0.75f, a, 0, k, b, 0, n, 1f, whole, 0, n);
            for (int i0 = 0; i0 < m; i0 += 40) {
                v.gemm(false, false, 40, n, k, 0.75f, a, i0 * k, k, b, 0, n, 1f, blocks, i0 * n, n);
            }
            assertArrayEquals(whole, blocks, "k=" + k);
        }
    }

    @Test
    void readingAInPlaceOrPackedGivesTheSameBits() {
        // n=150 packs A; the same product in column blocks of 30 reads A in place (n <= 2 panels),
        // every transpose, with a ragged last row panel (m=101) and k beyond one K block
        int m = 101;
        int n = 150;
        int k = 300;
        SplittableRandom rnd = new SplittableRandom(13);
        Blas v = new VectorBlas();
        for (int t = 0; t < 4; t++) {
            boolean tA = t >= 2;
            boolean tB = (t & 1) == 1;
            float[] a = Reference.random(rnd, m * k);
            float[] b = Reference.random(rnd, k * n);
            int lda = tA ? m : k;
            int ldb = tB ? k : n;
            float[] whole = Reference.random(rnd, m * n);
            float[] blocks = whole.clone();
            v.gemm(tA, tB, m, n, k, 1.25f, a, 0, lda, b, 0, ldb, -0.5f, whole, 0, n);
            for (int j0 = 0; j0 < n; j0 += 30) {
                int bOff = tB ? j0 * ldb : j0;
                v.gemm(tA, tB, m, 30, k, 1.25f, a, 0, lda, b, bOff, ldb, -0.5f, blocks, j0, n);
            }
            assertArrayEquals(whole, blocks, "transA " + tA + ", transB " + tB);
        }
    }

    @Test
    void kernelsBlasWithThreadLimitMatchesSingleThread() {
        float[] one = run(Kernels.blas(1), false, false, 256, 256, 256, 1);
        float[] two = run(Kernels.blas(2), false, false, 256, 256, 256, 1);
        float[] dflt = run(Kernels.blas(), false, false, 256, 256, 256, 1);
        assertArrayEquals(one, two);
        assertArrayEquals(one, dflt);
    }

    @Test
    void concurrentCallersDoNotInterfere() throws Exception {
        // several threads share the pool and the per-thread packing buffers
        float[] expected = run(Kernels.blas(1), true, false, 150, 170, 290, 8);
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            List<Future<float[]>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(callers.submit(() -> run(Kernels.blas(3), true, false, 150, 170, 290, 8)));
            }
            for (Future<float[]> f : results) {
                assertArrayEquals(expected, f.get());
            }
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void smallProblemsStayOnTheCallingThread() {
        Thread caller = Thread.currentThread();
        Blas spy = new PlainBlas();
        List<Thread> seen = new ArrayList<>();
        Blas recording = new ParallelBlas(
                new Blas() {
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
                        synchronized (seen) {
                            seen.add(Thread.currentThread());
                        }
                        spy.gemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
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
                        throw new UnsupportedOperationException();
                    }

                    @Override
                    public float dot(int n, float[] x, int xOff, float[] y, int yOff) {
                        throw new UnsupportedOperationException();
                    }

                    @Override
                    public void axpy(int n, float alpha, float[] x, int xOff, float[] y, int yOff) {
                        throw new UnsupportedOperationException();
                    }

                    @Override
                    public String name() {
                        return "recording";
                    }
                },
                2);
        run(recording, false, false, 32, 77, 200, 3);
        assertEquals(List.of(caller), seen);
        seen.clear();
        run(recording, false, false, 64, 512, 300, 3);
        assertEquals(2, seen.size());
        assertTrue(seen.contains(caller));
    }
}
