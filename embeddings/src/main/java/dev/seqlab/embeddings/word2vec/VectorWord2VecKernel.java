package dev.seqlab.embeddings.word2vec;

import dev.seqlab.core.kernel.VectorShapes;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Word2VecKernel} on the {@code jdk.incubator.vector} API, with the project's one species ({@link VectorShapes#FLOATS}). Loaded
 * reflectively by {@link Word2VecKernels} only when the module is present.
 */
final class VectorWord2VecKernel implements Word2VecKernel {
    private static final VectorSpecies<Float> S = VectorShapes.FLOATS;
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
    public void dots(float[] in, int io, float[] table, int[] rows, int count, float[] out, int n) {
        int k = 0;
        for (; k + 2 <= count; k += 2) {
            int r0 = rows[k];
            int r1 = rows[k + 1];
            FloatVector a0 = FloatVector.zero(S);
            FloatVector a1 = FloatVector.zero(S);
            FloatVector b0 = FloatVector.zero(S);
            FloatVector b1 = FloatVector.zero(S);
            int i = 0;
            for (; i + 2 * L <= n; i += 2 * L) {
                FloatVector x0 = FloatVector.fromArray(S, in, io + i);
                FloatVector x1 = FloatVector.fromArray(S, in, io + i + L);
                a0 = FloatVector.fromArray(S, table, r0 + i).fma(x0, a0);
                a1 = FloatVector.fromArray(S, table, r0 + i + L).fma(x1, a1);
                b0 = FloatVector.fromArray(S, table, r1 + i).fma(x0, b0);
                b1 = FloatVector.fromArray(S, table, r1 + i + L).fma(x1, b1);
            }
            if (i < n) {
                FloatVector x0 = FloatVector.fromArray(S, in, io + i);
                a0 = FloatVector.fromArray(S, table, r0 + i).fma(x0, a0);
                b0 = FloatVector.fromArray(S, table, r1 + i).fma(x0, b0);
            }
            out[k] = a0.add(a1).reduceLanes(VectorOperators.ADD);
            out[k + 1] = b0.add(b1).reduceLanes(VectorOperators.ADD);
        }
        if (k < count) {
            out[k] = dot(in, io, table, rows[k], n);
        }
    }

    @Override
    public void axpy(float alpha, float[] x, int xo, float[] y, int yo, int n) {
        FloatVector a = FloatVector.broadcast(S, alpha);
        for (int i = 0; i < n; i += L) {
            FloatVector.fromArray(S, x, xo + i)
                    .fma(a, FloatVector.fromArray(S, y, yo + i))
                    .intoArray(y, yo + i);
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
    public void updates(float[] g, float[] in, int io, float[] table, int[] rows, int count, float[] acc, int n) {
        int k = 0;
        for (; k + 2 <= count; k += 2) {
            int r0 = rows[k];
            int r1 = rows[k + 1];
            FloatVector g0 = FloatVector.broadcast(S, g[k]);
            FloatVector g1 = FloatVector.broadcast(S, g[k + 1]);
            for (int i = 0; i < n; i += L) {
                FloatVector x = FloatVector.fromArray(S, in, io + i);
                FloatVector o0 = FloatVector.fromArray(S, table, r0 + i);
                FloatVector o1 = FloatVector.fromArray(S, table, r1 + i);
                o1.fma(g1, o0.fma(g0, FloatVector.fromArray(S, acc, i))).intoArray(acc, i);
                x.fma(g0, o0).intoArray(table, r0 + i);
                x.fma(g1, o1).intoArray(table, r1 + i);
            }
        }
        if (k < count) {
            update(g[k], in, io, table, rows[k], acc, n);
        }
    }

    @Override
    public void sumRows(float s, float[] table, int[] rows, int count, float[] out, int oo, int n) {
        int i = 0;
        for (; i + 4 * L <= n; i += 4 * L) {
            FloatVector a0 = FloatVector.zero(S);
            FloatVector a1 = FloatVector.zero(S);
            FloatVector a2 = FloatVector.zero(S);
            FloatVector a3 = FloatVector.zero(S);
            for (int k = 0; k < count; k++) {
                int r = rows[k] + i;
                a0 = a0.add(FloatVector.fromArray(S, table, r));
                a1 = a1.add(FloatVector.fromArray(S, table, r + L));
                a2 = a2.add(FloatVector.fromArray(S, table, r + 2 * L));
                a3 = a3.add(FloatVector.fromArray(S, table, r + 3 * L));
            }
            a0.mul(s).intoArray(out, oo + i);
            a1.mul(s).intoArray(out, oo + i + L);
            a2.mul(s).intoArray(out, oo + i + 2 * L);
            a3.mul(s).intoArray(out, oo + i + 3 * L);
        }
        for (; i < n; i += L) {
            FloatVector a0 = FloatVector.zero(S);
            for (int k = 0; k < count; k++) {
                a0 = a0.add(FloatVector.fromArray(S, table, rows[k] + i));
            }
            a0.mul(s).intoArray(out, oo + i);
        }
    }

    @Override
    public void addRows(float[] a, float[] x, int[] xRows, int count, float[] y, int yo, int n) {
        for (int i = 0; i < n; i += L) {
            FloatVector v = FloatVector.fromArray(S, y, yo + i);
            for (int k = 0; k < count; k++) {
                v = FloatVector.fromArray(S, x, xRows[k] + i).fma(FloatVector.broadcast(S, a[k]), v);
            }
            v.intoArray(y, yo + i);
        }
    }

    @Override
    public void scale(float s, float[] x, int n) {
        for (int i = 0; i < n; i += L) {
            FloatVector.fromArray(S, x, i).mul(s).intoArray(x, i);
        }
    }
}
