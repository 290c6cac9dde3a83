package dev.seqlab.embeddings.word2vec;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Word2VecKernel} on the {@code jdk.incubator.vector} API, 256-bit vectors. Loaded
 * reflectively by {@link Word2VecKernels} only when the module is present.
 */
final class VectorWord2VecKernel implements Word2VecKernel {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_256;
    private static final int L = S.length();

    @Override
    public int lanes() {
        return L;
    }

    @Override
    public String name() {
        return "vector";
    }

    @Override
    public float dot(float[] a, int ao, float[] b, int bo, int n) {
        FloatVector acc0 = FloatVector.zero(S);
        FloatVector acc1 = FloatVector.zero(S);
        int i = 0;
        for (; i + 2 * L <= n; i += 2 * L) {
            acc0 = FloatVector.fromArray(S, a, ao + i).fma(FloatVector.fromArray(S, b, bo + i), acc0);
            acc1 = FloatVector.fromArray(S, a, ao + i + L).fma(FloatVector.fromArray(S, b, bo + i + L), acc1);
        }
        if (i < n) {
            acc0 = FloatVector.fromArray(S, a, ao + i).fma(FloatVector.fromArray(S, b, bo + i), acc0);
        }
        return acc0.add(acc1).reduceLanes(VectorOperators.ADD);
    }

    @Override
    public void axpy(float alpha, float[] x, int xo, float[] y, int yo, int n) {
        FloatVector a = FloatVector.broadcast(S, alpha);
        for (int i = 0; i < n; i += L) {
            FloatVector.fromArray(S, x, xo + i).fma(a, FloatVector.fromArray(S, y, yo + i)).intoArray(y, yo + i);
        }
    }

    @Override
    public void update(float g, float[] in, int io, float[] out, int oo, float[] acc, int n) {
        FloatVector gv = FloatVector.broadcast(S, g);
        for (int i = 0; i < n; i += L) {
            FloatVector o = FloatVector.fromArray(S, out, oo + i);
            o.fma(gv, FloatVector.fromArray(S, acc, i)).intoArray(acc, i);
            FloatVector.fromArray(S, in, io + i).fma(gv, o).intoArray(out, oo + i);
        }
    }

    @Override
    public void scale(float s, float[] x, int n) {
        for (int i = 0; i < n; i += L) {
            FloatVector.fromArray(S, x, i).mul(s).intoArray(x, i);
        }
    }
}
