package dev.seqlab.core.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Both 4-bit block implementations against a double-precision reference computed from the
 * documented layout (codes packed here nibble by nibble, independently of the kernels), within the
 * error their {@link Int4BlockDots.Weights} claim, for
 * dimensions with every tail (1 … 37, 300), block ranges not starting at zero and not a multiple of
 * four blocks, extreme codes (−8, 7), zero rows (NaN errors), and JIT-compiled repetitions; and the
 * threshold screen against a plain loop.
 */
class Int4BlockDotsTest {

    static Stream<Int4BlockDots> implementations() {
        return Stream.of(new PlainInt4BlockDots(), new VectorInt4BlockDots());
    }

    /**
     * The documented layout: row r's code c for dimension k, as a nibble of the right byte (c + 8 in
     * the low nibble for even k, c in two's complement in the high one for odd k).
     */
    private static void put(byte[] codes, int dim, int r, int k, int c) {
        int at = (r / 64) * Int4BlockDots.blockBytes(dim) + (k / 2) * 64 + r % 64;
        codes[at] = (byte) ((k % 2 == 0) ? (codes[at] & 0xF0) | (c + 8) : (codes[at] & 0x0F) | ((c & 0xF) << 4));
    }

    private static void check(Int4BlockDots d, int dim, int blocks, int from, int to, SplittableRandom rnd) {
        int rows = blocks * 64;
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
        Int4BlockDots.Weights w = Int4BlockDots.Weights.of(q, dim);
        d.bounds(codes, dim, from, to, w, scales, errors, qNorm, rounding, upper);
        for (int r = 0; r < rows; r++) {
            int b = r / 64;
            if (b < from || b >= to) {
                assertEquals(-7f, upper[r], d.name() + ": row " + r + " outside the blocks was written");
                continue;
            }
            if (Float.isNaN(errors[r])) {
                assertTrue(Float.isNaN(upper[r]), d.name() + ": a NaN error gives a NaN bound, row " + r);
                continue;
            }
            double dot = 0;
            for (int k = 0; k < dim; k++) {
                dot += (double) q[k] * c[r][k];
            }
            double exact = scales[r] * dot + ((double) qNorm * errors[r] + rounding);
            // the dot product within the weights' error, then the scale, the slack and the sum,
            // each one rounding
            double tol = scales[r] * (double) w.error()
                    + 4 * Math.ulp(1f) * (Math.abs(exact) + scales[r] * Math.abs(dot) + qNorm * errors[r]);
            assertEquals(exact, upper[r], tol, d.name() + " dim " + dim + " row " + r);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("implementations")
    void matchesDoubleReferenceForEveryDimensionTail(Int4BlockDots d) {
        SplittableRandom rnd = new SplittableRandom(3);
        for (int dim = 1; dim <= 37; dim++) {
            check(d, dim, 3, 1, 3, rnd);
        }
        check(d, 300, 4, 1, 4, rnd);
    }

    @Test
    void packsAndUnpacksEveryPairOfCodes() {
        for (int lo = -8; lo <= 7; lo++) {
            for (int hi = -8; hi <= 7; hi++) {
                byte b = Int4BlockDots.pack(lo, hi);
                assertEquals(lo, Int4BlockDots.low(b));
                assertEquals(hi, Int4BlockDots.high(b));
                assertEquals(lo + 8 + 16 * hi, b, "the signed byte is (lo + 8) + 16·hi");
            }
        }
        assertThrows(IllegalArgumentException.class, () -> Int4BlockDots.pack(8, 0));
        assertThrows(IllegalArgumentException.class, () -> Int4BlockDots.pack(0, -9));
    }

    @Test
    void weightsGiveTheDotProductWithinTheirErrorAndNotFarWider() {
        SplittableRandom rnd = new SplittableRandom(17);
        for (int dim : new int[] {1, 2, 7, 100, 300, 301}) {
            float[] q = new float[dim];
            double l1 = 0;
            for (int k = 0; k < dim; k++) {
                q[k] = (float) (rnd.nextGaussian() * 0.06);
                l1 += Math.abs(q[k]);
            }
            Int4BlockDots.Weights w = Int4BlockDots.Weights.of(q, dim);
            // exact arithmetic on the float weights reproduces Σ q·c up to the weights' own rounding
            for (int trial = 0; trial < 50; trial++) {
                double viaWeights = w.constant();
                double direct = 0;
                for (int k = 0; k < dim; k += 2) {
                    int lo = rnd.nextInt(16) - 8;
                    int hi = k + 1 < dim ? rnd.nextInt(16) - 8 : 0;
                    byte s = Int4BlockDots.pack(lo, hi);
                    viaWeights += (double) w.factors()[k] * (s & 15) + (double) w.factors()[k + 1] * s;
                    direct += (double) q[k] * lo + (k + 1 < dim ? (double) q[k + 1] * hi : 0);
                }
                assertTrue(Math.abs(viaWeights - direct) <= w.error(), "dim " + dim);
            }
            // about (dim + 3)·2⁻²⁴ times terms of at most 8·|q|₁ + 15·|q|₁: no looser than that
            assertTrue(w.error() <= (dim + 3) * 0x1p-24 * 24 * l1 * 1.01 + dim * 0x1p-120, "dim " + dim);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("implementations")
    void staysExactOnceCompiled(Int4BlockDots d) {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int i = 0; i < 400; i++) {
            check(d, 18 + i % 3, 3, i % 2, 3, rnd);
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
