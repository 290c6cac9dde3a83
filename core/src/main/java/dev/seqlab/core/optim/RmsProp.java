package dev.seqlab.core.optim;

/** RMSprop; see {@link RmsPropOptions}. */
final class RmsProp extends StatefulOptimizer {
    private final RmsPropOptions o;

    RmsProp(RmsPropOptions o) {
        super(o.learningRate(), 1);
        this.o = o;
    }

    @Override
    void update(float[] w, float[] g, float[][] state, long t) {
        float lr = learningRate();
        float rho = o.rho();
        float eps = o.epsilon();
        float wd = o.weightDecay();
        float[] s = state[0];
        for (int i = 0; i < w.length; i++) {
            float gi = g[i] + wd * w[i];
            s[i] = rho * s[i] + (1 - rho) * gi * gi;
            w[i] -= lr * gi / ((float) Math.sqrt(s[i]) + eps);
        }
    }
}
