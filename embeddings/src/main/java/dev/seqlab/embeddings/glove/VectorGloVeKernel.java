package dev.seqlab.embeddings.glove;

import dev.seqlab.core.kernel.VectorShapes;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link GloVeKernel} on the {@code jdk.incubator.vector} API, with the project's one species ({@link VectorShapes#FLOATS}). Loaded
 * reflectively by {@link GloVeKernels} only when the module is present. Rows are padded with
 * zeros to whole vectors, which no update changes (their gradients are zero).
 */
final class VectorGloVeKernel implements GloVeKernel {
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
    public double step(GloVeWeights w, int a, int b, float logX, float weight, float eta) {
        int wa = a * w.stride;
        int cb = b * w.stride;
        int n = w.stride;
        float[] word = w.word;
        float[] context = w.context;
        FloatVector acc0 = FloatVector.zero(S);
        FloatVector acc1 = FloatVector.zero(S);
        int i = 0;
        for (; i + 2 * L <= n; i += 2 * L) {
            acc0 = FloatVector.fromArray(S, word, wa + i).fma(FloatVector.fromArray(S, context, cb + i), acc0);
            acc1 = FloatVector.fromArray(S, word, wa + i + L).fma(FloatVector.fromArray(S, context, cb + i + L), acc1);
        }
        if (i < n) {
            acc0 = FloatVector.fromArray(S, word, wa + i).fma(FloatVector.fromArray(S, context, cb + i), acc0);
        }
        float dot = acc0.add(acc1).reduceLanes(VectorOperators.ADD);
        float diff = dot + w.wordBias[a] + w.contextBias[b] - logX;
        float fdiff = weight * diff;
        if (!Float.isFinite(fdiff)) {
            return 0;
        }
        double cost = 0.5 * fdiff * diff;
        float g = eta * fdiff;
        float[] gw = w.wordGradSq;
        float[] gc = w.contextGradSq;
        FloatVector gv = FloatVector.broadcast(S, g);
        FloatVector lo = FloatVector.broadcast(S, -GRADIENT_CLIP);
        FloatVector hi = FloatVector.broadcast(S, GRADIENT_CLIP);
        for (int d = 0; d < n; d += L) {
            FloatVector x = FloatVector.fromArray(S, word, wa + d);
            FloatVector y = FloatVector.fromArray(S, context, cb + d);
            FloatVector gx = FloatVector.fromArray(S, gw, wa + d);
            FloatVector gy = FloatVector.fromArray(S, gc, cb + d);
            FloatVector t1 = gv.mul(y).max(lo).min(hi);
            FloatVector t2 = gv.mul(x).max(lo).min(hi);
            x.sub(t1.div(gx.sqrt())).intoArray(word, wa + d);
            y.sub(t2.div(gy.sqrt())).intoArray(context, cb + d);
            t1.fma(t1, gx).intoArray(gw, wa + d);
            t2.fma(t2, gy).intoArray(gc, cb + d);
        }
        w.wordBias[a] -= g / (float) Math.sqrt(w.wordBiasGradSq[a]);
        w.contextBias[b] -= g / (float) Math.sqrt(w.contextBiasGradSq[b]);
        w.wordBiasGradSq[a] += g * g;
        w.contextBiasGradSq[b] += g * g;
        return cost;
    }
}
