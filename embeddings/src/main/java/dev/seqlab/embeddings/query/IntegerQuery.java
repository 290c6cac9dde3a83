package dev.seqlab.embeddings.query;

import dev.seqlab.core.kernel.SwarInt8BlockDots;

/**
 * A float query rounded to integers for {@link SwarInt8BlockDots}: {@code q ≈ scale·ints}, with
 * {@code |ints[k]| ≤ SwarInt8BlockDots.maxQuery(dim)}, and {@link #slack()}, what the rounding can
 * move a bound by. For a row's int8 codes {@code c} (its unit vector {@code u ≈ s·c}, within
 * {@code e}), {@code q·c = scale·(ints·c) + r·c} with {@code r = q − scale·ints}, and
 * {@code s·|c| ≤ 1 + e}; so {@code s·(q·c) ≤ s·scale·(ints·c) + |r|·(1 + e)}. The slack is
 * {@code |r|} plus four float roundings of the approximate score {@code s·scale·(ints·c)} (at most
 * {@code (|q| + |r|)·(1 + e)} in size), rounded up, so that {@code slack·(1 + e)} covers both.
 */
record IntegerQuery(int[] ints, float scale, float slack) {

    /** {@code q} (its first {@code dim} components) rounded to integers. */
    static IntegerQuery of(float[] q, int dim) {
        int max = SwarInt8BlockDots.maxQuery(dim);
        float largest = 0f;
        for (int k = 0; k < dim; k++) {
            largest = Math.max(largest, Math.abs(q[k]));
        }
        // a scale that is a float, so that the kernel multiplies by exactly the value the bound uses
        float scale = largest > 0f ? largest / max : 1f;
        int[] ints = new int[dim];
        double r2 = 0;
        double q2 = 0;
        for (int k = 0; k < dim; k++) {
            long v = Math.round(q[k] / (double) scale);
            ints[k] = (int) Math.max(-max, Math.min(max, v));
            double r = q[k] - (double) scale * ints[k];
            r2 += r * r;
            q2 += (double) q[k] * q[k];
        }
        double r = Math.sqrt(r2);
        double slack = (r + 4 * 0x1p-24 * (Math.sqrt(q2) + r)) * (1 + 0x1p-40);
        return new IntegerQuery(ints, scale, roundUp(slack));
    }

    private static float roundUp(double x) {
        float f = (float) x;
        return f < x ? Math.nextUp(f) : f;
    }
}
