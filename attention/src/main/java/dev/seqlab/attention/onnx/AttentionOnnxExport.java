package dev.seqlab.attention.onnx;

import ai.onnx.proto.OnnxMl.ModelProto;
import dev.seqlab.attention.layer.AdditiveAttention;
import dev.seqlab.attention.seq2seq.AttentionSeq2Seq;
import dev.seqlab.attention.seq2seq.Seq2SeqOptions;
import dev.seqlab.onnx.graph.GraphBuilder;
import dev.seqlab.onnx.graph.OnnxFiles;
import dev.seqlab.rnn.layer.Dense;
import dev.seqlab.rnn.layer.RecurrentLayer;
import dev.seqlab.rnn.onnx.RecurrentOnnxExport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes seqlab's attention sequence-to-sequence model ({@link AttentionSeq2Seq}) as one standard
 * ONNX graph (opset {@value #OPSET}; operators {@code Gather}, {@code Equal}, {@code Not},
 * {@code Where}, {@code ReduceMax}, {@code Max}, {@code Cast}, {@code Unsqueeze}, {@code Less},
 * {@code Transpose}, {@code Reshape}, {@code LSTM}, {@code MatMul}, {@code Add}, {@code Tanh},
 * {@code Softmax}, {@code Concat}, {@code Gemm}), runnable in ONNX Runtime or any other back end.
 *
 * <pre>
 *   inputs   tokens         int64 [batch, Tx]          input ids, 0 = padding
 *   outputs  logits         float [batch, Ty, V_out]
 *            probabilities  float [batch, Ty, V_out]   softmax of the logits
 *            attention      float [batch, Ty, Tx]      α of every decoder step (0 past each input's length)
 * </pre>
 *
 * <p>The graph computes exactly what {@link AttentionSeq2Seq#forward} computes:
 * <pre>
 *   xₜ      = E[idₜ]                       E = identity [V_in, V_in] with row 0 zeroed (padding reads zeros)
 *   len     = max(1, max over t of (t+1)·[idₜ ≠ 0])      the position after the last non-zero id
 *   a       = BiLSTM(x, sequence_lens = len)             [batch, Tx, 2·n_a] (forward ‖ reverse)
 *   P       = a·W₁ₐᵀ + b₁                                once, [batch, Tx, units]
 *   s₀ = c₀ = 0
 *   for t = 1 … Ty:
 *       eₜ,ᵢ  = tanh(P_i + sₜ₋₁·W₁ₛᵀ)·w₂ᵀ + b₂           W₁ = [W₁ₛ | W₁ₐ] split at the state width n_s
 *       αₜ    = softmax over i of (i &lt; len ? eₜ,ᵢ : −10⁹)
 *       ctxₜ  = Σᵢ αₜ,ᵢ·aᵢ                               (MatMul of αₜ [batch, 1, Tx] and a)
 *       sₜ, cₜ = LSTM(ctxₜ, initial_h = sₜ₋₁, initial_c = cₜ₋₁)   one step, gates i,o,f,c
 *   logitsₜ = Gemm(sₜ, W_out, b_out, transB = 1)
 * </pre>
 * Splitting {@code W₁·[s; aᵢ]} into the two products (and computing the encoder's once) is the
 * same sum in another order; it changes results only by float rounding. The recurrent weights go
 * out as held: {@code W [directions, 4·H, I]}, {@code R [directions, 4·H, H]},
 * {@code B [directions, 8·H]} ({@code Wb} then {@code Rb}).
 *
 * <p>Metadata: {@value #ARCHITECTURE_KEY} = {@link AttentionSeq2Seq#ARCHITECTURE}, the sizes under
 * {@code seqlab.input_length} etc., and any entries the caller adds (such as vocabularies).
 * Files are written to a temporary file and renamed into place.
 */
public final class AttentionOnnxExport {
    /** The opset the exported graphs declare. */
    public static final int OPSET = Seq2SeqGraph.OPSET;
    /** The input of token ids {@code [batch, Tx]}. */
    public static final String TOKENS = Seq2SeqGraph.TOKENS;
    /** The output of logits {@code [batch, Ty, V_out]}. */
    public static final String LOGITS = Seq2SeqGraph.LOGITS;
    /** The output of softmax probabilities {@code [batch, Ty, V_out]}. */
    public static final String PROBABILITIES = Seq2SeqGraph.PROBABILITIES;
    /** The output of attention weights {@code [batch, Ty, Tx]}. */
    public static final String ATTENTION = Seq2SeqGraph.ATTENTION;
    /** Metadata key naming the seqlab architecture the graph was exported from. */
    public static final String ARCHITECTURE_KEY = Seq2SeqGraph.ARCHITECTURE_KEY;
    /** The score given to positions past an input's length before the softmax (their α is exactly 0). */
    public static final float MASKED_SCORE = Seq2SeqGraph.MASKED_SCORE;

    private AttentionOnnxExport() {}

    /** The ONNX graph of {@code model} (see the class description). */
    public static ModelProto seq2seq(AttentionSeq2Seq model) {
        return seq2seq(model, Map.of());
    }

    /**
     * The ONNX graph of {@code model} with extra metadata entries (for example the vocabularies a
     * caller needs to turn text into ids and ids back into text).
     */
    public static ModelProto seq2seq(AttentionSeq2Seq model, Map<String, String> metadata) {
        Seq2SeqOptions o = model.options();
        int vIn = o.inputVocabulary();
        int vOut = o.outputVocabulary();
        int tx = o.inputLength();
        int ty = o.outputLength();
        int na = o.encoderHidden();
        int ns = o.decoderHidden();
        int na2 = 2 * na;
        AdditiveAttention att = model.attention();
        int units = att.hidden().outputSize();

        GraphBuilder g = Seq2SeqGraph.start(
                "seqlab-attention-seq2seq", AttentionSeq2Seq.ARCHITECTURE, vIn, vOut, tx, ty, metadata);

        // ---- lengths and the attention mask ("valid" [B, 1, Tx])
        Seq2SeqGraph.inputLengths(g, tx);
        g.node("Cast", Seq2SeqGraph.LENGTHS)
                .name("sequence_lens")
                .attr("to", (long) GraphBuilder.INT32)
                .output("seq_lens");

        // ---- one-hot and the bidirectional encoder
        float[] oneHot = new float[vIn * vIn];
        for (int i = 1; i < vIn; i++) {
            oneHot[i * vIn + i] = 1f;
        }
        g.floats("one_hot", oneHot, vIn, vIn);
        g.node("Gather", "one_hot", TOKENS)
                .name("one_hot_lookup")
                .attr("axis", 0L)
                .output("x_bt");
        g.node("Transpose", "x_bt")
                .name("to_time_major")
                .attrInts("perm", 1, 0, 2)
                .output("x");
        RecurrentLayer enc = model.encoder();
        RecurrentOnnxExport.weights(g, "encoder_", enc.cell(0, 0), enc.cell(0, 1));
        g.node("LSTM", "x", "encoder_W", "encoder_R", "encoder_B", "seq_lens")
                .name("encoder_LSTM")
                .attr("hidden_size", (long) na)
                .attr("direction", "bidirectional")
                .output("encoder_Y");
        // Y [Tx, 2, B, na] → a [B, Tx, 2·na]
        g.node("Transpose", "encoder_Y")
                .name("encoder_batch_major")
                .attrInts("perm", 2, 0, 1, 3)
                .output("encoder_Y_b");
        g.longs("encoder_join_shape", 0L, 0L, (long) na2);
        g.node("Reshape", "encoder_Y_b", "encoder_join_shape")
                .name("encoder_join")
                .output("a");

        // ---- attention weights: W₁ = [W₁ₛ | W₁ₐ], both stored transposed for MatMul
        float[] w1 = att.hidden().w().value().data();
        int width = ns + na2;
        float[] w1sT = new float[ns * units];
        float[] w1aT = new float[na2 * units];
        for (int u = 0; u < units; u++) {
            for (int j = 0; j < ns; j++) {
                w1sT[j * units + u] = w1[u * width + j];
            }
            for (int j = 0; j < na2; j++) {
                w1aT[j * units + u] = w1[u * width + ns + j];
            }
        }
        g.floats("attention_W1s_t", w1sT, ns, units);
        g.floats("attention_W1a_t", w1aT, na2, units);
        g.floats("attention_b1", att.hidden().b().value().data().clone(), units);
        g.floats("attention_w2_t", att.score().w().value().data().clone(), units, 1);
        g.floats("attention_b2", att.score().b().value().data().clone(), 1);
        g.node("MatMul", "a", "attention_W1a_t").name("attention_keys_matmul").output("keys_xw");
        g.node("Add", "keys_xw", "attention_b1").name("attention_keys_bias").output("keys"); // [B, Tx, units]

        // ---- the decoder, unrolled
        RecurrentOnnxExport.weights(g, "post_", model.postAttention());
        List<String> states = new ArrayList<>();
        List<String> alphas = new ArrayList<>();
        String sPrev = null; // [1, B, ns]
        String cPrev = null;
        String sPrevB = null; // [B, 1, ns]
        for (int t = 0; t < ty; t++) {
            String p = "step" + t + "_";
            String pre = "keys";
            if (sPrevB != null) {
                g.node("MatMul", sPrevB, "attention_W1s_t")
                        .name(p + "query_matmul")
                        .output(p + "query");
                g.node("Add", "keys", p + "query").name(p + "query_add").output(p + "pre");
                pre = p + "pre";
            }
            g.node("Tanh", pre).name(p + "tanh").output(p + "hidden");
            g.node("MatMul", p + "hidden", "attention_w2_t")
                    .name(p + "score_matmul")
                    .output(p + "score_xw");
            g.node("Add", p + "score_xw", "attention_b2").name(p + "score_bias").output(p + "score"); // [B, Tx, 1]
            g.node("Transpose", p + "score")
                    .name(p + "score_row")
                    .attrInts("perm", 0, 2, 1)
                    .output(p + "score_row");
            g.node("Where", Seq2SeqGraph.VALID, p + "score_row", Seq2SeqGraph.MASKED)
                    .name(p + "mask")
                    .output(p + "masked");
            g.node("Softmax", p + "masked")
                    .name(p + "softmax")
                    .attr("axis", -1L)
                    .output(p + "alpha"); // [B, 1, Tx]
            g.node("MatMul", p + "alpha", "a").name(p + "context").output(p + "context"); // [B, 1, 2·na]
            g.node("Transpose", p + "context")
                    .name(p + "context_time_major")
                    .attrInts("perm", 1, 0, 2)
                    .output(p + "x");
            List<String> in = new ArrayList<>(List.of(p + "x", "post_W", "post_R", "post_B"));
            if (sPrev != null) {
                in.addAll(List.of("", sPrev, cPrev));
            }
            g.node("LSTM", in.toArray(String[]::new))
                    .name(p + "LSTM")
                    .attr("hidden_size", (long) ns)
                    .attr("direction", "forward")
                    .output("", p + "s", p + "c");
            g.node("Transpose", p + "s")
                    .name(p + "s_batch_major")
                    .attrInts("perm", 1, 0, 2)
                    .output(p + "s_b");
            sPrev = p + "s";
            cPrev = p + "c";
            sPrevB = p + "s_b";
            states.add(sPrevB);
            alphas.add(p + "alpha");
        }
        g.node("Concat", alphas.toArray(String[]::new))
                .name("attention_concat")
                .attr("axis", 1L)
                .output(ATTENTION);
        g.node("Concat", states.toArray(String[]::new))
                .name("states_concat")
                .attr("axis", 1L)
                .output("states");

        // ---- output layer over all steps at once
        Dense out = model.output();
        g.longs("rows_shape", -1L, (long) ns);
        g.node("Reshape", "states", "rows_shape").name("states_rows").output("state_rows");
        g.floats("output_W", out.w().value().data().clone(), vOut, ns);
        g.floats("output_b", out.b().value().data().clone(), vOut);
        g.node("Gemm", "state_rows", "output_W", "output_b")
                .name("output")
                .attr("transB", 1L)
                .output("logit_rows");
        g.longs("logits_shape", -1L, (long) ty, (long) vOut);
        g.node("Reshape", "logit_rows", "logits_shape").name("logits").output(LOGITS);
        g.node("Softmax", LOGITS).name("softmax").attr("axis", -1L).output(PROBABILITIES);
        return Seq2SeqGraph.finish(g, tx, ty, vOut);
    }

    /** Writes {@link #seq2seq(AttentionSeq2Seq)} to {@code file} atomically. */
    public static void write(AttentionSeq2Seq model, Path file) throws IOException {
        write(model, Map.of(), file);
    }

    /** Writes {@link #seq2seq(AttentionSeq2Seq, Map)} to {@code file} atomically. */
    public static void write(AttentionSeq2Seq model, Map<String, String> metadata, Path file) throws IOException {
        OnnxFiles.write(seq2seq(model, metadata), file);
    }
}
