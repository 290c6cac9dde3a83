package dev.seqlab.attention.onnx;

import dev.seqlab.attention.transformer.DecoderLayer;
import dev.seqlab.attention.transformer.EncoderLayer;
import dev.seqlab.attention.transformer.FeedForward;
import dev.seqlab.attention.transformer.LayerNorm;
import dev.seqlab.attention.transformer.MultiHeadAttention;
import dev.seqlab.onnx.graph.GraphBuilder;
import dev.seqlab.rnn.layer.Dense;
import java.util.HashSet;
import java.util.Set;

/**
 * Writes seqlab's Transformer layers into a graph as opset-14 operators, on batch-major values
 * {@code [batch, T, d]}. Each layer's weights become initialisers named after the seqlab parameters
 * they hold (a transposed matrix gets the suffix {@code _t}), added the first time the layer is
 * written, so a layer written once per decoding step shares them. Every node is named after the
 * value it computes; callers give each call a unique prefix.
 */
final class TransformerGraphLayers {
    private final GraphBuilder g;
    private final Set<String> initialisers = new HashSet<>();

    TransformerGraphLayers(GraphBuilder g) {
        this.g = g;
    }

    /** One node named after its single output. */
    String op(String opType, String out, String... inputs) {
        g.node(opType, inputs).name(out).output(out);
        return out;
    }

    /** {@code x·Wᵀ + b} over the last axis ({@code MatMul} with Wᵀ {@code [in, out]}, {@code Add}). */
    String dense(Dense d, String x, String out) {
        String w = d.w().name() + "_t";
        String b = d.b().name();
        if (initialisers.add(w)) {
            g.floats(w, transpose(d.w().value().data(), d.outputSize(), d.inputSize()), d.inputSize(), d.outputSize());
            g.floats(b, d.b().value().data().clone(), d.outputSize());
        }
        return op("Add", out, op("MatMul", out + "_xw", x, w), b);
    }

    /**
     * {@link LayerNorm} over the last axis, decomposed as seqlab computes it (biased variance, ε
     * inside the root): {@code (x − μ) / √(σ² + ε) · γ + β}.
     */
    String layerNorm(LayerNorm n, String x, String out) {
        String gamma = n.gamma().name();
        String beta = n.beta().name();
        String eps = gamma + "_epsilon";
        if (initialisers.add(gamma)) {
            g.floats(gamma, n.gamma().value().data().clone(), n.gamma().size());
            g.floats(beta, n.beta().value().data().clone(), n.beta().size());
            g.floats(eps, new float[] {n.epsilon()}, 1);
        }
        g.node("ReduceMean", x)
                .name(out + "_mean")
                .attrInts("axes", -1)
                .attr("keepdims", 1L)
                .output(out + "_mean");
        String centred = op("Sub", out + "_centred", x, out + "_mean");
        String square = op("Mul", out + "_square", centred, centred);
        g.node("ReduceMean", square)
                .name(out + "_variance")
                .attrInts("axes", -1)
                .attr("keepdims", 1L)
                .output(out + "_variance");
        String std = op("Sqrt", out + "_std", op("Add", out + "_variance_eps", out + "_variance", eps));
        String xhat = op("Div", out + "_xhat", centred, std);
        return op("Add", out, op("Mul", out + "_scaled", xhat, gamma), beta);
    }

    /** {@code max(0, x·W₁ᵀ + b₁)·W₂ᵀ + b₂}. */
    String feedForward(FeedForward f, String x, String out) {
        String hidden = op("Relu", out + "_relu", dense(f.first(), x, out + "_hidden"));
        return dense(f.second(), hidden, out);
    }

    /**
     * The keys and values of {@code a} over {@code x} {@code [batch, Tk, d]}, split into heads:
     * {@code {Kᵀ [batch, heads, d_k, Tk], V [batch, heads, Tk, d_k]}}. Written once per layer and
     * input, they serve every query over that input.
     */
    String[] keysValues(MultiHeadAttention a, String x, String prefix) {
        String k = splitHeads(a, dense(a.key(), x, prefix + "_k"), prefix + "_k_t", 0, 2, 3, 1);
        String v = splitHeads(a, dense(a.value(), x, prefix + "_v"), prefix + "_v_heads", 0, 2, 1, 3);
        return new String[] {k, v};
    }

    /**
     * Multi-head attention of queries {@code x} {@code [batch, Tq, d]} over {@link #keysValues}
     * {@code kv}: {@code softmax(Where(mask, Q·Kᵀ·(1/√d_k), −10⁹))·V}, heads joined, then W_O. The mask
     * broadcasts to {@code [batch, heads, Tq, Tk]}; hidden keys get weight exactly 0. Returns
     * {@code {out [batch, Tq, d], weights [batch, heads, Tq, Tk]}}.
     */
    String[] attention(MultiHeadAttention a, String x, String[] kv, String mask, String prefix) {
        int heads = a.heads();
        int d = a.query().outputSize();
        int dk = d / heads;
        String scale = "attention_scale_" + dk;
        if (initialisers.add(scale)) {
            g.floats(scale, new float[] {(float) (1 / Math.sqrt(dk))}, 1); // as MultiHeadAttention scales
        }
        String q = splitHeads(a, dense(a.query(), x, prefix + "_q"), prefix + "_q_heads", 0, 2, 1, 3);
        String scores = op("Mul", prefix + "_scores", op("MatMul", prefix + "_qk", q, kv[0]), scale);
        String masked = op("Where", prefix + "_masked", mask, scores, Seq2SeqGraph.MASKED);
        String weights = prefix + "_weights";
        g.node("Softmax", masked).name(weights).attr("axis", -1L).output(weights);
        String heads4 = op("MatMul", prefix + "_context", weights, kv[1]); // [B, h, Tq, d_k]
        g.node("Transpose", heads4)
                .name(prefix + "_context_t")
                .attrInts("perm", 0, 2, 1, 3)
                .output(prefix + "_context_t");
        String joinShape = "join_heads_" + d;
        if (initialisers.add(joinShape)) {
            g.longs(joinShape, 0L, 0L, d);
        }
        String joined = op("Reshape", prefix + "_joined", prefix + "_context_t", joinShape);
        return new String[] {dense(a.output(), joined, prefix), weights};
    }

    /** An {@link EncoderLayer}: {@code x₁ = LN(x + MHA(x, x))}, {@code out = LN(x₁ + FFN(x₁))}. */
    String encoderLayer(EncoderLayer l, String x, String keyMask, String prefix) {
        String[] att =
                attention(l.attention(), x, keysValues(l.attention(), x, prefix + "_self"), keyMask, prefix + "_self");
        String x1 = layerNorm(l.norm1(), op("Add", prefix + "_sum1", x, att[0]), prefix + "_norm1");
        String f = feedForward(l.feedForward(), x1, prefix + "_ffn");
        return layerNorm(l.norm2(), op("Add", prefix + "_sum2", x1, f), prefix + "_norm2");
    }

    /**
     * A {@link DecoderLayer} over {@code y} {@code [batch, n, d]}: {@code y₁ = LN(y + MHA_causal(y, y))},
     * {@code y₂ = LN(y₁ + MHA(y₁, enc))}, {@code out = LN(y₂ + FFN(y₂))}, with {@code encKv} the
     * cross-attention's {@link #keysValues} of the encoder output. Returns {@code {out, cross-attention
     * weights [batch, heads, n, Tx]}}.
     */
    String[] decoderLayer(DecoderLayer l, String y, String causalMask, String[] encKv, String keyMask, String prefix) {
        MultiHeadAttention self = l.selfAttention();
        String[] a1 = attention(self, y, keysValues(self, y, prefix + "_self"), causalMask, prefix + "_self");
        String y1 = layerNorm(l.norm1(), op("Add", prefix + "_sum1", y, a1[0]), prefix + "_norm1");
        String[] a2 = attention(l.crossAttention(), y1, encKv, keyMask, prefix + "_cross");
        String y2 = layerNorm(l.norm2(), op("Add", prefix + "_sum2", y1, a2[0]), prefix + "_norm2");
        String f = feedForward(l.feedForward(), y2, prefix + "_ffn");
        return new String[] {layerNorm(l.norm3(), op("Add", prefix + "_sum3", y2, f), prefix + "_norm3"), a2[1]};
    }

    /** {@code [batch, T, d]} → {@code [batch, T, heads, d_k]}, then transposed by {@code perm}. */
    private String splitHeads(MultiHeadAttention a, String x, String out, long... perm) {
        int heads = a.heads();
        int dk = a.query().outputSize() / heads;
        String shape = "split_heads_" + heads + "x" + dk;
        if (initialisers.add(shape)) {
            g.longs(shape, 0L, 0L, heads, dk);
        }
        String split = op("Reshape", out + "_split", x, shape);
        g.node("Transpose", split).name(out).attrInts("perm", perm).output(out);
        return out;
    }

    /** The transpose of a row-major {@code [rows, cols]} matrix. */
    static float[] transpose(float[] m, int rows, int cols) {
        float[] t = new float[m.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = m[r * cols + c];
            }
        }
        return t;
    }
}
