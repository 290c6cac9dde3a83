package dev.seqlab.core.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Both 4-bit block implementations against a double-precision reference computed from the
 * documented layout (codes packed here nibble by nibble, independently of the kernels), for
 * dimensions with every tail (1 … 37, 300), block ranges not starting at zero and not a multiple of
 * four blocks, extreme codes (−8, 7), zero rows (NaN errors), and JIT-compiled repetitions; and the
 * threshold screen against a plain loop.
 */
class Int4BlockDotsTest {

    static Stream<Int4BlockDots> implementations() {
        return Stream.of(new PlainInt4BlockDots(), new VectorInt4BlockDots());
    }

    /** The documented layout: row r's code c for dimension k, as a nibble of the right byte. */
    private static void put(byte[] codes, int dim, int r, int k, int c) {
        int at = (r / 16) * Int4BlockDots.blockBytes(dim) + (k / 2) * 16 + r % 16;
        int nibble = c & 0xF;
        codes[at] = (byte) ((k % 2 == 0) ? (codes[at] & 0xF0) | nibble : (codes[at] & 0x0F) | (nibble << 4));
    }

    private static void check(Int4BlockDots d, int dim, int blocks, int from, int to, SplittableRandom rnd) {
        int rows = blocks * 16;
        int[][] c = new int[rows][dim];
        byte[] codes = new byte[blocks * Int4BlockDots.blockBytes(dim)];
        for (int r = 0; r < rows; r++) {
            for (int k = 0; k < dim; k++) {
                c[r][k] = rnd.nextInt(16) - 8;
                put(codes, dim, r, k, c[r][k]);
            }
        }
        float[] q = new float[dim];
        for (int k = 0; k < dim; k++) {
            q[k] = (float) rnd.nextGaussian();
        }
        float[] scales = new float[rows];
        float[] errors = new float[rows];
        for (int r = 0; r < rows; r++) {
            scales[r] = (float) (0.01 + rnd.nextDouble() * 0.03);
            errors[r] = r % 7 == 3 ? Float.NaN : (float) (rnd.nextDouble() * 0.2);
        }
        float qNorm = 1.25f;
        float rounding = 1e-6f;
        float[] upper = new float[rows];
        Arrays.fill(upper, -7f);
        d.bounds(codes, dim, from, to, q, scales, errors, qNorm, rounding, upper);
        for (int r = 0; r < rows; r++) {
            int b = r / 16;
            if (b < from || b >= to) {
                assertEquals(-7f, upper[r], d.name() + ": row " + r + " outside the blocks was written");
                continue;
            }
            if (Float.isNaN(errors[r])) {
                assertTrue(Float.isNaN(upper[r]), d.name() + ": a NaN error gives a NaN bound, row " + r);
                continue;
            }
            double dot = 0;
            double magnitude = 0;
            for (int k = 0; k < dim; k++) {
                double p = (double) q[k] * c[r][k];
                dot += p;
                magnitude += Math.abs(p);
            }
            double exact = scales[r] * dot + ((double) qNorm * errors[r] + rounding);
            // float accumulation: at most dim roundings within 2^-24 of the running magnitude, then
            // the scale, the slack and the sum, each one rounding
            double tol = (dim + 4) * Math.ulp(1f) * (scales[r] * magnitude + Math.abs(exact) + qNorm * errors[r]);
            assertEquals(exact, upper[r], tol, d.name() + " dim " + dim + " row " + r);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("implementations")
    void matchesDoubleReferenceForEveryDimensionTail(Int4BlockDots d) {
        SplittableRandom rnd = new SplittableRandom(3);
        for (int dim = 1; dim <= 37; dim++) {
            check(d, dim, 7, 1, 6, rnd);
        }
        check(d, 300, 11, 2, 11, rnd);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("implementations")
    void staysExactOnceCompiled(Int4BlockDots d) {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int i = 0; i < 400; i++) {
            check(d, 18 + i % 3, 9, i % 2, 9, rnd);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("implementations")
    void screensExactlyTheRowsAtTheThreshold(Int4BlockDots d) {
        SplittableRandom rnd = new SplittableRandom(5);
        for (int round = 0; round < 200; round++) {
            int n = 1 + rnd.nextInt(300);
            float[] y = new float[n];
            for (int i = 0; i < n; i++) {
                y[i] = i % 13 == 5 ? Float.NaN : (float) rnd.nextGaussian();
            }
            int from = rnd.nextInt(n);
            int to = from + rnd.nextInt(n - from + 1);
            float threshold = round % 10 == 0 ? y[from == n ? 0 : from] : (float) (1.5 * rnd.nextGaussian());
            int[] expected = new int[n];
            int m = 0;
            for (int i = from; i < to; i++) {
                if (y[i] >= threshold) {
                    expected[m++] = i;
                }
            }
            int[] got = new int[n];
            int count = d.atLeast(y, from, to, threshold, got);
            assertEquals(m, count, d.name() + " count");
            assertArrayEquals(Arrays.copyOf(expected, m), Arrays.copyOf(got, count), d.name());
        }
    }
}
