package dev.seqlab.attention.onnx;

import ai.onnx.proto.OnnxMl.ModelProto;
import dev.seqlab.attention.transformer.DecoderLayer;
import dev.seqlab.attention.transformer.EncoderLayer;
import dev.seqlab.attention.transformer.TransformerOptions;
import dev.seqlab.attention.transformer.TransformerSeq2Seq;
import dev.seqlab.onnx.graph.GraphBuilder;
import dev.seqlab.onnx.graph.OnnxFiles;
import dev.seqlab.rnn.layer.Embedding;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Writes seqlab's Transformer encoder–decoder ({@link TransformerSeq2Seq}) as one standard ONNX graph
 * (opset {@value #OPSET}; operators {@code Gather}, {@code Equal}, {@code Not}, {@code Where},
 * {@code ReduceMax}, {@code Max}, {@code Unsqueeze}, {@code Less}, {@code Mul}, {@code Add},
 * {@code MatMul}, {@code Reshape}, {@code Transpose}, {@code Softmax}, {@code ReduceMean},
 * {@code Sub}, {@code Sqrt}, {@code Div}, {@code Relu}, {@code Concat}, {@code ArgMax}), runnable in
 * ONNX Runtime or any other back end. Its interface is the attention model's
 * ({@link AttentionOnnxExport}):
 *
 * <pre>
 *   inputs   tokens         int64 [batch, Tx]          input ids, 0 = padding
 *   outputs  logits         float [batch, Ty, V_out]   of each greedy decoding step
 *            probabilities  float [batch, Ty, V_out]   softmax of the logits
 *            attention      float [batch, Ty, Tx]      last decoder layer's cross-attention, mean over heads
 *                                                      (0 past each input's length)
 * </pre>
 *
 * <p>The graph computes exactly what {@link TransformerSeq2Seq#greedy} (and so
 * {@link TransformerSeq2Seq#predict}) computes, greedy decoding included:
 * <pre>
 *   len      = max(1, max over t of (t+1)·[idₜ ≠ 0])     keys at positions ≥ len are hidden (weight 0)
 *   enc      = Encoderᴺ(√d·E_in[ids] + PE[0:Tx])        E_in's padding row 0 reads zeros
 *   y₀       = ⟨start⟩ = V_out
 *   for t = 0 … Ty−1:
 *       h      = Decoderᴺ(√d·E_out[y₀ … yₜ] + PE[0:t+1], enc)   look-ahead mask over the t+1 positions
 *       logitsₜ = h[t]·W_outᵀ + b_out,   probabilitiesₜ = softmax(logitsₜ)
 *       attentionₜ = mean over heads of the last layer's cross-attention weights of query t
 *       yₜ₊₁   = ArgMax(probabilitiesₜ)                    the first maximum, as seqlab takes it
 * </pre>
 * Each step runs the whole decoder over the prefix so far, as seqlab does; the cross-attention keys
 * and values of the encoder output are computed once per layer and shared by all steps. The layers
 * are post-norm: {@code x₁ = LN(x + MHA(x, x))}, {@code out = LN(x₁ + FFN(x₁))} in the encoder,
 * {@code y₁ = LN(y + MHA_causal(y, y))}, {@code y₂ = LN(y₁ + MHA(y₁, enc))}, {@code out = LN(y₂ + FFN(y₂))}
 * in the decoder. Multi-head attention is {@code softmax(Where(mask, Q·Kᵀ·(1/√d_k), −10⁹))·V} per head
 * (heads split by {@code Reshape}/{@code Transpose}), layer normalisation is decomposed at opset 14 as
 * {@code (x − μ)/√(σ² + ε)·γ + β} with seqlab's ε, and every dense layer is {@code MatMul} by the
 * transposed weight then {@code Add} of the bias. The embedding tables go out multiplied by √d (the
 * same float products seqlab forms), E_in with its padding row zeroed.
 *
 * <p>Metadata: {@value #ARCHITECTURE_KEY} = {@link TransformerSeq2Seq#ARCHITECTURE}, the sizes under
 * {@code seqlab.input_length} etc. (as the attention model's), {@code seqlab.d_model},
 * {@code seqlab.heads}, {@code seqlab.feed_forward}, {@code seqlab.layers}, and any entries the caller
 * adds (such as vocabularies). Files are written to a temporary file and renamed into place.
 */
public final class TransformerOnnxExport {
    /** The opset the exported graphs declare. */
    public static final int OPSET = Seq2SeqGraph.OPSET;
    /** The input of token ids {@code [batch, Tx]}. */
    public static final String TOKENS = Seq2SeqGraph.TOKENS;
    /** The output of logits {@code [batch, Ty, V_out]}. */
    public static final String LOGITS = Seq2SeqGraph.LOGITS;
    /** The output of softmax probabilities {@code [batch, Ty, V_out]}. */
    public static final String PROBABILITIES = Seq2SeqGraph.PROBABILITIES;
    /** The output of head-averaged cross-attention weights {@code [batch, Ty, Tx]}. */
    public static final String ATTENTION = Seq2SeqGraph.ATTENTION;
    /** Metadata key naming the seqlab architecture the graph was exported from. */
    public static final String ARCHITECTURE_KEY = Seq2SeqGraph.ARCHITECTURE_KEY;

    private TransformerOnnxExport() {}

    /** The ONNX graph of {@code model} (see the class description). */
    public static ModelProto seq2seq(TransformerSeq2Seq model) {
        return seq2seq(model, Map.of());
    }

    /**
     * The ONNX graph of {@code model} with extra metadata entries (for example the vocabularies a
     * caller needs to turn text into ids and ids back into text).
     */
    public static ModelProto seq2seq(TransformerSeq2Seq model, Map<String, String> metadata) {
        TransformerOptions o = model.options();
        int tx = o.inputLength();
        int ty = o.outputLength();
        int vOut = o.outputVocabulary();
        int d = o.dModel();
        GraphBuilder g = Seq2SeqGraph.start(
                "seqlab-transformer-seq2seq",
                TransformerSeq2Seq.ARCHITECTURE,
                o.inputVocabulary(),
                vOut,
                tx,
                ty,
                metadata);
        g.metadata("seqlab.d_model", Integer.toString(d));
        g.metadata("seqlab.heads", Integer.toString(o.heads()));
        g.metadata("seqlab.feed_forward", Integer.toString(o.ff()));
        g.metadata("seqlab.layers", Integer.toString(o.layers()));
        TransformerGraphLayers layers = new TransformerGraphLayers(g);

        // ---- key mask "key_mask" [B, 1, 1, Tx]: broadcasts over heads and queries
        Seq2SeqGraph.inputLengths(g, tx);
        g.longs("head_axis", 1L);
        g.node("Unsqueeze", Seq2SeqGraph.VALID, "head_axis").name("key_mask").output("key_mask");

        // ---- encoder
        float[] pe = model.positionalEncoding();
        String source = scaledTable(g, model.source(), model.embeddingScale());
        g.floats("input_positions", Arrays.copyOf(pe, tx * d), tx, d);
        g.node("Gather", source, TOKENS).name("input_embedded").attr("axis", 0L).output("input_embedded");
        String x = layers.op("Add", "encoder_input", "input_embedded", "input_positions"); // [B, Tx, d]
        List<EncoderLayer> encoders = model.encoderLayers();
        for (int l = 0; l < encoders.size(); l++) {
            x = layers.encoderLayer(encoders.get(l), x, "key_mask", "encoder" + l);
        }
        List<DecoderLayer> decoders = model.decoderLayers();
        List<String[]> encKv = new ArrayList<>();
        for (int l = 0; l < decoders.size(); l++) {
            encKv.add(layers.keysValues(decoders.get(l).crossAttention(), x, "decoder" + l + "_cross"));
        }

        // ---- greedy decoding, unrolled: y₀ = start, a [B, 1] column made from the batch's first ids
        String target = scaledTable(g, model.target(), model.embeddingScale());
        g.longs("first_position", 0L);
        g.longs("start_id", (long) model.startId());
        g.node("Gather", TOKENS, "first_position")
                .name("first_ids")
                .attr("axis", 1L)
                .output("first_ids");
        String next =
                layers.op("Add", "step0_id", layers.op("Mul", "zero_ids", "first_ids", Seq2SeqGraph.ZERO), "start_id");
        String prefix = null;
        List<String> logits = new ArrayList<>();
        List<String> probabilities = new ArrayList<>();
        List<String> attention = new ArrayList<>();
        for (int t = 0; t < ty; t++) {
            String p = "step" + t + "_";
            int n = t + 1;
            g.floats(p + "position", Arrays.copyOfRange(pe, t * d, (t + 1) * d), d);
            g.node("Gather", target, next).name(p + "embedded").attr("axis", 0L).output(p + "embedded"); // [B, 1, d]
            String row = layers.op("Add", p + "input", p + "embedded", p + "position");
            if (prefix == null) {
                prefix = row;
            } else {
                g.node("Concat", prefix, row)
                        .name(p + "prefix")
                        .attr("axis", 1L)
                        .output(p + "prefix"); // [B, n, d]
                prefix = p + "prefix";
            }
            String causal = causalMask(g, n, p);
            String h = prefix;
            String cross = null;
            for (int l = 0; l < decoders.size(); l++) {
                String[] out =
                        layers.decoderLayer(decoders.get(l), h, causal, encKv.get(l), "key_mask", p + "decoder" + l);
                h = out[0];
                cross = out[1]; // [B, heads, n, Tx]
            }
            g.longs(p + "last", (long) t);
            g.node("Gather", h, p + "last")
                    .name(p + "last_row")
                    .attr("axis", 1L)
                    .output(p + "last_row"); // [B, 1, d]
            logits.add(layers.dense(model.output(), p + "last_row", p + "logits"));
            g.node("Softmax", p + "logits")
                    .name(p + "probabilities")
                    .attr("axis", -1L)
                    .output(p + "probabilities");
            probabilities.add(p + "probabilities");
            g.node("Gather", cross, p + "last")
                    .name(p + "cross_last")
                    .attr("axis", 2L)
                    .output(p + "cross_last"); // [B, h, 1, Tx]
            g.node("ReduceMean", p + "cross_last")
                    .name(p + "attention")
                    .attrInts("axes", 1)
                    .attr("keepdims", 0L)
                    .output(p + "attention"); // [B, 1, Tx]
            attention.add(p + "attention");
            if (t + 1 < ty) {
                next = "step" + (t + 1) + "_id";
                g.node("ArgMax", p + "probabilities")
                        .name(next)
                        .attr("axis", -1L)
                        .attr("keepdims", 0L)
                        .attr("select_last_index", 0L)
                        .output(next); // [B, 1]
            }
        }
        g.node("Concat", logits.toArray(String[]::new))
                .name(Seq2SeqGraph.LOGITS)
                .attr("axis", 1L)
                .output(Seq2SeqGraph.LOGITS);
        g.node("Concat", probabilities.toArray(String[]::new))
                .name(Seq2SeqGraph.PROBABILITIES)
                .attr("axis", 1L)
                .output(Seq2SeqGraph.PROBABILITIES);
        g.node("Concat", attention.toArray(String[]::new))
                .name(Seq2SeqGraph.ATTENTION)
                .attr("axis", 1L)
                .output(Seq2SeqGraph.ATTENTION);
        return Seq2SeqGraph.finish(g, tx, ty, vOut);
    }

    /** Writes {@link #seq2seq(TransformerSeq2Seq)} to {@code file} atomically. */
    public static void write(TransformerSeq2Seq model, Path file) throws IOException {
        write(model, Map.of(), file);
    }

    /** Writes {@link #seq2seq(TransformerSeq2Seq, Map)} to {@code file} atomically. */
    public static void write(TransformerSeq2Seq model, Map<String, String> metadata, Path file) throws IOException {
        OnnxFiles.write(seq2seq(model, metadata), file);
    }

    /** The initialiser {@code √d·E} {@code [V, d]}, the padding row (if any) zero as seqlab reads it; returns its name. */
    private static String scaledTable(GraphBuilder g, Embedding e, float scale) {
        float[] t = e.table().value().data().clone();
        for (int i = 0; i < t.length; i++) {
            t[i] *= scale;
        }
        if (e.paddingId() != Embedding.NO_PADDING) {
            Arrays.fill(t, e.paddingId() * e.dim(), (e.paddingId() + 1) * e.dim(), 0f);
        }
        String name = e.table().name() + "_scaled";
        g.floats(name, t, e.vocabularySize(), e.dim());
        return name;
    }

    /** bool {@code [n, n]}: query i sees keys 0 … i ({@code Less(j, i + 1)}); returns its name. */
    private static String causalMask(GraphBuilder g, int n, String p) {
        long[] keys = new long[n];
        long[] limits = new long[n];
        for (int i = 0; i < n; i++) {
            keys[i] = i;
            limits[i] = i + 1;
        }
        g.longs(p + "key_positions", keys, n);
        g.longs(p + "query_limits", limits, n, 1);
        g.node("Less", p + "key_positions", p + "query_limits")
                .name(p + "causal_mask")
                .output(p + "causal_mask");
        return p + "causal_mask";
    }
}
