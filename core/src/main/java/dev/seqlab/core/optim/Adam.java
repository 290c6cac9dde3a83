package dev.seqlab.core.optim;

/** Adam / AdamW; see {@link AdamOptions}. */
final class Adam extends StatefulOptimizer {
    private final AdamOptions o;

    Adam(AdamOptions o) {
        super(o.learningRate(), 2);
        this.o = o;
    }

    @Override
    void update(float[] w, float[] g, float[][] state, long t) {
        float lr = learningRate();
        float b1 = o.beta1();
        float b2 = o.beta2();
        float eps = o.epsilon();
        float wd = o.weightDecay();
        boolean decoupled = o.decoupledWeightDecay();
        float c1 = (float) (1 / (1 - Math.pow(b1, t)));
        float c2 = (float) (1 / (1 - Math.pow(b2, t)));
        float[] m = state[0];
        float[] v = state[1];
        for (int i = 0; i < w.length; i++) {
            float gi = g[i];
            if (decoupled) {
                w[i] -= lr * wd * w[i];
            } else {
                gi += wd * w[i];
            }
            m[i] = b1 * m[i] + (1 - b1) * gi;
            v[i] = b2 * v[i] + (1 - b2) * gi * gi;
            w[i] -= lr * (m[i] * c1) / ((float) Math.sqrt(v[i] * c2) + eps);
        }
    }
}
