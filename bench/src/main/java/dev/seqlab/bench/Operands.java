package dev.seqlab.bench;

import java.util.SplittableRandom;

/** Benchmark operands. */
final class Operands {
    private Operands() {}

    /** n values uniform in [-1, 1). */
    static float[] random(SplittableRandom rnd, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (rnd.nextDouble() * 2 - 1);
        }
        return x;
    }
}
