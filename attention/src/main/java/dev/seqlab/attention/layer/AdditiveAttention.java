package dev.seqlab.attention.layer;

import dev.seqlab.core.kernel.Activations;
import dev.seqlab.core.kernel.Blas;
import dev.seqlab.core.kernel.Kernels;
import dev.seqlab.core.kernel.Reductions;
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
    private static final Blas BLAS = Kernels.blas();

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

    /**
     * The encoder outputs' share of the hidden layer, {@code aₜ·W₁ₐᵀ + b₁} for every position,
     * computed once and used by every decoder step that attends over the same {@code a}; it also
     * gathers those steps' gradients for {@link #backward(Keys, Tensor)}.
     */
    public static final class Keys {
        private final Tensor a;
        private final float[] projected; // [T·B, units]
        private final float[] dProjected; // Σ over steps of dL/d(projected)
        private final boolean oneStep;

        private Keys(Tensor a, float[] projected, boolean oneStep) {
            this.a = a;
            this.projected = projected;
            this.dProjected = new float[projected.length];
            this.oneStep = oneStep;
        }
    }

    /** What {@link #backward} needs. */
    public static final class Cache {
        private final Keys keys;
        private final Tensor s;
        private final float[] h;
        private final float[] alpha; // [B·T], batch-major like the weights

        private Cache(Keys keys, Tensor s, float[] h, float[] alpha) {
            this.keys = keys;
            this.s = s;
            this.h = h;
            this.alpha = alpha;
        }
    }

    /**
     * Projects the encoder outputs {@code a [T, B, Na]} once for several {@link #forward(Keys, Tensor, int[])}
     * steps; after their backward steps, {@link #backward(Keys, Tensor)} adds the projection's gradients.
     */
    public Keys keys(Tensor a) {
        return keys(a, false);
    }

    private Keys keys(Tensor a, boolean oneStep) {
        if (a.rank() != 3 || a.dim(2) != encoderSize) {
            throw new IllegalArgumentException(
                    "encoder outputs must be [T, B, " + encoderSize + "], got " + Arrays.toString(a.shape()));
        }
        int rows = a.dim(0) * a.dim(1);
        int units = hidden.outputSize();
        int width = stateSize + encoderSize;
        float[] projected = new float[rows * units];
        BLAS.gemm(
                false,
                true,
                rows,
                units,
                encoderSize,
                1f,
                a.data(),
                0,
                encoderSize,
                hidden.w().value().data(),
                stateSize,
                width,
                0f,
                projected,
                0,
                units);
        float[] bias = hidden.b().value().data();
        for (int r = 0; r < rows; r++) {
            BLAS.axpy(units, 1f, bias, 0, projected, r * units);
        }
        return new Keys(a, projected, oneStep);
    }

    /**
     * One attention step.
     *
     * @param a       encoder outputs {@code [T, B, Na]}
     * @param s       decoder state {@code [B, Ns]}
     * @param lengths each input sequence's length (1…T), or null for all T
     */
    public Output forward(Tensor a, Tensor s, int[] lengths) {
        return forward(keys(a, true), s, lengths);
    }

    /**
     * One attention step over encoder outputs projected by {@link #keys}; its backward is
     * {@link #backward(Cache, Tensor, Tensor, Tensor)}.
     *
     * @param s       decoder state {@code [B, Ns]}
     * @param lengths each input sequence's length (1…T), or null for all T
     */
    public Output forward(Keys keys, Tensor s, int[] lengths) {
        Tensor a = keys.a;
        int steps = a.dim(0);
        int batch = a.dim(1);
        if (s.rank() != 2 || s.dim(0) != batch || s.dim(1) != stateSize) {
            throw new IllegalArgumentException(
                    "decoder state must be [" + batch + ", " + stateSize + "], got " + Arrays.toString(s.shape()));
        }
        int width = stateSize + encoderSize;
        int rows = steps * batch;
        int units = hidden.outputSize();
        // the decoder state's share W₁ₛ·s once per sequence, added to every position's projection
        float[] ps = new float[batch * units];
        BLAS.gemm(
                false,
                true,
                batch,
                units,
                stateSize,
                1f,
                s.data(),
                0,
                stateSize,
                hidden.w().value().data(),
                0,
                width,
                0f,
                ps,
                0,
                units);
        float[] h = keys.projected.clone();
        for (int t = 0; t < steps; t++) {
            for (int b = 0; b < batch; b++) {
                int r = (t * batch + b) * units;
                for (int u = 0; u < units; u++) {
                    h[r + u] += ps[b * units + u];
                }
            }
        }
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
        return new Output(context, weights, new Cache(keys, s, h, w.clone()));
    }

    /**
     * Backward of one step of {@link #forward(Tensor, Tensor, int[])}; adds to the dense layers' gradients.
     *
     * @param dContext dL/d(context) {@code [B, Na]}
     * @param dWeights dL/dα {@code [B, T]}, or null
     * @return dL/da {@code [T, B, Na]} and dL/ds {@code [B, Ns]}
     * @throws IllegalStateException if the step attended over {@link #keys} shared with other steps
     */
    public Tensor[] backward(Cache c, Tensor dContext, Tensor dWeights) {
        if (!c.keys.oneStep) {
            throw new IllegalStateException(
                    "this step shares its keys with others: use backward(cache, dContext, dWeights, dA) and backward(keys, dA)");
        }
        Tensor dA = Tensor.zeros(c.keys.a.shape());
        Tensor dS = backward(c, dContext, dWeights, dA);
        backward(c.keys, dA);
        return new Tensor[] {dA, dS};
    }

    /**
     * Backward of one step of {@link #forward(Keys, Tensor, int[])}: adds the context's share of
     * dL/da to {@code dA} {@code [T, B, Na]}, keeps the projection's share in the keys for
     * {@link #backward(Keys, Tensor)}, and adds to the dense layers' gradients.
     *
     * @param dContext dL/d(context) {@code [B, Na]}
     * @param dWeights dL/dα {@code [B, T]}, or null
     * @return dL/ds {@code [B, Ns]}
     */
    public Tensor backward(Cache c, Tensor dContext, Tensor dWeights, Tensor dA) {
        int steps = c.keys.a.dim(0);
        int batch = c.keys.a.dim(1);
        int rows = steps * batch;
        int width = stateSize + encoderSize;
        float[] dE = new float[rows];
        float[] ad = c.keys.a.data();
        float[] dad = dA.data();
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
                    dad[r * encoderSize + j] += alpha * g;
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
        // through tanh; the keys' share is kept, the state's is summed over positions
        float[] dHs = new float[batch * units];
        float[] kept = c.keys.dProjected;
        for (int t = 0; t < steps; t++) {
            for (int b = 0; b < batch; b++) {
                int r = (t * batch + b) * units;
                for (int u = 0; u < units; u++) {
                    float g = dH[r + u] * (1 - c.h[r + u] * c.h[r + u]);
                    kept[r + u] += g;
                    dHs[b * units + u] += g;
                }
            }
        }
        // dW₁ₛ += dHsᵀ·s ; dS = dHs·W₁ₛ
        BLAS.gemm(
                true,
                false,
                units,
                stateSize,
                batch,
                1f,
                dHs,
                0,
                units,
                c.s.data(),
                0,
                stateSize,
                1f,
                hidden.w().grad().data(),
                0,
                width);
        Tensor dS = Tensor.zeros(batch, stateSize);
        BLAS.gemm(
                false,
                false,
                batch,
                stateSize,
                units,
                1f,
                dHs,
                0,
                units,
                hidden.w().value().data(),
                0,
                width,
                0f,
                dS.data(),
                0,
                stateSize);
        return dS;
    }

    /**
     * The projection's backward after every step's: adds {@code Σ dHᵀ·a} to W₁ₐ's gradient and
     * {@code Σ dH} to b₁'s, and the encoder outputs' share {@code Σ dH·W₁ₐ} to {@code dA}.
     */
    public void backward(Keys k, Tensor dA) {
        int rows = k.a.dim(0) * k.a.dim(1);
        int units = hidden.outputSize();
        int width = stateSize + encoderSize;
        BLAS.gemm(
                true,
                false,
                units,
                encoderSize,
                rows,
                1f,
                k.dProjected,
                0,
                units,
                k.a.data(),
                0,
                encoderSize,
                1f,
                hidden.w().grad().data(),
                stateSize,
                width);
        Reductions.columnSums(
                rows, units, k.dProjected, 0, units, hidden.b().grad().data(), 0, true);
        BLAS.gemm(
                false,
                false,
                rows,
                encoderSize,
                units,
                1f,
                k.dProjected,
                0,
                units,
                hidden.w().value().data(),
                stateSize,
                width,
                1f,
                dA.data(),
                0,
                encoderSize);
    }
}
