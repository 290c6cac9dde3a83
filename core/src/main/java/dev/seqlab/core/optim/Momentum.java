package dev.seqlab.core.optim;

/** SGD with classical or Nesterov momentum; see {@link MomentumOptions}. */
final class Momentum extends StatefulOptimizer {
    private final MomentumOptions o;

    Momentum(MomentumOptions o) {
        super(o.learningRate(), 1);
        this.o = o;
    }

    @Override
    void update(float[] w, float[] g, float[][] state, long t) {
        float lr = learningRate();
        float mu = o.momentum();
        float wd = o.weightDecay();
        float[] v = state[0];
        for (int i = 0; i < w.length; i++) {
            float gi = g[i] + wd * w[i];
            v[i] = mu * v[i] + gi;
            w[i] -= lr * (o.nesterov() ? gi + mu * v[i] : v[i]);
        }
    }
}
