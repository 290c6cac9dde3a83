package dev.seqlab.embeddings.glove;

/** {@link GloVeKernel} in plain Java: the reference the SIMD kernel is tested against. */
final class PlainGloVeKernel implements GloVeKernel {

    @Override
    public int lanes() {
        return 1;
    }

    @Override
    public String name() {
        return "plain";
    }

    @Override
    public double step(GloVeWeights w, int a, int b, float logX, float weight, float eta) {
        int wa = a * w.stride;
        int cb = b * w.stride;
        float[] word = w.word;
        float[] context = w.context;
        float dot = 0;
        for (int d = 0; d < w.dim; d++) {
            dot += word[wa + d] * context[cb + d];
        }
        float diff = dot + w.wordBias[a] + w.contextBias[b] - logX;
        float fdiff = weight * diff;
        if (!Float.isFinite(fdiff)) {
            return 0;
        }
        double cost = 0.5 * fdiff * diff;
        float g = eta * fdiff;
        float[] gw = w.wordGradSq;
        float[] gc = w.contextGradSq;
        for (int d = 0; d < w.dim; d++) {
            float t1 = clip(g * context[cb + d]);
            float t2 = clip(g * word[wa + d]);
            word[wa + d] -= t1 / (float) Math.sqrt(gw[wa + d]);
            context[cb + d] -= t2 / (float) Math.sqrt(gc[cb + d]);
            gw[wa + d] += t1 * t1;
            gc[cb + d] += t2 * t2;
        }
        w.wordBias[a] -= g / (float) Math.sqrt(w.wordBiasGradSq[a]);
        w.contextBias[b] -= g / (float) Math.sqrt(w.contextBiasGradSq[b]);
        w.wordBiasGradSq[a] += g * g;
        w.contextBiasGradSq[b] += g * g;
        return cost;
    }

    private static float clip(float x) {
        return Math.max(-GRADIENT_CLIP, Math.min(GRADIENT_CLIP, x));
    }
}
