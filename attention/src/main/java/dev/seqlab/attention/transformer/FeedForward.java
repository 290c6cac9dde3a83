package dev.seqlab.attention.transformer;

import dev.seqlab.core.param.Parameters;
import dev.seqlab.core.random.SeededRandom;
import dev.seqlab.rnn.layer.Dense;

/** The position-wise feed-forward block: {@code max(0, x·W₁ᵀ + b₁)·W₂ᵀ + b₂}. */
public final class FeedForward {
    private final Dense first;
    private final Dense second;
    private final Parameters params = new Parameters();
    private final int d;
    private final int ff;

    FeedForward(String name, int d, int ff, SeededRandom rng) {
        this.d = d;
        this.ff = ff;
        first = new Dense(name + ".1", d, ff);
        second = new Dense(name + ".2", ff, d);
        first.initialize(rng);
        second.initialize(rng);
        params.addAll(first.parameters());
        params.addAll(second.parameters());
    }

    Parameters parameters() {
        return params;
    }

    /** The first layer, W₁ {@code [ff, d]} and b₁ (followed by the ReLU). */
    public Dense first() {
        return first;
    }

    /** The second layer, W₂ {@code [d, ff]} and b₂. */
    public Dense second() {
        return second;
    }

    /** {@code {out, hidden}}: the output and the ReLU activations backward needs. */
    float[][] forward(int rows, float[] x) {
        float[] h = new float[rows * ff];
        first.forward(rows, x, 0, h, 0);
        for (int i = 0; i < h.length; i++) {
            h[i] = Math.max(0f, h[i]);
        }
        float[] y = new float[rows * d];
        second.forward(rows, h, 0, y, 0);
        return new float[][] {y, h};
    }

    float[] backward(int rows, float[] x, float[] h, float[] dy) {
        float[] dh = new float[rows * ff];
        second.backward(rows, h, 0, dy, 0, dh, 0);
        for (int i = 0; i < dh.length; i++) {
            if (h[i] <= 0f) {
                dh[i] = 0f;
            }
        }
        float[] dx = new float[rows * d];
        first.backward(rows, x, 0, dh, 0, dx, 0);
        return dx;
    }
}
