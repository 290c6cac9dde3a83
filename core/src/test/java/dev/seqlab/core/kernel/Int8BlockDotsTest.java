package dev.seqlab.core.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Both int8 block implementations against a double-precision reference computed from the
 * documented layout, for dimensions with every tail (1 … 37, 100, 301), block ranges not starting
 * at zero, extreme codes (−128, 127), and JIT-compiled repetitions.
 */
class Int8BlockDotsTest {

    static Stream<Int8BlockDots> implementations() {
        return Stream.of(new PlainInt8BlockDots(), new VectorInt8BlockDots());
    }

    private static void check(Int8BlockDots d, int dim, int blocks, int from, int to, SplittableRandom rnd) {
        byte[] codes = new byte[blocks * dim * 16];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = (byte) (rnd.nextInt(256) - 128);
        }
        float[] q = new float[dim];
        for (int k = 0; k < dim; k++) {
            q[k] = (float) rnd.nextGaussian();
        }
        float[] y = new float[blocks * 16];
        Arrays.fill(y, -7f);
        d.dots(codes, dim, from, to, q, y);
        for (int row = 0; row < blocks * 16; row++) {
            int b = row / 16;
            int j = row % 16;
            if (b < from || b >= to) {
                assertEquals(-7f, y[row], d.name() + ": row " + row + " outside the blocks was written");
                continue;
            }
            double exact = 0;
            double magnitude = 0;
            for (int k = 0; k < dim; k++) {
                double p = (double) q[k] * codes[(b * dim + k) * 16 + j];
                exact += p;
                magnitude += Math.abs(p);
            }
            // float accumulation: at most dim roundings, each within 2^-24 of the running magnitude
            double tol = dim * Math.ulp(1f) * magnitude + 1e-30;
            assertEquals(exact, y[row], tol, d.name() + " dim " + dim + " row " + row);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("implementations")
    void matchesDoubleReferenceForEveryDimensionTail(Int8BlockDots d) {
        SplittableRandom rnd = new SplittableRandom(3);
        for (int dim = 1; dim <= 37; dim++) {
            check(d, dim, 4, 1, 3, rnd);
        }
        check(d, 100, 7, 0, 7, rnd);
        check(d, 301, 3, 2, 3, rnd);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("implementations")
    void extremeCodesAndEmptyRange(Int8BlockDots d) {
        int dim = 5;
        byte[] codes = new byte[2 * dim * 16];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = (byte) (i % 2 == 0 ? -128 : 127);
        }
        float[] q = {1f, -2f, 0.5f, 3f, -1f};
        float[] y = new float[32];
        d.dots(codes, dim, 0, 2, q, y);
        for (int row = 0; row < 32; row++) {
            float code = row % 2 == 0 ? -128f : 127f; // dim·16 is even, so parity follows the row
            assertEquals(code * (1.5f), y[row], 1e-4f, d.name() + " row " + row);
        }
        float[] untouched = new float[32];
        d.dots(codes, dim, 1, 1, q, untouched);
        assertEquals(0f, untouched[16]);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("implementations")
    void jitCompiledLoopsStayAccurate(Int8BlockDots d) {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int rep = 0; rep < 300; rep++) {
            check(d, 100, 20, 3, 17, rnd);
        }
    }

    /** A batch of queries gives each query exactly the floats it gets alone, for every group size (16, 8, 4, 1). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("implementations")
    void batchOfQueriesEqualsEachQueryAlone(Int8BlockDots d) {
        SplittableRandom rnd = new SplittableRandom(17);
        for (int dim : new int[] {1, 2, 7, 100, 301}) {
            int blocks = 5;
            byte[] codes = new byte[blocks * dim * 16];
            for (int i = 0; i < codes.length; i++) {
                codes[i] = (byte) (rnd.nextInt(256) - 128);
            }
            for (int count : new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 16, 17, 24, 29}) {
                float[][] q = new float[count + 1][dim];
                float[][] y = new float[count + 1][blocks * 16];
                for (float[] v : q) {
                    for (int k = 0; k < dim; k++) {
                        v[k] = (float) rnd.nextGaussian();
                    }
                }
                for (float[] v : y) {
                    Arrays.fill(v, -7f);
                }
                d.dots(codes, dim, 1, 4, q, count, y);
                for (int j = 0; j <= count; j++) {
                    float[] alone = new float[blocks * 16];
                    Arrays.fill(alone, -7f);
                    if (j < count) {
                        d.dots(codes, dim, 1, 4, q[j], alone);
                    }
                    for (int row = 0; row < alone.length; row++) {
                        // the batch counts rows from the first block, and leaves the rest as it was
                        int at = row - 16;
                        float expected = j == count || at < 0 ? -7f : alone[row];
                        float got = at < 0 ? y[j][alone.length - 16 + row] : y[j][at];
                        assertEquals(
                                Float.floatToIntBits(expected),
                                Float.floatToIntBits(got),
                                d.name() + " dim " + dim + " count " + count + " query " + j + " row " + row);
                    }
                }
            }
        }
    }

    /** The screen keeps exactly the rows whose bound, computed as documented, reaches the threshold. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("implementations")
    void reachingKeepsExactlyTheRowsWhoseBoundReaches(Int8BlockDots d) {
        SplittableRandom rnd = new SplittableRandom(23);
        for (int rep = 0; rep < 200; rep++) {
            int n = rnd.nextInt(100);
            float[] approx = new float[n + 3];
            float[] errors = new float[n + 3];
            for (int r = 0; r < approx.length; r++) {
                approx[r] = (float) rnd.nextGaussian() * 0.3f;
                errors[r] = rnd.nextInt(10) == 0 ? Float.NaN : (float) rnd.nextDouble() * 0.02f;
            }
            float qNorm = 1f + (float) rnd.nextDouble() * 1e-6f;
            float rounding = 1e-6f;
            float threshold = rep % 10 == 0 ? Float.NEGATIVE_INFINITY : (float) rnd.nextGaussian() * 0.3f;
            if (n > 0 && rep % 7 == 0) { // a bound exactly at the threshold reaches it
                threshold = approx[n / 2] + (qNorm * errors[n / 2] + rounding);
            }
            int[] expected = new int[n];
            int count = 0;
            for (int r = 0; r < n; r++) {
                float slack = qNorm * errors[r] + rounding;
                if (approx[r] + slack >= threshold) {
                    expected[count++] = r;
                }
            }
            int[] rows = new int[n + 3];
            int got = d.reaching(approx, errors, n, qNorm, rounding, threshold, rows);
            assertEquals(count, got, d.name() + " rep " + rep);
            for (int i = 0; i < count; i++) {
                assertEquals(expected[i], rows[i], d.name() + " rep " + rep + " hit " + i);
            }
        }
    }
}
