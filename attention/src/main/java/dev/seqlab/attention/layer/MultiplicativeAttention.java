package dev.seqlab.attention.layer;

import dev.seqlab.core.init.Initializer;
import dev.seqlab.core.kernel.Kernels;
import dev.seqlab.core.kernel.Softmax;
import dev.seqlab.core.param.Parameter;
import dev.seqlab.core.param.Parameters;
import dev.seqlab.core.random.SeededRandom;
import dev.seqlab.core.tensor.Tensor;
import java.util.Arrays;

/**
 * Multiplicative (Luong) attention for decoder state {@code s} over encoder outputs {@code aₜ}:
 * <pre>
 *   dot:      eₜ = s · aₜ                 (state and encoder widths equal)
 *   general:  eₜ = s · (W aₜ)             (W is [Ns, Na])
 *   αₜ = softmax over t of eₜ (masked past each sequence's length),  context = Σₜ αₜ aₜ
 * </pre>
 * Inputs are time-major {@code a [T, B, Na]}, {@code s [B, Ns]}.
 */
public final class MultiplicativeAttention {
    private final int stateSize;
    private final int encoderSize;
    private final Parameter w; // null for dot
    private final Parameters params = new Parameters();

    private MultiplicativeAttention(int stateSize, int encoderSize, Parameter w) {
        this.stateSize = stateSize;
        this.encoderSize = encoderSize;
        this.w = w;
        if (w != null) {
            params.add(w);
        }
    }

    /** Luong's "dot" score: no parameters, state and encoder widths must match. */
    public static MultiplicativeAttention dot(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("size must be positive, got " + size);
        }
        return new MultiplicativeAttention(size, size, null);
    }

    /** Luong's "general" score with a learnt {@code W [Ns, Na]}. */
    public static MultiplicativeAttention general(String name, int stateSize, int encoderSize, SeededRandom rng) {
        if (stateSize < 1 || encoderSize < 1) {
            throw new IllegalArgumentException("sizes must be positive");
        }
        Parameter w = Parameter.zeros(name + ".W", stateSize, encoderSize);
        Initializer.xavierUniform().fill(w.value(), rng);
        return new MultiplicativeAttention(stateSize, encoderSize, w);
    }

    /** W for "general", nothing for "dot". */
    public Parameters parameters() {
        return params;
    }

    /** The context {@code [B, Na]}, the weights {@code [B, T]}, and what backward needs. */
    public record Output(Tensor context, Tensor weights, Tensor a, Tensor s, float[] projected) {}

    /** One attention step; {@code lengths} null means every position is real. */
    public Output forward(Tensor a, Tensor s, int[] lengths) {
        if (a.rank() != 3
                || a.dim(2) != encoderSize
                || s.rank() != 2
                || s.dim(1) != stateSize
                || s.dim(0) != a.dim(1)) {
            throw new IllegalArgumentException("expected a [T, B, " + encoderSize + "] and s [B, " + stateSize
                    + "], got " + Arrays.toString(a.shape()) + " and " + Arrays.toString(s.shape()));
        }
        int steps = a.dim(0);
        int batch = a.dim(1);
        // q = s (dot) or sW (general): e_t = q · a_t
        float[] q = new float[batch * encoderSize];
        if (w == null) {
            System.arraycopy(s.data(), 0, q, 0, q.length);
        } else {
            Kernels.blas()
                    .gemm(
                            false,
                            false,
                            batch,
                            encoderSize,
                            stateSize,
                            1f,
                            s.data(),
                            0,
                            stateSize,
                            w.value().data(),
                            0,
                            encoderSize,
                            0f,
                            q,
                            0,
                            encoderSize);
        }
        Tensor weights = Tensor.zeros(batch, steps);
        Tensor context = Tensor.zeros(batch, encoderSize);
        for (int b = 0; b < batch; b++) {
            int len = lengths == null ? steps : lengths[b];
            if (len < 1 || len > steps) {
                throw new IllegalArgumentException("sequence " + b + " has length " + len + ", outside 1.." + steps);
            }
            float[] w = weights.data();
            for (int t = 0; t < len; t++) {
                double sum = 0;
                for (int j = 0; j < encoderSize; j++) {
                    sum += (double) q[b * encoderSize + j] * a.data()[(t * batch + b) * encoderSize + j];
                }
                w[b * steps + t] = (float) sum;
            }
            Softmax.softmaxRowsVisible(1, steps, len, false, w, b * steps, steps, w, b * steps, steps);
            for (int t = 0; t < len; t++) {
                float alpha = w[b * steps + t];
                for (int j = 0; j < encoderSize; j++) {
                    context.data()[b * encoderSize + j] += alpha * a.data()[(t * batch + b) * encoderSize + j];
                }
            }
        }
        return new Output(context, weights, a, s, q);
    }

    /** Backward: adds dW (general) and returns {@code {da [T, B, Na], ds [B, Ns]}}. */
    public Tensor[] backward(Output out, Tensor dContext, Tensor dWeights) {
        Tensor a = out.a();
        int steps = a.dim(0);
        int batch = a.dim(1);
        Tensor dA = Tensor.zeros(a.shape());
        float[] dq = new float[batch * encoderSize];
        float[] alphas = out.weights().data();
        float[] dE = new float[batch * steps];
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < steps; t++) {
                float alpha = alphas[b * steps + t];
                if (alpha == 0f) {
                    continue;
                }
                double g = dWeights == null ? 0 : dWeights.data()[b * steps + t];
                for (int j = 0; j < encoderSize; j++) {
                    float dc = dContext.data()[b * encoderSize + j];
                    g += dc * a.data()[(t * batch + b) * encoderSize + j];
                    dA.data()[(t * batch + b) * encoderSize + j] += alpha * dc;
                }
                dE[b * steps + t] = (float) g;
            }
        }
        Softmax.softmaxBackwardRows(batch, steps, alphas, 0, steps, dE, 0, steps, dE, 0, steps);
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < steps; t++) {
                double de = dE[b * steps + t];
                for (int j = 0; j < encoderSize; j++) {
                    dq[b * encoderSize + j] += (float) (de * a.data()[(t * batch + b) * encoderSize + j]);
                    dA.data()[(t * batch + b) * encoderSize + j] += (float) (de * out.projected()[b * encoderSize + j]);
                }
            }
        }
        Tensor dS = Tensor.zeros(batch, stateSize);
        if (w == null) {
            System.arraycopy(dq, 0, dS.data(), 0, dq.length);
        } else {
            var blas = Kernels.blas();
            // q = s·W: dW += sᵀ·dq, ds = dq·Wᵀ
            blas.gemm(
                    true,
                    false,
                    stateSize,
                    encoderSize,
                    batch,
                    1f,
                    out.s().data(),
                    0,
                    stateSize,
                    dq,
                    0,
                    encoderSize,
                    1f,
                    w.grad().data(),
                    0,
                    encoderSize);
            blas.gemm(
                    false,
                    true,
                    batch,
                    stateSize,
                    encoderSize,
                    1f,
                    dq,
                    0,
                    encoderSize,
                    w.value().data(),
                    0,
                    encoderSize,
                    0f,
                    dS.data(),
                    0,
                    stateSize);
        }
        return new Tensor[] {dA, dS};
    }
}
