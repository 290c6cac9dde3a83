package dev.seqlab.core.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.seqlab.core.random.SeededRandom;
import org.junit.jupiter.api.Test;

/**
 * The SIMD exp/tanh must give the same bits whether the JVM interprets or compiles them (a seed
 * must reproduce a training run). A scalar emulation of the same IEEE operations is the
 * reference; the vector kernel is compared with it bit for bit on the first (interpreted) calls
 * and again after enough calls for the JIT to compile the loop.
 */
class VectorMathTest {

    private static float exp(float x) {
        if (Float.isNaN(x)) {
            return x;
        }
        if (x > 88.72283905206835f) {
            return Float.POSITIVE_INFINITY;
        }
        if (x < -87.33654475055310f) {
            return 0f;
        }
        float t = Math.fma(x, 1.44269504088896341f, 12582912f);
        float n = t - 12582912f;
        float r = Math.fma(n, -0.693359375f, x);
        r = Math.fma(n, 2.12194440e-4f, r);
        float p = Math.fma(r, 1.9875691500e-4f, 1.3981999507e-3f);
        p = Math.fma(p, r, 8.3334519073e-3f);
        p = Math.fma(p, r, 4.1665795894e-2f);
        p = Math.fma(p, r, 1.6666665459e-1f);
        p = Math.fma(p, r, 5.0000001201e-1f);
        float e = Math.fma(p, r * r, r) + 1f;
        int ni = Float.floatToRawIntBits(t) - 0x4B400000;
        return e * Float.intBitsToFloat((ni + 127) << 23);
    }

    private static float sigmoid(float x) {
        return 1f / (exp(-x) + 1f);
    }

    private static float tanh(float x) {
        if (Float.isNaN(x)) {
            return x;
        }
        float ax = Math.abs(x);
        if (ax < 0.625f) {
            float s = x * x;
            float p = Math.fma(s, -5.70498872745e-3f, 2.06390887954e-2f);
            p = Math.fma(p, s, -5.37397155531e-2f);
            p = Math.fma(p, s, 1.33314422036e-1f);
            p = Math.fma(p, s, -3.33332819422e-1f);
            return Math.fma(p * s, x, x);
        }
        float large = 1f - 2f / (exp(ax + ax) + 1f);
        return x < 0 ? -large : large;
    }

    @Test
    void vectorExpAndTanhEqualTheirScalarEmulationInEveryJitState() {
        Elementwise v = new VectorElementwise();
        SeededRandom rng = new SeededRandom(1);
        int n = 64;
        float[] x = new float[n];
        float[] y = new float[n];
        for (int round = 0; round < 30_000; round++) {
            for (int i = 0; i < n; i++) {
                x[i] = (float) (rng.nextGaussian() * (round % 3 == 0 ? 30 : 3));
            }
            x[round % n] = round % 5 == 0 ? Float.NaN : x[round % n];
            boolean check = round < 20 || round % 1000 == 0;
            v.sigmoid(n, x, 0, y, 0);
            if (check) {
                for (int i = 0; i < n; i++) {
                    assertEquals(
                            Float.floatToIntBits(sigmoid(x[i])),
                            Float.floatToIntBits(y[i]),
                            "sigmoid(" + x[i] + ") in round " + round);
                }
            }
            v.tanh(n, x, 0, y, 0);
            if (check) {
                for (int i = 0; i < n; i++) {
                    assertEquals(
                            Float.floatToIntBits(tanh(x[i])),
                            Float.floatToIntBits(y[i]),
                            "tanh(" + x[i] + ") in round " + round);
                }
            }
        }
    }
}
