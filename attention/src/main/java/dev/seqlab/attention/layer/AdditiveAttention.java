package dev.seqlab.attention.layer;

import dev.seqlab.core.kernel.Activations;
import dev.seqlab.core.kernel.Softmax;
import dev.seqlab.core.param.Parameters;
import dev.seqlab.core.random.SeededRandom;
import dev.seqlab.core.tensor.Tensor;
import dev.seqlab.rnn.layer.Dense;
import java.util.Arrays;

/**
 * Additive (Bahdanau) attention, the course's {@code one_step_attention}: for decoder state
 * {@code s} and encoder outputs {@code a₁…a_T},
 * <pre>
 *   eₜ = w₂·tanh(W₁·[s; aₜ] + b₁) + b₂          (the decoder state repeated for every t)
 *   αₜ = softmax over t of eₜ                    (positions past a sequence's length get α = 0)
 *   context = Σₜ αₜ·aₜ
 * </pre>
 * Inputs are time-major: {@code a [T, B, Na]}, {@code s [B, Ns]}; the context is {@code [B, Na]}
 * and the weights {@code [B, T]} (each row sums to 1).
 */
public final class AdditiveAttention {
    private final int stateSize;
    private final int encoderSize;
    private final Dense hidden;
    private final Dense score;
    private final Parameters params = new Parameters();

    /**
     * @param units the width of the hidden tanh layer (the course uses 10)
     */
    public AdditiveAttention(String name, int stateSize, int encoderSize, int units, SeededRandom rng) {
        if (stateSize < 1 || encoderSize < 1 || units < 1) {
            throw new IllegalArgumentException("attention sizes must be positive, got state=" + stateSize + ", encoder="
                    + encoderSize + ", units=" + units);
        }
        this.stateSize = stateSize;
        this.encoderSize = encoderSize;
        this.hidden = new Dense(name + ".hidden", stateSize + encoderSize, units);
        this.score = new Dense(name + ".score", units, 1);
        hidden.initialize(rng);
        score.initialize(rng);
        params.addAll(hidden.parameters());
        params.addAll(score.parameters());
    }

    /** The width of the decoder state {@code s} (Ns). */
    public int stateSize() {
        return stateSize;
    }

    /** The width of each encoder output {@code aₜ} (Na). */
    public int encoderSize() {
        return encoderSize;
    }

    /**
     * The hidden layer {@code W₁, b₁}: {@code W₁ [units, Ns + Na]}, whose first Ns columns act on
     * the decoder state and the remaining Na on the encoder output.
     */
    public Dense hidden() {
        return hidden;
    }

    /** The score layer {@code w₂, b₂}: {@code w₂ [1, units]}, {@code b₂ [1]}. */
    public Dense score() {
        return score;
    }

    /** The two dense layers' weights and biases. */
    public Parameters parameters() {
        return params;
    }

    /**
     * The result of one attention step.
     *
     * @param context the weighted sums {@code [B, Na]}
     * @param weights α {@code [B, T]}
     */
    public record Output(Tensor context, Tensor weights, Cache cache) {}

    /** What {@link #backward} needs. */
    public static final class Cache {
        private final Tensor a;
        private final float[] concat;
        private final float[] h;
        private final float[] alpha; // [B·T], batch-major like the weights

        private Cache(Tensor a, float[] concat, float[] h, float[] alpha) {
            this.a = a;
            this.concat = concat;
            this.h = h;
            this.alpha = alpha;
        }
    }

    /**
     * One attention step.
     *
     * @param a       encoder outputs {@code [T, B, Na]}
     * @param s       decoder state {@code [B, Ns]}
     * @param lengths each input sequence's length (1…T), or null for all T
     */
    public Output forward(Tensor a, Tensor s, int[] lengths) {
        if (a.rank() != 3 || a.dim(2) != encoderSize) {
            throw new IllegalArgumentException(
                    "encoder outputs must be [T, B, " + encoderSize + "], got " + Arrays.toString(a.shape()));
        }
        int steps = a.dim(0);
        int batch = a.dim(1);
        if (s.rank() != 2 || s.dim(0) != batch || s.dim(1) != stateSize) {
            throw new IllegalArgumentException(
                    "decoder state must be [" + batch + ", " + stateSize + "], got " + Arrays.toString(s.shape()));
        }
        int width = stateSize + encoderSize;
        int rows = steps * batch;
        float[] concat = new float[rows * width];
        for (int t = 0; t < steps; t++) {
            for (int b = 0; b < batch; b++) {
                int r = t * batch + b;
                System.arraycopy(s.data(), b * stateSize, concat, r * width, stateSize);
                System.arraycopy(a.data(), r * encoderSize, concat, r * width + stateSize, encoderSize);
            }
        }
        int units = hidden.outputSize();
        float[] h = new float[rows * units];
        hidden.forward(rows, concat, 0, h, 0);
        Activations.tanh(h.length, h, 0, h, 0);
        float[] e = new float[rows];
        score.forward(rows, h, 0, e, 0);
        Tensor weights = Tensor.zeros(batch, steps);
        Tensor context = Tensor.zeros(batch, encoderSize);
        float[] w = weights.data();
        for (int b = 0; b < batch; b++) {
            int len = lengths == null ? steps : lengths[b];
            if (len < 1 || len > steps) {
                throw new IllegalArgumentException("sequence " + b + " has length " + len + ", outside 1.." + steps);
            }
            for (int t = 0; t < steps; t++) {
                w[b * steps + t] = e[t * batch + b];
            }
            Softmax.softmaxRowsVisible(1, steps, len, false, w, b * steps, steps, w, b * steps, steps);
            for (int t = 0; t < len; t++) {
                float wt = w[b * steps + t];
                for (int j = 0; j < encoderSize; j++) {
                    context.data()[b * encoderSize + j] += wt * a.data()[(t * batch + b) * encoderSize + j];
                }
            }
        }
        return new Output(context, weights, new Cache(a, concat, h, w.clone()));
    }

    /**
     * Backward of one step; adds to the dense layers' gradients.
     *
     * @param dContext dL/d(context) {@code [B, Na]}
     * @param dWeights dL/dα {@code [B, T]}, or null
     * @return dL/da {@code [T, B, Na]} and dL/ds {@code [B, Ns]}
     */
    public Tensor[] backward(Cache c, Tensor dContext, Tensor dWeights) {
        int steps = c.a.dim(0);
        int batch = c.a.dim(1);
        int rows = steps * batch;
        int width = stateSize + encoderSize;
        Tensor dA = Tensor.zeros(steps, batch, encoderSize);
        float[] dE = new float[rows];
        float[] ad = c.a.data();
        // dα_t = dContext·a_t (+ the given dα), then back through the softmax to dE
        float[] dAlpha = new float[batch * steps];
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < steps; t++) {
                int r = t * batch + b;
                float alpha = c.alpha[b * steps + t];
                if (alpha == 0f) {
                    continue;
                }
                double s = dWeights == null ? 0 : dWeights.data()[b * steps + t];
                for (int j = 0; j < encoderSize; j++) {
                    float g = dContext.data()[b * encoderSize + j];
                    s += g * ad[r * encoderSize + j];
                    dA.data()[r * encoderSize + j] += alpha * g;
                }
                dAlpha[b * steps + t] = (float) s;
            }
        }
        Softmax.softmaxBackwardRows(batch, steps, c.alpha, 0, steps, dAlpha, 0, steps, dAlpha, 0, steps);
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < steps; t++) {
                dE[t * batch + b] = dAlpha[b * steps + t];
            }
        }
        int units = hidden.outputSize();
        float[] dH = new float[rows * units];
        score.backward(rows, c.h, 0, dE, 0, dH, 0);
        for (int i = 0; i < dH.length; i++) {
            dH[i] *= 1 - c.h[i] * c.h[i];
        }
        float[] dConcat = new float[rows * width];
        hidden.backward(rows, c.concat, 0, dH, 0, dConcat, 0);
        Tensor dS = Tensor.zeros(batch, stateSize);
        for (int t = 0; t < steps; t++) {
            for (int b = 0; b < batch; b++) {
                int r = t * batch + b;
                for (int j = 0; j < stateSize; j++) {
                    dS.data()[b * stateSize + j] += dConcat[r * width + j];
                }
                for (int j = 0; j < encoderSize; j++) {
                    dA.data()[r * encoderSize + j] += dConcat[r * width + stateSize + j];
                }
            }
        }
        return new Tensor[] {dA, dS};
    }
}
