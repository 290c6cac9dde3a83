package dev.seqlab.core.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/** Activations against double-precision definitions; derivatives against central differences. */
class ActivationsTest {
    private static final double H = 1e-5;
    /** A float result near 1 carries ≈ 6e-8 rounding; a derivative formula adds a few such steps. */
    private static final double TOL = 5e-7;

    private static final float[] POINTS = {-30f, -8f, -3.5f, -1f, -0.25f, 0f, 0.1f, 0.7f, 2f, 5f, 12f, 40f};

    private static double sigmoidD(double x) {
        return 1.0 / (1.0 + Math.exp(-x));
    }

    private static double centralDiff(DoubleUnaryOperator f, double x) {
        return (f.applyAsDouble(x + H) - f.applyAsDouble(x - H)) / (2 * H);
    }

    @Test
    void valuesMatchDoubleDefinitionsWithoutOverflow() {
        for (float x : POINTS) {
            assertEquals(
                    sigmoidD(x),
                    Activations.sigmoid(x),
                    1e-7 * Math.max(1e-30, sigmoidD(x)) + 1e-37 + Reference.U,
                    "sigmoid " + x);
            assertEquals(Math.tanh(x), Activations.tanh(x), Reference.U, "tanh " + x);
            assertEquals(Math.max(0, x), Activations.relu(x), 0.0, "relu " + x);
        }
        assertEquals(0f, Activations.sigmoid(-1000f));
        assertEquals(1f, Activations.sigmoid(1000f));
        assertEquals(0f, Activations.sigmoid(Float.NEGATIVE_INFINITY));
        assertEquals(Float.NaN, Activations.relu(Float.NaN));
    }

    @Test
    void derivativesFromInputAndOutputMatchCentralDifferences() {
        for (float x : POINTS) {
            double ds = centralDiff(ActivationsTest::sigmoidD, x);
            double dt = centralDiff(Math::tanh, x);
            assertEquals(ds, Activations.sigmoidGrad(x), TOL, "sigmoid' " + x);
            assertEquals(ds, Activations.sigmoidGradFromOutput(Activations.sigmoid(x)), TOL, "sigmoid'(y) " + x);
            assertEquals(dt, Activations.tanhGrad(x), TOL, "tanh' " + x);
            assertEquals(dt, Activations.tanhGradFromOutput(Activations.tanh(x)), TOL, "tanh'(y) " + x);
            if (x != 0f) {
                assertEquals(centralDiff(v -> Math.max(0, v), x), Activations.reluGrad(x), 1e-9, "relu' " + x);
            }
        }
        assertEquals(0f, Activations.reluGrad(0f));
    }

    @Test
    void arrayFormsAndBackwardPassesApplyTheChainRule() {
        SplittableRandom rnd = new SplittableRandom(1);
        int n = 37;
        float[] x = new float[n + 2];
        float[] dy = new float[n + 1];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (rnd.nextDouble() * 12 - 6);
        }
        for (int i = 0; i < dy.length; i++) {
            dy[i] = (float) (rnd.nextDouble() * 2 - 1);
        }
        float[] s = new float[n];
        float[] t = new float[n];
        float[] r = new float[n];
        Activations.sigmoid(n, x, 2, s, 0);
        Activations.tanh(n, x, 2, t, 0);
        Activations.relu(n, x, 2, r, 0);
        float[] ds = new float[n];
        float[] dt = new float[n];
        float[] dr = new float[n];
        Activations.sigmoidBackward(n, s, 0, dy, 1, ds, 0);
        Activations.tanhBackward(n, t, 0, dy, 1, dt, 0);
        Activations.reluBackward(n, x, 2, dy, 1, dr, 0);
        for (int i = 0; i < n; i++) {
            double xi = x[2 + i];
            // the array forms may run on SIMD routines: within 2 ulp of the scalar forms' exact values
            assertEquals(Activations.sigmoid(x[2 + i]), s[i], 2 * Math.ulp(s[i]));
            assertEquals(Activations.tanh(x[2 + i]), t[i], 2 * Math.ulp(t[i]));
            assertEquals(Math.max(0, xi), r[i], 0.0);
            assertEquals(dy[1 + i] * centralDiff(ActivationsTest::sigmoidD, xi), ds[i], TOL, "dsigmoid " + i);
            assertEquals(dy[1 + i] * centralDiff(Math::tanh, xi), dt[i], TOL, "dtanh " + i);
            assertEquals(dy[1 + i] * (xi > 0 ? 1 : 0), dr[i], 0.0, "drelu " + i);
        }
        // in place
        float[] y = x.clone();
        Activations.tanh(n, y, 2, y, 2);
        for (int i = 0; i < n; i++) {
            assertEquals(t[i], y[2 + i], 0.0);
        }
    }
}
