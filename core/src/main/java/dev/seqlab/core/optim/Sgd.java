package dev.seqlab.core.optim;

/** {@code θ ← θ − lr·(g + wd·θ)}. */
final class Sgd extends StatefulOptimizer {
    private final float weightDecay;

    Sgd(SgdOptions o) {
        super(o.learningRate(), 0);
        this.weightDecay = o.weightDecay();
    }

    @Override
    void update(float[] w, float[] g, float[][] state, long t) {
        float lr = learningRate();
        for (int i = 0; i < w.length; i++) {
            w[i] -= lr * (g[i] + weightDecay * w[i]);
        }
    }
}
