package dev.seqlab.attention.transformer;

import dev.seqlab.core.kernel.Blas;
import dev.seqlab.core.kernel.Kernels;
import dev.seqlab.core.kernel.ParallelRanges;
import dev.seqlab.core.kernel.Softmax;
import dev.seqlab.core.param.Parameters;
import dev.seqlab.core.random.SeededRandom;
import dev.seqlab.rnn.layer.Dense;

/**
 * Multi-head scaled dot-product attention:
 * <pre>
 *   Q = x_q·W_Qᵀ + b_Q,  K = x_kv·W_Kᵀ + b_K,  V = x_kv·W_Vᵀ + b_V       (d_model → d_model)
 *   headₕ = softmax(Qₕ·Kₕᵀ / √d_k + mask)·Vₕ                          (d_k = d_model / heads)
 *   out = concat(head₁ … headₙ)·W_Oᵀ + b_O
 * </pre>
 * The mask hides keys past each sequence's length (padding) and, when causal, keys after the
 * query's position (look-ahead), so those weights are exactly 0. Inputs are batch-major
 * {@code [B·T, d_model]}.
 */
public final class MultiHeadAttention {
    private static final Blas BLAS = Kernels.blas();
    /**
     * The fewest sequences the per-head loop hands to a thread of its own: 8 sequences are 64 small
     * GEMMs and softmaxes with 4 heads, more work than waking a pool thread; a single input
     * ({@code predict}) stays on the calling thread.
     */
    private static final int MIN_SEQUENCES_PER_TASK = 8;

    private final int dModel;
    private final int heads;
    private final int dk;
    private final Dense q;
    private final Dense k;
    private final Dense v;
    private final Dense o;
    private final Parameters params = new Parameters();

    /** A layer with Xavier-initialised projections. */
    public MultiHeadAttention(String name, int dModel, int heads, SeededRandom rng) {
        if (heads < 1 || dModel % heads != 0) {
            throw new IllegalArgumentException("d_model " + dModel + " must be a positive multiple of heads " + heads);
        }
        this.dModel = dModel;
        this.heads = heads;
        this.dk = dModel / heads;
        this.q = new Dense(name + ".q", dModel, dModel);
        this.k = new Dense(name + ".k", dModel, dModel);
        this.v = new Dense(name + ".v", dModel, dModel);
        this.o = new Dense(name + ".o", dModel, dModel);
        for (Dense d : new Dense[] {q, k, v, o}) {
            d.initialize(rng);
            params.addAll(d.parameters());
        }
    }

    /** The four projections' weights and biases. */
    public Parameters parameters() {
        return params;
    }

    /** The number of heads. */
    public int heads() {
        return heads;
    }

    /** The query projection W_Q, b_Q. */
    public Dense query() {
        return q;
    }

    /** The key projection W_K, b_K. */
    public Dense key() {
        return k;
    }

    /** The value projection W_V, b_V. */
    public Dense value() {
        return v;
    }

    /** The output projection W_O, b_O (applied to the concatenated heads). */
    public Dense output() {
        return o;
    }

    /**
     * What forward returns and backward needs.
     *
     * @param out     {@code [B·Tq, d_model]}
     * @param weights the attention weights {@code [B, heads, Tq, Tk]} row-major
     */
    public record Result(float[] out, float[] weights, Cache cache) {}

    /** Intermediate values (opaque). */
    public static final class Cache {
        private final float[] xq;
        private final float[] xkv;
        private final float[] qs;
        private final float[] ks;
        private final float[] vs;
        private final float[] p;
        private final float[] concat;
        private final int batch;
        private final int tq;
        private final int tk;

        private Cache(
                float[] xq,
                float[] xkv,
                float[] qs,
                float[] ks,
                float[] vs,
                float[] p,
                float[] concat,
                int batch,
                int tq,
                int tk) {
            this.xq = xq;
            this.xkv = xkv;
            this.qs = qs;
            this.ks = ks;
            this.vs = vs;
            this.p = p;
            this.concat = concat;
            this.batch = batch;
            this.tq = tq;
            this.tk = tk;
        }
    }

    /**
     * Attends from {@code xq} ({@code [B·Tq, d]}) to {@code xkv} ({@code [B·Tk, d]}).
     *
     * @param keyLengths each sequence's number of real keys (1…Tk), or null for all
     * @param causal     hide keys after each query's position (requires Tq == Tk)
     */
    public Result forward(float[] xq, int tq, float[] xkv, int tk, int batch, int[] keyLengths, boolean causal) {
        if (causal && tq != tk) {
            throw new IllegalArgumentException(
                    "a look-ahead mask needs as many queries as keys, got " + tq + " and " + tk);
        }
        float[] qs = new float[batch * tq * dModel];
        float[] ks = new float[batch * tk * dModel];
        float[] vs = new float[batch * tk * dModel];
        q.forward(batch * tq, xq, 0, qs, 0);
        k.forward(batch * tk, xkv, 0, ks, 0);
        v.forward(batch * tk, xkv, 0, vs, 0);
        float scale = (float) (1 / Math.sqrt(dk));
        float[] p = new float[batch * heads * tq * tk];
        float[] concat = new float[batch * tq * dModel];
        for (int b = 0; b < batch; b++) {
            int len = keyLengths == null ? tk : keyLengths[b];
            if (len < 1 || len > tk) {
                throw new IllegalArgumentException("sequence " + b + " has " + len + " keys, outside 1.." + tk);
            }
        }
        // each sequence writes only its own rows of p and concat: bit-identical for any thread count
        ParallelRanges.forEach(batch, MIN_SEQUENCES_PER_TASK, (from, to) -> {
            for (int b = from; b < to; b++) {
                int len = keyLengths == null ? tk : keyLengths[b];
                for (int h = 0; h < heads; h++) {
                    int pOff = ((b * heads) + h) * tq * tk;
                    BLAS.gemm(
                            false,
                            true,
                            tq,
                            tk,
                            dk,
                            scale,
                            qs,
                            b * tq * dModel + h * dk,
                            dModel,
                            ks,
                            b * tk * dModel + h * dk,
                            dModel,
                            0f,
                            p,
                            pOff,
                            tk);
                    Softmax.softmaxRowsVisible(tq, tk, len, causal, p, pOff, tk, p, pOff, tk);
                    BLAS.gemm(
                            false,
                            false,
                            tq,
                            dk,
                            tk,
                            1f,
                            p,
                            pOff,
                            tk,
                            vs,
                            b * tk * dModel + h * dk,
                            dModel,
                            0f,
                            concat,
                            b * tq * dModel + h * dk,
                            dModel);
                }
            }
        });
        float[] out = new float[batch * tq * dModel];
        o.forward(batch * tq, concat, 0, out, 0);
        return new Result(out, p, new Cache(xq, xkv, qs, ks, vs, p, concat, batch, tq, tk));
    }

    /**
     * Backward: adds the projections' gradients and returns {@code {dx_q, dx_kv}} (for
     * self-attention the caller adds the two).
     */
    public float[][] backward(Cache c, float[] dOut) {
        int b0 = c.batch;
        float[] dConcat = new float[b0 * c.tq * dModel];
        o.backward(b0 * c.tq, c.concat, 0, dOut, 0, dConcat, 0);
        float[] dq = new float[b0 * c.tq * dModel];
        float[] dk2 = new float[b0 * c.tk * dModel];
        float[] dv = new float[b0 * c.tk * dModel];
        float scale = (float) (1 / Math.sqrt(dk));
        // each sequence writes only its own rows of dq, dk and dv: bit-identical for any thread count
        ParallelRanges.forEach(b0, MIN_SEQUENCES_PER_TASK, (from, to) -> {
            float[] dp = new float[c.tq * c.tk];
            for (int b = from; b < to; b++) {
                for (int h = 0; h < heads; h++) {
                    int pOff = ((b * heads) + h) * c.tq * c.tk;
                    int qOff = b * c.tq * dModel + h * dk;
                    int kOff = b * c.tk * dModel + h * dk;
                    // dP = dO·Vᵀ ; dV = Pᵀ·dO
                    BLAS.gemm(
                            false, true, c.tq, c.tk, dk, 1f, dConcat, qOff, dModel, c.vs, kOff, dModel, 0f, dp, 0,
                            c.tk);
                    BLAS.gemm(
                            true, false, c.tk, dk, c.tq, 1f, c.p, pOff, c.tk, dConcat, qOff, dModel, 1f, dv, kOff,
                            dModel);
                    // softmax backward: dS = P ⊙ (dP − Σ P⊙dP), masked entries have P = 0
                    Softmax.softmaxBackwardRows(c.tq, c.tk, c.p, pOff, c.tk, dp, 0, c.tk, dp, 0, c.tk);
                    // dQ = dS·K·scale ; dK = dSᵀ·Q·scale
                    BLAS.gemm(
                            false, false, c.tq, dk, c.tk, scale, dp, 0, c.tk, c.ks, kOff, dModel, 1f, dq, qOff, dModel);
                    BLAS.gemm(
                            true, false, c.tk, dk, c.tq, scale, dp, 0, c.tk, c.qs, qOff, dModel, 1f, dk2, kOff, dModel);
                }
            }
        });
        float[] dxq = new float[b0 * c.tq * dModel];
        float[] dxkv = new float[b0 * c.tk * dModel];
        float[] tmp = new float[b0 * c.tk * dModel];
        q.backward(b0 * c.tq, c.xq, 0, dq, 0, dxq, 0);
        k.backward(b0 * c.tk, c.xkv, 0, dk2, 0, dxkv, 0);
        v.backward(b0 * c.tk, c.xkv, 0, dv, 0, tmp, 0);
        for (int i = 0; i < tmp.length; i++) {
            dxkv[i] += tmp[i];
        }
        return new float[][] {dxq, dxkv};
    }
}
