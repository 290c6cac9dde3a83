package dev.seqlab.core.sample;

import dev.seqlab.core.random.SeededRandom;

/** One draw from a categorical distribution given as probabilities. */
public final class Categorical {

    private Categorical() {}

    /**
     * An index i in {@code [0, n)} with probability {@code p[i]}: one {@code rng.nextDouble()} u,
     * then the first i whose running sum of the positive probabilities (in index order) exceeds
     * u; if rounding leaves u above the total, the last index with positive probability (0 if
     * none). Exactly one random number per draw, so a seed fixes the whole sequence of draws.
     */
    public static int draw(double[] p, int n, SeededRandom rng) {
        double u = rng.nextDouble();
        double cum = 0;
        int last = 0;
        for (int i = 0; i < n; i++) {
            if (p[i] > 0) {
                cum += p[i];
                last = i;
                if (u < cum) {
                    return i;
                }
            }
        }
        return last;
    }
}
