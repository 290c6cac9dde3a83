package dev.seqlab.attention.onnx;

import ai.onnx.proto.OnnxMl.ModelProto;
import dev.seqlab.onnx.graph.GraphBuilder;
import java.util.Map;

/**
 * What every exported sequence-to-sequence graph shares ({@link AttentionOnnxExport},
 * {@link TransformerOnnxExport}): the opset, the input and output names and shapes, the size
 * metadata, and the input lengths with the key mask they imply.
 */
final class Seq2SeqGraph {
    /** The opset the exported graphs declare. */
    static final int OPSET = 14;
    /** The input of token ids {@code [batch, Tx]}. */
    static final String TOKENS = "tokens";
    /** The output of logits {@code [batch, Ty, V_out]}. */
    static final String LOGITS = "logits";
    /** The output of softmax probabilities {@code [batch, Ty, V_out]}. */
    static final String PROBABILITIES = "probabilities";
    /** The output of attention weights {@code [batch, Ty, Tx]}. */
    static final String ATTENTION = "attention";
    /** Metadata key naming the seqlab architecture the graph was exported from. */
    static final String ARCHITECTURE_KEY = "seqlab.architecture";
    /** The score given to hidden keys before the softmax (their weight is exactly 0). */
    static final float MASKED_SCORE = -1e9f;

    /** int64 {@code [batch]}: each input's length, the position after its last non-zero id (at least 1). */
    static final String LENGTHS = "lengths";
    /** bool {@code [batch, 1, Tx]}: true for input positions before the input's length. */
    static final String VALID = "valid";
    /** float {@code [1]}: {@link #MASKED_SCORE}, for {@code Where(VALID, score, MASKED)}. */
    static final String MASKED = "masked_score";
    /** int64 {@code [1]}: 0. */
    static final String ZERO = "zero_i64";

    private static final String PRODUCER = "seqlab";

    private Seq2SeqGraph() {}

    /**
     * A graph named {@code name} with the size metadata (the architecture, {@code seqlab.input_length},
     * {@code seqlab.output_length}, {@code seqlab.input_vocabulary}, {@code seqlab.output_vocabulary}),
     * then {@code metadata}, and the input {@link #TOKENS} int64 {@code [batch, Tx]}.
     */
    static GraphBuilder start(
            String name, String architecture, int vIn, int vOut, int tx, int ty, Map<String, String> metadata) {
        GraphBuilder g = new GraphBuilder(name);
        g.metadata(ARCHITECTURE_KEY, architecture);
        g.metadata("seqlab.input_length", Integer.toString(tx));
        g.metadata("seqlab.output_length", Integer.toString(ty));
        g.metadata("seqlab.input_vocabulary", Integer.toString(vIn));
        g.metadata("seqlab.output_vocabulary", Integer.toString(vOut));
        metadata.forEach(g::metadata);
        g.input(TOKENS, GraphBuilder.INT64, "batch", tx);
        return g;
    }

    /**
     * Adds {@link #LENGTHS}, {@link #VALID}, {@link #MASKED} and {@link #ZERO}: seqlab's reading of
     * the ids, where an input's length is the position after its last non-zero id, at least 1
     * (0s inside an input are read as padding ids but not hidden):
     * <pre>
     *   len   = max(1, max over t of (t+1)·[idₜ ≠ 0])
     *   valid = (t &lt; len)                              [batch, 1, Tx]
     * </pre>
     */
    static void inputLengths(GraphBuilder g, int tx) {
        long[] positions = new long[tx];
        long[] indices = new long[tx];
        for (int t = 0; t < tx; t++) {
            positions[t] = t + 1;
            indices[t] = t;
        }
        g.longs(ZERO, 0L);
        g.longs("one_i64", 1L);
        g.longs("positions", positions);
        g.longs("indices", indices);
        g.node("Equal", TOKENS, ZERO).name("is_padding").output("padding");
        g.node("Not", "padding").name("is_token").output("token");
        g.node("Where", "token", "positions", ZERO).name("token_ends").output("ends");
        g.node("ReduceMax", "ends")
                .name("last_token_end")
                .attrInts("axes", 1)
                .attr("keepdims", 0L)
                .output("last_end");
        g.node("Max", "last_end", "one_i64").name(LENGTHS).output(LENGTHS);
        g.longs("length_axes", 1L, 2L);
        g.node("Unsqueeze", LENGTHS, "length_axes").name("lengths_b11").output("lengths_b11");
        g.node("Less", "indices", "lengths_b11").name("attention_mask").output(VALID);
        g.floats(MASKED, new float[] {MASKED_SCORE}, 1);
    }

    /**
     * Declares the outputs {@link #LOGITS}, {@link #PROBABILITIES} {@code [batch, Ty, V_out]} and
     * {@link #ATTENTION} {@code [batch, Ty, Tx]} (computed by then) and builds the model.
     */
    static ModelProto finish(GraphBuilder g, int tx, int ty, int vOut) {
        g.output(LOGITS, GraphBuilder.FLOAT, "batch", ty, vOut);
        g.output(PROBABILITIES, GraphBuilder.FLOAT, "batch", ty, vOut);
        g.output(ATTENTION, GraphBuilder.FLOAT, "batch", ty, tx);
        return g.build(OPSET, PRODUCER);
    }
}
