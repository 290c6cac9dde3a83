package dev.seqlab.attention.transformer;

import dev.seqlab.core.param.Parameters;
import dev.seqlab.core.random.SeededRandom;

/**
 * A Transformer decoder layer (post-norm): masked self-attention, attention over the encoder's
 * outputs, feed-forward, each with a residual connection and layer normalisation:
 * {@code y₁ = LN(y + MHA_causal(y, y))}, {@code y₂ = LN(y₁ + MHA(y₁, enc))}, {@code out = LN(y₂ + FFN(y₂))}.
 */
public final class DecoderLayer {
    private final MultiHeadAttention self;
    private final LayerNorm norm1;
    private final MultiHeadAttention cross;
    private final LayerNorm norm2;
    private final FeedForward ffn;
    private final LayerNorm norm3;
    private final Parameters params = new Parameters();

    /** A layer of width {@code d} with {@code heads} heads and a feed-forward width {@code ff}. */
    public DecoderLayer(String name, int d, int heads, int ff, SeededRandom rng) {
        self = new MultiHeadAttention(name + ".self", d, heads, rng);
        norm1 = new LayerNorm(name + ".norm1", d);
        cross = new MultiHeadAttention(name + ".cross", d, heads, rng);
        norm2 = new LayerNorm(name + ".norm2", d);
        ffn = new FeedForward(name + ".ffn", d, ff, rng);
        norm3 = new LayerNorm(name + ".norm3", d);
        params.addAll(self.parameters());
        params.addAll(norm1.parameters());
        params.addAll(cross.parameters());
        params.addAll(norm2.parameters());
        params.addAll(ffn.parameters());
        params.addAll(norm3.parameters());
    }

    /** All parameters of the layer. */
    public Parameters parameters() {
        return params;
    }

    /** The masked (look-ahead) self-attention. */
    public MultiHeadAttention selfAttention() {
        return self;
    }

    /** The normalisation after the self-attention's residual sum. */
    public LayerNorm norm1() {
        return norm1;
    }

    /** The attention over the encoder's outputs (keys masked to each input's length). */
    public MultiHeadAttention crossAttention() {
        return cross;
    }

    /** The normalisation after the cross-attention's residual sum. */
    public LayerNorm norm2() {
        return norm2;
    }

    /** The feed-forward block. */
    public FeedForward feedForward() {
        return ffn;
    }

    /** The normalisation after the feed-forward block's residual sum. */
    public LayerNorm norm3() {
        return norm3;
    }

    /** The layer's output, the cross-attention weights and what backward needs. */
    public record Pass(float[] out, float[] crossWeights, State state) {}

    /** Intermediate values (opaque). */
    public static final class State {
        private MultiHeadAttention.Cache selfAtt;
        private LayerNorm.Cache n1;
        private float[] y1;
        private MultiHeadAttention.Cache crossAtt;
        private LayerNorm.Cache n2;
        private float[] y2;
        private float[] hidden;
        private LayerNorm.Cache n3;
        private int rows;
    }

    /** Runs the layer on {@code y} ({@code [B·Ty, d]}) over encoder outputs {@code enc} ({@code [B·Tx, d]}). */
    public Pass forward(float[] y, int ty, float[] enc, int tx, int batch, int[] encLengths) {
        State s = new State();
        s.rows = ty * batch;
        MultiHeadAttention.Result a1 = self.forward(y, ty, y, ty, batch, null, true);
        s.selfAtt = a1.cache();
        s.y1 = new float[y.length];
        s.n1 = norm1.forward(s.rows, EncoderLayer.add(y, a1.out()), s.y1);
        MultiHeadAttention.Result a2 = cross.forward(s.y1, ty, enc, tx, batch, encLengths, false);
        s.crossAtt = a2.cache();
        s.y2 = new float[y.length];
        s.n2 = norm2.forward(s.rows, EncoderLayer.add(s.y1, a2.out()), s.y2);
        float[][] f = ffn.forward(s.rows, s.y2);
        s.hidden = f[1];
        float[] out = new float[y.length];
        s.n3 = norm3.forward(s.rows, EncoderLayer.add(s.y2, f[0]), out);
        return new Pass(out, a2.weights(), s);
    }

    /** Adds parameter gradients; returns {@code {dy, dEnc}}. */
    public float[][] backward(State s, float[] dOut) {
        float[] dSum3 = norm3.backward(s.n3, dOut);
        float[] dy2 = EncoderLayer.add(dSum3, ffn.backward(s.rows, s.y2, s.hidden, dSum3));
        float[] dSum2 = norm2.backward(s.n2, dy2);
        float[][] gc = cross.backward(s.crossAtt, dSum2);
        float[] dy1 = EncoderLayer.add(dSum2, gc[0]);
        float[] dSum1 = norm1.backward(s.n1, dy1);
        float[][] gs = self.backward(s.selfAtt, dSum1);
        return new float[][] {EncoderLayer.add(dSum1, EncoderLayer.add(gs[0], gs[1])), gc[1]};
    }
}
