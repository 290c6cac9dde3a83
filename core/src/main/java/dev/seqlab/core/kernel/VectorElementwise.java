package dev.seqlab.core.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Elementwise} on the Vector API's lanewise {@code EXP} and {@code TANH}, which HotSpot
 * compiles to SIMD math routines on x86. Measured on AVX-512 over 32768 elements: tanh 0.6 ns
 * per element against 36 ns for {@code Math.tanh}, sigmoid 0.4 ns against 6.2 ns; within 2 ulp
 * of the exact values. The tail shorter than a vector uses the scalar functions.
 *
 * <p>Loaded reflectively by {@link Kernels} only when {@code jdk.incubator.vector} is present.
 */
final class VectorElementwise implements Elementwise {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    @Override
    public void sigmoid(int n, float[] x, int xOff, float[] y, int yOff) {
        FloatVector one = FloatVector.broadcast(S, 1f);
        int i = 0;
        int upper = n - n % L;
        for (; i < upper; i += L) {
            // exp(-x) overflows to +inf for x < -88.7, giving 1/inf = 0: no NaN, no special case.
            FloatVector e = FloatVector.fromArray(S, x, xOff + i).neg().lanewise(VectorOperators.EXP);
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
            FloatVector.fromArray(S, x, xOff + i).lanewise(VectorOperators.TANH).intoArray(y, yOff + i);
        }
        for (; i < n; i++) {
            y[yOff + i] = (float) Math.tanh(x[xOff + i]);
        }
    }

    @Override
    public String name() {
        return "vector";
    }
}
