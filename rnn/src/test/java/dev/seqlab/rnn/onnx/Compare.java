package dev.seqlab.rnn.onnx;

import dev.seqlab.core.param.Parameter;
import dev.seqlab.core.param.Parameters;
import dev.seqlab.core.random.SeededRandom;

/** Shared checks for the ONNX tests: max differences printed and held to a tolerance. */
final class Compare {
    static final double TOLERANCE = 1e-5;

    private Compare() {}

    /** Asserts {@code max |a − b| ≤ TOLERANCE} and prints it; returns it. */
    static double close(float[] expected, float[] actual, String what) {
        if (expected.length != actual.length) {
            throw new AssertionError(what + ": " + expected.length + " values expected, got " + actual.length);
        }
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            double d = Math.abs(expected[i] - actual[i]);
            if (!(d <= worst)) {
                worst = Double.isNaN(d) ? Double.NaN : d;
                if (Double.isNaN(d)) {
                    break;
                }
            }
        }
        System.out.printf("%-58s max |diff| = %.2e%n", what, worst);
        if (!(worst <= TOLERANCE)) {
            throw new AssertionError(what + ": max difference " + worst + " > " + TOLERANCE);
        }
        return worst;
    }

    /** Adds N(0, scale²) noise to every parameter so no bias stays at its zero initialisation. */
    static void perturb(Parameters params, SeededRandom rng, double scale) {
        for (Parameter p : params) {
            float[] d = p.value().data();
            for (int i = 0; i < d.length; i++) {
                d[i] += (float) (scale * rng.nextGaussian());
            }
        }
    }

    static float[] gaussian(SeededRandom rng, int n) {
        float[] d = new float[n];
        for (int i = 0; i < n; i++) {
            d[i] = (float) rng.nextGaussian();
        }
        return d;
    }

    /** Row-wise softmax in double precision. */
    static float[] softmax(float[] logits, int cols) {
        float[] p = new float[logits.length];
        for (int r = 0; r < logits.length / cols; r++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < cols; j++) {
                max = Math.max(max, logits[r * cols + j]);
            }
            double sum = 0;
            for (int j = 0; j < cols; j++) {
                sum += Math.exp(logits[r * cols + j] - max);
            }
            for (int j = 0; j < cols; j++) {
                p[r * cols + j] = (float) (Math.exp(logits[r * cols + j] - max) / sum);
            }
        }
        return p;
    }

    /** {@code [A, B, C]} → {@code [B, A, C]}. */
    static float[] swap01(float[] x, int a, int b, int c) {
        float[] y = new float[x.length];
        for (int i = 0; i < a; i++) {
            for (int j = 0; j < b; j++) {
                System.arraycopy(x, (i * b + j) * c, y, (j * a + i) * c, c);
            }
        }
        return y;
    }
}
