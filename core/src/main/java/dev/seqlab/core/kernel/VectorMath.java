package dev.seqlab.core.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

/**
 * exp and tanh on float vectors built only from IEEE basic operations (add, multiply, FMA,
 * divide, integer shifts), so that the interpreter and every JIT tier produce the same bits.
 * The Vector API's own {@code EXP}/{@code TANH} do not: compiled code calls an SVML routine while
 * the interpreter falls back to scalar {@code Math}, so results would depend on JIT timing and the
 * same seed could train different weights.
 *
 * <p>exp: x = n·ln2 + r with n = round(x/ln2) (ln2 split into a 9-bit head and a tail so n·ln2hi
 * is exact), e^r by a degree-6 minimax polynomial on |r| ≤ ln2/2 (the Cephes expf coefficients),
 * times 2ⁿ assembled in the exponent bits. tanh: an odd polynomial below 0.625 (Cephes tanhf),
 * 1 − 2/(e^{2|x|} + 1) above. Both are within a few ulp of the exact values.
 */
final class VectorMath {
    private static final float LOG2E = 1.44269504088896341f;
    private static final float LN2_HI = 0.693359375f;
    private static final float LN2_LO = -2.12194440e-4f;
    private static final float MAX_X = 88.72283905206835f; // e^x overflows above
    private static final float MIN_X = -87.33654475055310f; // e^x is subnormal or 0 below
    private static final float ROUNDER = 12582912f; // 1.5·2²³: adding it rounds to an integer

    private VectorMath() {}

    private static FloatVector c(FloatVector like, float v) {
        return FloatVector.broadcast(like.species(), v);
    }

    /** e^x per lane: +∞ above 88.72, 0 below −87.34, NaN for NaN. */
    static FloatVector exp(FloatVector x) {
        FloatVector xc = x.max(MIN_X).min(MAX_X);
        FloatVector t = xc.fma(LOG2E, ROUNDER); // n + 1.5·2²³, n = round(x·log2e)
        FloatVector n = t.sub(ROUNDER);
        FloatVector r = n.fma(c(x, -LN2_HI), xc);
        r = n.fma(c(x, -LN2_LO), r);
        FloatVector p = r.fma(1.9875691500e-4f, 1.3981999507e-3f);
        p = p.fma(r, c(x, 8.3334519073e-3f));
        p = p.fma(r, c(x, 4.1665795894e-2f));
        p = p.fma(r, c(x, 1.6666665459e-1f));
        p = p.fma(r, c(x, 5.0000001201e-1f));
        FloatVector r2 = r.mul(r);
        FloatVector e = p.fma(r2, r).add(1f);
        IntVector ni = t.reinterpretAsInts().sub(0x4B400000); // the integer n
        FloatVector scale = ni.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
        FloatVector result = e.mul(scale);
        result = result.blend(Float.POSITIVE_INFINITY, x.compare(VectorOperators.GT, MAX_X));
        result = result.blend(0f, x.compare(VectorOperators.LT, MIN_X));
        return result.blend(x, x.test(VectorOperators.IS_NAN));
    }

    /** tanh(x) per lane. */
    static FloatVector tanh(FloatVector x) {
        FloatVector ax = x.abs();
        // small |x|: odd polynomial
        FloatVector s = x.mul(x);
        FloatVector p = s.fma(-5.70498872745e-3f, 2.06390887954e-2f);
        p = p.fma(s, c(x, -5.37397155531e-2f));
        p = p.fma(s, c(x, 1.33314422036e-1f));
        p = p.fma(s, c(x, -3.33332819422e-1f));
        FloatVector small = p.mul(s).fma(x, x);
        // larger |x|: 1 − 2/(e^{2|x|} + 1), with the sign of x
        FloatVector e = exp(ax.add(ax));
        FloatVector large = FloatVector.broadcast(x.species(), 1f)
                .sub(FloatVector.broadcast(x.species(), 2f).div(e.add(1f)));
        VectorMask<Float> negative = x.compare(VectorOperators.LT, 0f);
        large = large.blend(large.neg(), negative);
        FloatVector result = large.blend(small, ax.compare(VectorOperators.LT, 0.625f));
        return result.blend(x, x.test(VectorOperators.IS_NAN));
    }
}
