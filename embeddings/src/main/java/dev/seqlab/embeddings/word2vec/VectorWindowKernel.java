package dev.seqlab.embeddings.word2vec;

import dev.seqlab.core.kernel.VectorShapes;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link WindowKernel} on the {@code jdk.incubator.vector} API, with the project's one species
 * ({@link VectorShapes#FLOATS}). Products are register-blocked two rows by two rows (four sums,
 * each operand loaded once per pair of uses); updates two output rows at a time, each row of
 * {@code b} loaded once for both. Loaded reflectively by {@link WindowKernels} only when the
 * module is present.
 */
final class VectorWindowKernel implements WindowKernel {
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
    public void scores(float[] a, int[] aRows, int m, float[] b, int[] bRows, int k, float[] s, int n) {
        int i = 0;
        for (; i + 2 <= m; i += 2) {
            int a0 = aRows[i];
            int a1 = aRows[i + 1];
            int j = 0;
            for (; j + 2 <= k; j += 2) {
                int b0 = bRows[j];
                int b1 = bRows[j + 1];
                FloatVector s00 = FloatVector.zero(S);
                FloatVector s01 = FloatVector.zero(S);
                FloatVector s10 = FloatVector.zero(S);
                FloatVector s11 = FloatVector.zero(S);
                for (int p = 0; p < n; p += L) {
                    FloatVector x0 = FloatVector.fromArray(S, a, a0 + p);
                    FloatVector x1 = FloatVector.fromArray(S, a, a1 + p);
                    FloatVector y0 = FloatVector.fromArray(S, b, b0 + p);
                    FloatVector y1 = FloatVector.fromArray(S, b, b1 + p);
                    s00 = x0.fma(y0, s00);
                    s01 = x0.fma(y1, s01);
                    s10 = x1.fma(y0, s10);
                    s11 = x1.fma(y1, s11);
                }
                s[i * k + j] = s00.reduceLanes(VectorOperators.ADD);
                s[i * k + j + 1] = s01.reduceLanes(VectorOperators.ADD);
                s[(i + 1) * k + j] = s10.reduceLanes(VectorOperators.ADD);
                s[(i + 1) * k + j + 1] = s11.reduceLanes(VectorOperators.ADD);
            }
            if (j < k) {
                int b0 = bRows[j];
                FloatVector s00 = FloatVector.zero(S);
                FloatVector s10 = FloatVector.zero(S);
                for (int p = 0; p < n; p += L) {
                    FloatVector y0 = FloatVector.fromArray(S, b, b0 + p);
                    s00 = FloatVector.fromArray(S, a, a0 + p).fma(y0, s00);
                    s10 = FloatVector.fromArray(S, a, a1 + p).fma(y0, s10);
                }
                s[i * k + j] = s00.reduceLanes(VectorOperators.ADD);
                s[(i + 1) * k + j] = s10.reduceLanes(VectorOperators.ADD);
            }
        }
        if (i < m) {
            int a0 = aRows[i];
            for (int j = 0; j < k; j++) {
                int b0 = bRows[j];
                FloatVector s00 = FloatVector.zero(S);
                for (int p = 0; p < n; p += L) {
                    s00 = FloatVector.fromArray(S, a, a0 + p).fma(FloatVector.fromArray(S, b, b0 + p), s00);
                }
                s[i * k + j] = s00.reduceLanes(VectorOperators.ADD);
            }
        }
    }

    @Override
    public void accumulate(float[] g, int m, int k, float[] b, int[] bRows, float[] c, int[] cRows, int n) {
        int i = 0;
        while (i < m) {
            int c0 = cRows[i];
            if (i + 1 < m && cRows[i + 1] != c0) {
                int c1 = cRows[i + 1];
                int g0 = i * k;
                int g1 = g0 + k;
                for (int p = 0; p < n; p += L) {
                    FloatVector z0 = FloatVector.fromArray(S, c, c0 + p);
                    FloatVector z1 = FloatVector.fromArray(S, c, c1 + p);
                    for (int j = 0; j < k; j++) {
                        FloatVector y = FloatVector.fromArray(S, b, bRows[j] + p);
                        z0 = y.fma(FloatVector.broadcast(S, g[g0 + j]), z0);
                        z1 = y.fma(FloatVector.broadcast(S, g[g1 + j]), z1);
                    }
                    z0.intoArray(c, c0 + p);
                    z1.intoArray(c, c1 + p);
                }
                i += 2;
            } else {
                int g0 = i * k;
                for (int p = 0; p < n; p += L) {
                    FloatVector z0 = FloatVector.fromArray(S, c, c0 + p);
                    for (int j = 0; j < k; j++) {
                        z0 = FloatVector.fromArray(S, b, bRows[j] + p).fma(FloatVector.broadcast(S, g[g0 + j]), z0);
                    }
                    z0.intoArray(c, c0 + p);
                }
                i++;
            }
        }
    }
}
