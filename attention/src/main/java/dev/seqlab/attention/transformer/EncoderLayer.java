package dev.seqlab.attention.transformer;

import dev.seqlab.core.param.Parameters;
import dev.seqlab.core.random.SeededRandom;

/**
 * A Transformer encoder layer (post-norm, as the original and the course):
 * {@code x₁ = LN(x + MHA(x, x))}, {@code out = LN(x₁ + FFN(x₁))}, keys masked to each sequence's length.
 */
public final class EncoderLayer {
    private final int d;
    private final MultiHeadAttention attention;
    private final LayerNorm norm1;
    private final FeedForward ffn;
    private final LayerNorm norm2;
    private final Parameters params = new Parameters();

    /** A layer of width {@code d} with {@code heads} heads and a feed-forward width {@code ff}. */
    public EncoderLayer(String name, int d, int heads, int ff, SeededRandom rng) {
        this.d = d;
        attention = new MultiHeadAttention(name + ".attention", d, heads, rng);
        norm1 = new LayerNorm(name + ".norm1", d);
        ffn = new FeedForward(name + ".ffn", d, ff, rng);
        norm2 = new LayerNorm(name + ".norm2", d);
        params.addAll(attention.parameters());
        params.addAll(norm1.parameters());
        params.addAll(ffn.parameters());
        params.addAll(norm2.parameters());
    }

    /** All parameters of the layer. */
    public Parameters parameters() {
        return params;
    }

    /** The self-attention (keys masked to each input's length). */
    public MultiHeadAttention attention() {
        return attention;
    }

    /** The normalisation after the self-attention's residual sum. */
    public LayerNorm norm1() {
        return norm1;
    }

    /** The feed-forward block. */
    public FeedForward feedForward() {
        return ffn;
    }

    /** The normalisation after the feed-forward block's residual sum. */
    public LayerNorm norm2() {
        return norm2;
    }

    /** The layer's output and what backward needs. */
    public record Pass(float[] out, State state) {}

    /** Intermediate values (opaque). */
    public static final class State {
        private MultiHeadAttention.Cache att;
        private LayerNorm.Cache n1;
        private float[] x1;
        private float[] hidden;
        private LayerNorm.Cache n2;
        private int rows;
    }

    /** Runs the layer on {@code x} ({@code [B·T, d]}). */
    public Pass forward(float[] x, int steps, int batch, int[] lengths) {
        State s = new State();
        s.rows = steps * batch;
        MultiHeadAttention.Result a = attention.forward(x, steps, x, steps, batch, lengths, false);
        s.att = a.cache();
        float[] sum = add(x, a.out());
        s.x1 = new float[sum.length];
        s.n1 = norm1.forward(s.rows, sum, s.x1);
        float[][] f = ffn.forward(s.rows, s.x1);
        s.hidden = f[1];
        float[] out = new float[sum.length];
        s.n2 = norm2.forward(s.rows, add(s.x1, f[0]), out);
        return new Pass(out, s);
    }

    /** Adds parameter gradients and returns dx. */
    public float[] backward(State s, float[] dOut) {
        float[] dSum2 = norm2.backward(s.n2, dOut);
        float[] dx1 = add(dSum2, ffn.backward(s.rows, s.x1, s.hidden, dSum2));
        float[] dSum1 = norm1.backward(s.n1, dx1);
        float[][] g = attention.backward(s.att, dSum1);
        return add(dSum1, add(g[0], g[1]));
    }

    static float[] add(float[] a, float[] b) {
        float[] c = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i] + b[i];
        }
        return c;
    }

    int width() {
        return d;
    }
}
