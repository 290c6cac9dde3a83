package dev.seqlab.core.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Both element-wise implementations against double-precision definitions, over every tail
 * length, at offsets, in place, and at the extremes (±1000, ±∞, NaN, tiny values).
 */
class ElementwiseTest {

    static Stream<Elementwise> implementations() {
        return Stream.of(new PlainElementwise(), new VectorElementwise());
    }

    /**
     * Allowed error: 4 ulp of the float result (the SIMD routines promise a few ulp, the JDK's 1),
     * plus the smallest normal float for results that underflow (sigmoid below -87).
     */
    private static void near(double expected, float actual, String what) {
        double tol = 4 * Math.ulp((float) expected) + Float.MIN_NORMAL;
        if (Double.isNaN(expected)) {
            assertTrue(Float.isNaN(actual), what + ": expected NaN, got " + actual);
        } else {
            assertEquals(expected, actual, tol, what);
        }
    }

    private static double sigmoidD(double x) {
        return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("implementations")
    void matchesDoubleDefinitionsForEveryLengthAndOffset(Elementwise e) {
        SplittableRandom rnd = new SplittableRandom(9);
        for (int n = 0; n <= 70; n++) {
            float[] x = new float[n + 3];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) (rnd.nextGaussian() * 4);
            }
            float[] s = new float[n + 1];
            float[] t = new float[n + 1];
            e.sigmoid(n, x, 3, s, 1);
            e.tanh(n, x, 3, t, 1);
            for (int i = 0; i < n; i++) {
                near(sigmoidD(x[3 + i]), s[1 + i], e.name() + " sigmoid(" + x[3 + i] + ")");
                near(Math.tanh(x[3 + i]), t[1 + i], e.name() + " tanh(" + x[3 + i] + ")");
            }
            assertEquals(0f, s[0]);
            assertEquals(0f, t[0]);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("implementations")
    void extremesStayFiniteAndInPlaceWorks(Elementwise e) {
        float[] special = {
            1000f,
            -1000f,
            88f,
            -88f,
            -90f,
            -104f,
            30f,
            -30f,
            1e-20f,
            -1e-20f,
            0f,
            -0f,
            Float.POSITIVE_INFINITY,
            Float.NEGATIVE_INFINITY,
            Float.NaN,
            9f,
            0.5f,
            -0.5f,
            3e-5f,
            -2.5f,
            Float.MAX_VALUE,
            -Float.MAX_VALUE,
            1e-3f,
            5f,
            6f,
            7f,
            8f,
            10f,
            11f,
            12f,
            13f,
            14f
        };
        float[] s = special.clone();
        float[] t = special.clone();
        e.sigmoid(s.length, s, 0, s, 0);
        e.tanh(t.length, t, 0, t, 0);
        for (int i = 0; i < special.length; i++) {
            double x = special[i];
            near(Double.isInfinite(x) ? (x > 0 ? 1 : 0) : sigmoidD(x), s[i], e.name() + " sigmoid(" + x + ")");
            near(Math.tanh(x), t[i], e.name() + " tanh(" + x + ")");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("implementations")
    void jitCompiledLoopsStayAccurate(Elementwise e) {
        // Enough repetitions for C2 to compile the loops (the SIMD math routines exist only in
        // compiled code; the interpreter computes the lanes with java.lang.Math).
        SplittableRandom rnd = new SplittableRandom(10);
        int n = 4096;
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (rnd.nextGaussian() * 5);
        }
        float[] s = new float[n];
        float[] t = new float[n];
        for (int rep = 0; rep < 400; rep++) {
            e.sigmoid(n, x, 0, s, 0);
            e.tanh(n, x, 0, t, 0);
        }
        for (int i = 0; i < n; i++) {
            near(sigmoidD(x[i]), s[i], e.name() + " compiled sigmoid(" + x[i] + ")");
            near(Math.tanh(x[i]), t[i], e.name() + " compiled tanh(" + x[i] + ")");
        }
    }

    private static void checkExpShifted(Elementwise e, float[] x, int off, int n, String what) {
        float max = e.max(n, x, off);
        float expectedMax = Float.NEGATIVE_INFINITY;
        for (int j = 0; j < n; j++) {
            expectedMax = Math.max(expectedMax, x[off + j]);
        }
        assertEquals(expectedMax, max, 0f, what + " max");
        float[] y = new float[n + 1];
        double sum = e.expShifted(n, x, off, max, y, 1);
        double sumNoStore = e.expShifted(n, x, off, max, null, 0);
        double expected = 0;
        for (int j = 0; j < n; j++) {
            double ref = Math.exp((double) x[off + j] - max);
            near(ref, y[1 + j], what + " exp term " + j);
            expected += ref;
        }
        // float partial sums of n terms: (n + 4) u relative, the classical summation bound
        assertEquals(expected, sum, (n + 4) * Reference.U * expected, what + " sum");
        assertEquals(expected, sumNoStore, (n + 4) * Reference.U * expected, what + " sum without storing");
        assertEquals(0f, y[0]);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("implementations")
    void softmaxExponentialsAreAccurateInterpretedAndCompiled(Elementwise e) {
        SplittableRandom rnd = new SplittableRandom(13);
        for (int n = 0; n <= 70; n++) {
            float[] x = new float[n + 2];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) (rnd.nextGaussian() * 30);
            }
            checkExpShifted(e, x, 2, n, e.name() + " n=" + n);
        }
        // wide spread of magnitudes: x - max is inexact in float, the TwoSum correction must hold
        float[] x = new float[1000];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (rnd.nextDouble() * 2000 - 1000) * (i % 3 == 0 ? 1e-3f : 1f);
        }
        float[] y = new float[x.length];
        for (int rep = 0; rep < 3000; rep++) {
            e.expShifted(x.length, x, 0, e.max(x.length, x, 0), y, 0);
        }
        checkExpShifted(e, x, 0, x.length, e.name() + " compiled");
    }
}
