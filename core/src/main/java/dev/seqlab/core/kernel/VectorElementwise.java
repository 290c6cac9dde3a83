package dev.seqlab.core.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Elementwise} on float vectors: exp and tanh from {@link VectorMath} (basic IEEE
 * operations only, so the bits do not depend on whether the code is interpreted or compiled),
 * max from the Vector API. The tail shorter than a vector uses the scalar functions.
 *
 * <p>Loaded reflectively by {@link Kernels} only when {@code jdk.incubator.vector} is present.
 */
final class VectorElementwise implements Elementwise {
    private static final VectorSpecies<Float> S = VectorShapes.FLOATS;
    private static final int L = S.length();

    @Override
    public void sigmoid(int n, float[] x, int xOff, float[] y, int yOff) {
        FloatVector one = FloatVector.broadcast(S, 1f);
        int i = 0;
        int upper = n - n % L;
        for (; i < upper; i += L) {
            // exp(-x) overflows to +inf for x < -88.7, giving 1/inf = 0: no NaN, no special case.
            FloatVector e = VectorMath.exp(FloatVector.fromArray(S, x, xOff + i).neg());
            one.div(e.add(one)).intoArray(y, yOff + i);
        }
        for (; i < n; i++) {
            y[yOff + i] = Activations.sigmoid(x[xOff + i]);
        }
    }

    @Override
    public void tanh(int n, float[] x, int xOff, float[] y, int yOff) {
        int i = 0;
        int upper = n - n % L;
        for (; i < upper; i += L) {
            VectorMath.tanh(FloatVector.fromArray(S, x, xOff + i)).intoArray(y, yOff + i);
        }
        for (; i < n; i++) {
            y[yOff + i] = (float) Math.tanh(x[xOff + i]);
        }
    }

    @Override
    public float max(int n, float[] x, int xOff) {
        int i = 0;
        int upper = n - n % L;
        float max = Float.NEGATIVE_INFINITY;
        if (upper > 0) {
            FloatVector m = FloatVector.fromArray(S, x, xOff);
            for (i = L; i < upper; i += L) {
                m = m.max(FloatVector.fromArray(S, x, xOff + i));
            }
            max = m.reduceLanes(VectorOperators.MAX);
        }
        for (; i < n; i++) {
            max = Math.max(max, x[xOff + i]);
        }
        return max;
    }

    /**
     * {@link VectorMath#exp} of t = x - shift rounded to float, corrected to first order by the
     * rounding error of that subtraction (recovered exactly with Knuth's TwoSum), so each term is
     * as accurate as exp of the exact difference; partial sums per lane in float, added in double.
     * Elements equal to −∞ give exactly 0.
     */
    @Override
    public double expShifted(int n, float[] x, int xOff, float shift, float[] y, int yOff) {
        FloatVector vShift = FloatVector.broadcast(S, shift);
        FloatVector negShift = vShift.neg();
        FloatVector acc = FloatVector.zero(S);
        int i = 0;
        int upper = n - n % L;
        for (; i < upper; i += L) {
            FloatVector xv = FloatVector.fromArray(S, x, xOff + i);
            FloatVector t = xv.sub(vShift);
            FloatVector bb = t.sub(xv);
            FloatVector err = xv.sub(t.sub(bb)).add(negShift.sub(bb));
            FloatVector e = VectorMath.exp(t);
            // x = −∞ (a masked logit) gives e = 0 and a NaN correction (∞ − ∞): keep the 0.
            e = e.add(e.mul(err).blend(0f, t.compare(VectorOperators.EQ, Float.NEGATIVE_INFINITY)));
            if (y != null) {
                e.intoArray(y, yOff + i);
            }
            acc = acc.add(e);
        }
        double sum = acc.reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            float e = (float) Math.exp((double) x[xOff + i] - shift);
            if (y != null) {
                y[yOff + i] = e;
            }
            sum += e;
        }
        return sum;
    }

    @Override
    public String name() {
        return "vector";
    }
}
