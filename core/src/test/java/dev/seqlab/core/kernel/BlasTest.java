package dev.seqlab.core.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Blas implementation against naive double-precision references: odd tails around the
 * register and cache tiles, all four transpose combinations, alpha/beta, offsets and leading
 * dimensions wider than the block.
 */
class BlasTest {
    private static final int[] DIMS = {1, 2, 3, 7, 16, 17, 31, 33, 65, 100, 130};
    private static final float[][] ALPHA_BETA = {{1f, 0f}, {-0.5f, 1f}, {2f, 0.25f}, {1f, -1f}};

    static Stream<Blas> implementations() {
        return Stream.of(
                new PlainBlas(),
                new VectorBlas(),
                new ParallelBlas(new PlainBlas(), 3),
                new ParallelBlas(new VectorBlas(), 2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("implementations")
    void gemmMatchesNaiveDoubleLoopOnOddShapes(Blas blas) {
        SplittableRandom rnd = new SplittableRandom(42);
        int caseNo = 0;
        for (int mi = 0; mi < DIMS.length; mi++) {
            for (int ni = 0; ni < DIMS.length; ni++) {
                int k = DIMS[(mi + 2 * ni) % DIMS.length];
                for (int t = 0; t < 4; t++) {
                    runCase(blas, rnd, t >= 2, (t & 1) == 1, DIMS[mi], DIMS[ni], k, caseNo++);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("implementations")
    void gemmCrossesEveryBlockBoundary(Blas blas) {
        SplittableRandom rnd = new SplittableRandom(7);
        // k beyond one K block (256), m beyond one M block (96), n beyond one N block (2048),
        // and large enough for the parallel path.
        int[][] shapes = {{33, 40, 600}, {130, 70, 257}, {7, 2100, 5}, {97, 129, 513}, {200, 150, 300}};
        int caseNo = 0;
        for (int[] s : shapes) {
            for (int t = 0; t < 4; t++) {
                runCase(blas, rnd, t >= 2, (t & 1) == 1, s[0], s[1], s[2], caseNo++);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("implementations")
    void gemmWithEmptyKOrZeroAlphaScalesC(Blas blas) {
        float[] c = {1f, 2f, 3f, 4f};
        blas.gemm(false, false, 2, 2, 0, 1f, new float[0], 0, 1, new float[0], 0, 2, 3f, c, 0, 2);
        assertArrayEquals(new float[] {3f, 6f, 9f, 12f}, c);
        float[] nan = {Float.NaN, Float.NaN, Float.NaN, Float.NaN};
        blas.gemm(
                false,
                false,
                2,
                2,
                2,
                0f,
                new float[] {1, 2, 3, 4},
                0,
                2,
                new float[] {1, 2, 3, 4},
                0,
                2,
                0f,
                nan,
                0,
                2);
        assertArrayEquals(new float[4], nan);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("implementations")
    void gemmRejectsBadArguments(Blas blas) {
        float[] x = new float[12];
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> blas.gemm(false, false, 3, 4, 4, 1f, x, 0, 3, x, 0, 4, 0f, x, 0, 4));
        assertTrue(e.getMessage().contains("leading dimension 3"), e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class,
                () -> blas.gemm(false, false, 3, 4, 2, 1f, x, 0, 2, x, 0, 4, 0f, x, 1, 4));
        assertTrue(e.getMessage().contains("needs 13 elements"), e.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> blas.gemm(false, false, -1, 4, 2, 1f, x, 0, 2, x, 0, 4, 0f, x, 0, 4));
    }

    private static void runCase(
            Blas blas, SplittableRandom rnd, boolean tA, boolean tB, int m, int n, int k, int caseNo) {
        float alpha = ALPHA_BETA[caseNo % ALPHA_BETA.length][0];
        float beta = ALPHA_BETA[caseNo % ALPHA_BETA.length][1];
        int pad = caseNo % 3 == 0 ? 0 : 3;
        int aRows = tA ? k : m;
        int aCols = tA ? m : k;
        int bRows = tB ? n : k;
        int bCols = tB ? k : n;
        int lda = aCols + pad;
        int ldb = bCols + 2 * pad;
        int ldc = n + pad;
        int aOff = pad;
        int bOff = 2 * pad + 1;
        int cOff = pad + 2;
        float[] a = Reference.random(rnd, aOff + aRows * lda);
        float[] b = Reference.random(rnd, bOff + bRows * ldb);
        float[] c0 = Reference.random(rnd, cOff + m * ldc + 5);
        if (beta == 0f) {
            for (int i = 0; i < m; i++) {
                Arrays.fill(c0, cOff + i * ldc, cOff + i * ldc + n, Float.NaN);
            }
        }
        float[] c = c0.clone();
        blas.gemm(tA, tB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
        String what = blas + " gemm(" + (tA ? "T" : "N") + (tB ? "T" : "N") + ", m=" + m + ", n=" + n + ", k=" + k
                + ", alpha=" + alpha + ", beta=" + beta + ", pad=" + pad + ")";
        Reference.checkGemm(what, tA, tB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c0, c, cOff, ldc);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("implementations")
    void gemvMatchesDoubleReferenceBothOrientations(Blas blas) {
        SplittableRandom rnd = new SplittableRandom(3);
        for (int m : new int[] {1, 5, 17, 64, 100}) {
            for (int n : new int[] {1, 3, 16, 33, 130}) {
                for (boolean trans : new boolean[] {false, true}) {
                    for (float[] ab : ALPHA_BETA) {
                        int lda = n + 2;
                        float[] a = Reference.random(rnd, 1 + m * lda);
                        int xLen = trans ? m : n;
                        int yLen = trans ? n : m;
                        float[] x = Reference.random(rnd, 2 + xLen);
                        float[] y0 = Reference.random(rnd, 3 + yLen + 1);
                        if (ab[1] == 0f) {
                            Arrays.fill(y0, 3, 3 + yLen, Float.NaN);
                        }
                        float[] y = y0.clone();
                        blas.gemv(trans, m, n, ab[0], a, 1, lda, x, 2, ab[1], y, 3);
                        for (int i = 0; i < yLen; i++) {
                            double s = 0;
                            double abs = 0;
                            for (int p = 0; p < xLen; p++) {
                                double av = trans ? a[1 + p * lda + i] : a[1 + i * lda + p];
                                s += av * x[2 + p];
                                abs += Math.abs(av * x[2 + p]);
                            }
                            double old = ab[1] == 0f ? 0 : y0[3 + i];
                            double expected = ab[0] * s + ab[1] * old;
                            double tol = (xLen + 4) * Reference.U * (Math.abs(ab[0]) * abs + Math.abs(ab[1] * old));
                            assertEquals(
                                    expected,
                                    y[3 + i],
                                    tol,
                                    blas + " gemv trans=" + trans + " m=" + m + " n=" + n + " i=" + i);
                        }
                        assertEquals(y0[0], y[0]);
                        assertEquals(y0[3 + yLen], y[3 + yLen]);
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("implementations")
    void dotAndAxpyHandleEveryTailLength(Blas blas) {
        SplittableRandom rnd = new SplittableRandom(5);
        for (int n = 0; n <= 140; n++) {
            float[] x = Reference.random(rnd, n + 3);
            float[] y = Reference.random(rnd, n + 4);
            double s = 0;
            double abs = 0;
            for (int i = 0; i < n; i++) {
                s += (double) x[3 + i] * y[1 + i];
                abs += Math.abs((double) x[3 + i] * y[1 + i]);
            }
            assertEquals(s, blas.dot(n, x, 3, y, 1), (n + 1) * Reference.U * abs, blas + " dot n=" + n);

            float alpha = -1.75f;
            float[] expected = y.clone();
            for (int i = 0; i < n; i++) {
                expected[1 + i] = y[1 + i] + alpha * x[3 + i];
            }
            blas.axpy(n, alpha, x, 3, y, 1);
            assertArrayEquals(expected, y, blas + " axpy n=" + n);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("implementations")
    void vectorAndPlainAgreeOnSmallIntegers(Blas blas) {
        // Small integers multiply and add exactly in float: every implementation must agree bit for bit.
        int m = 19;
        int n = 45;
        int k = 300;
        SplittableRandom rnd = new SplittableRandom(11);
        float[] a = new float[m * k];
        float[] b = new float[k * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = rnd.nextInt(-4, 5);
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = rnd.nextInt(-4, 5);
        }
        float[] expected = new float[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                long s = 0;
                for (int p = 0; p < k; p++) {
                    s += (long) a[i * k + p] * (long) b[p * n + j];
                }
                expected[i * n + j] = s;
            }
        }
        float[] c = new float[m * n];
        blas.gemm(false, false, m, n, k, 1f, a, 0, k, b, 0, n, 0f, c, 0, n);
        assertArrayEquals(expected, c);
        assertTrue(List.of("plain", "vector").contains(blas.name()));
    }
}
