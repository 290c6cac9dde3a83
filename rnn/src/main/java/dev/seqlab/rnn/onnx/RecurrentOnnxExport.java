package dev.seqlab.rnn.onnx;

import ai.onnx.proto.OnnxMl.ModelProto;
import dev.seqlab.onnx.graph.GraphBuilder;
import dev.seqlab.onnx.graph.OnnxFiles;
import dev.seqlab.rnn.cell.CellKind;
import dev.seqlab.rnn.cell.GruCell;
import dev.seqlab.rnn.cell.RecurrentCell;
import dev.seqlab.rnn.classify.SequenceClassifier;
import dev.seqlab.rnn.layer.Dense;
import dev.seqlab.rnn.layer.Embedding;
import dev.seqlab.rnn.layer.RecurrentLayer;
import dev.seqlab.rnn.layer.RecurrentOptions;
import dev.seqlab.rnn.lm.CharLanguageModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes seqlab's recurrent models as standard ONNX (opset {@value #OPSET}; operators
 * {@code Gather}, {@code Transpose}, {@code Slice}, {@code Squeeze}, {@code Reshape},
 * {@code LSTM}/{@code GRU}/{@code RNN}, {@code Concat}, {@code MatMul}, {@code Add}, {@code Gemm},
 * {@code Softmax}, and for the classifier {@code Equal}, {@code Not}, {@code Cast},
 * {@code ReduceSum}), runnable in ONNX Runtime or any other ONNX back end.
 *
 * <p>The recurrent weights go out as they are held: {@code W [directions, G·H, I]},
 * {@code R [directions, G·H, H]}, {@code B [directions, 2·G·H]} ({@code Wb} then {@code Rb}),
 * gate orders LSTM {@code i,o,f,c}, GRU {@code z,r,h} with the cells' {@code linear_before_reset}.
 *
 * <p><b>Character model</b> ({@link #charModel}):
 * <pre>
 *   inputs   tokens  int64 [batch, time]    character ids; -1 = no character (the start of a text)
 *            h0      float [layers, batch, H]   initial hidden states (zeros to start)
 *            c0      float [layers, batch, H]   initial cell states (LSTM only)
 *   outputs  logits         float [batch, time, V]
 *            probabilities  float [batch, time, V]   softmax of the logits
 *            h_out, c_out   float [layers, batch, H] the states after the last step: feed them
 *                                                    back as h0, c0 to generate step by step
 * </pre>
 * The characters become one-hot rows by {@code Gather} on a {@code [V+1, V]} identity whose last
 * row is zero, so id -1 (Gather counts negative ids from the end) is the all-zero input seqlab's
 * model reads before the first character. The vocabulary (characters in id order) is stored in
 * the model's metadata under {@value #VOCABULARY_KEY}.
 *
 * <p><b>Sequence classifier</b> ({@link #classifier}):
 * <pre>
 *   inputs   tokens  int64 [batch, time]    token ids, each sequence padded at its end with 0
 *   outputs  logits, probabilities  float [batch, classes]
 * </pre>
 * Each sequence's length is its count of non-zero ids (passed to the recurrent operators as
 * {@code sequence_lens}); the features are the last layer's final states, directions joined.
 *
 * <p>Files are written to a temporary file and renamed into place.
 */
public final class RecurrentOnnxExport {
    /** The opset the exported graphs declare. */
    public static final int OPSET = 14;
    /** The input of token ids. */
    public static final String TOKENS = "tokens";
    /** The input of initial hidden states. */
    public static final String H0 = "h0";
    /** The input of initial cell states (LSTM). */
    public static final String C0 = "c0";
    /** The output of logits. */
    public static final String LOGITS = "logits";
    /** The output of softmax probabilities. */
    public static final String PROBABILITIES = "probabilities";
    /** The output of final hidden states. */
    public static final String H_OUT = "h_out";
    /** The output of final cell states (LSTM). */
    public static final String C_OUT = "c_out";
    /** Metadata key of the character vocabulary (the characters in id order). */
    public static final String VOCABULARY_KEY = "seqlab.vocabulary";
    /** Metadata key naming the seqlab architecture the graph was exported from. */
    public static final String ARCHITECTURE_KEY = "seqlab.architecture";

    private static final String PRODUCER = "seqlab";

    private RecurrentOnnxExport() {}

    /** The ONNX graph of a character language model (see the class description). */
    public static ModelProto charModel(CharLanguageModel model) {
        int v = model.vocabulary().size();
        RecurrentOptions ro = model.recurrent().options();
        int layers = ro.layers();
        int h = ro.hiddenSize();
        boolean lstm = ro.kind() == CellKind.LSTM;
        GraphBuilder g = new GraphBuilder("seqlab-char-lm");
        g.metadata(ARCHITECTURE_KEY, CharLanguageModel.ARCHITECTURE);
        g.metadata(VOCABULARY_KEY, model.vocabulary().chars());
        g.input(TOKENS, GraphBuilder.INT64, "batch", "time");
        g.input(H0, GraphBuilder.FLOAT, layers, "batch", h);
        if (lstm) {
            g.input(C0, GraphBuilder.FLOAT, layers, "batch", h);
        }
        float[] oneHot = new float[(v + 1) * v];
        for (int i = 0; i < v; i++) {
            oneHot[i * v + i] = 1f;
        }
        g.floats("one_hot", oneHot, v + 1, v);
        g.node("Gather", "one_hot", TOKENS)
                .name("one_hot_lookup")
                .attr("axis", 0L)
                .output("x_bt");
        g.node("Transpose", "x_bt")
                .name("to_time_major")
                .attrInts("perm", 1, 0, 2)
                .output("x");
        List<String> yh = new ArrayList<>();
        List<String> yc = new ArrayList<>();
        String top = stack(g, model.recurrent(), "x", "", H0, lstm ? C0 : null, yh, yc);
        concat(g, yh, H_OUT);
        if (lstm) {
            concat(g, yc, C_OUT);
        }
        g.node("Transpose", top)
                .name("to_batch_major")
                .attrInts("perm", 1, 0, 2)
                .output("top_bt");
        Dense head = model.head();
        g.floats("head_Wt", transpose(head.w().value().data(), v, h), h, v);
        g.floats("head_b", head.b().value().data().clone(), v);
        g.node("MatMul", "top_bt", "head_Wt").name("head_matmul").output("head_xw");
        g.node("Add", "head_xw", "head_b").name("head_bias").output(LOGITS);
        g.node("Softmax", LOGITS).name("softmax").attr("axis", -1L).output(PROBABILITIES);
        g.output(LOGITS, GraphBuilder.FLOAT, "batch", "time", v);
        g.output(PROBABILITIES, GraphBuilder.FLOAT, "batch", "time", v);
        g.output(H_OUT, GraphBuilder.FLOAT, layers, "batch", h);
        if (lstm) {
            g.output(C_OUT, GraphBuilder.FLOAT, layers, "batch", h);
        }
        return g.build(OPSET, PRODUCER);
    }

    /** Writes {@link #charModel} to {@code file} atomically. */
    public static void writeCharModel(CharLanguageModel model, Path file) throws IOException {
        OnnxFiles.write(charModel(model), file);
    }

    /** The ONNX graph of a sequence classifier (see the class description). */
    public static ModelProto classifier(SequenceClassifier model) {
        Embedding emb = model.embedding();
        RecurrentLayer rnn = model.recurrent();
        RecurrentOptions ro = rnn.options();
        int dirs = ro.directions();
        int h = ro.hiddenSize();
        Dense head = model.head();
        int classes = head.outputSize();
        GraphBuilder g = new GraphBuilder("seqlab-sequence-classifier");
        g.metadata(ARCHITECTURE_KEY, "seqlab-sequence-classifier");
        g.input(TOKENS, GraphBuilder.INT64, "batch", "time");
        // lengths = number of non-padding ids per sequence
        g.longs("zero", new long[] {0});
        g.longs("time_axis", 1L);
        g.node("Equal", TOKENS, "zero").name("is_padding").output("padding");
        g.node("Not", "padding").name("is_token").output("token");
        g.node("Cast", "token")
                .name("token_count")
                .attr("to", (long) GraphBuilder.INT64)
                .output("token_i64");
        g.node("ReduceSum", "token_i64", "time_axis")
                .name("lengths")
                .attr("keepdims", 0L)
                .output("lengths_i64");
        g.node("Cast", "lengths_i64")
                .name("sequence_lens")
                .attr("to", (long) GraphBuilder.INT32)
                .output("seq_lens");
        float[] table = emb.table().value().data().clone();
        if (emb.paddingId() != Embedding.NO_PADDING) {
            Arrays.fill(table, emb.paddingId() * emb.dim(), (emb.paddingId() + 1) * emb.dim(), 0f);
        }
        g.floats("embedding", table, emb.vocabularySize(), emb.dim());
        g.node("Gather", "embedding", TOKENS)
                .name("embedding_lookup")
                .attr("axis", 0L)
                .output("x_bt");
        g.node("Transpose", "x_bt")
                .name("to_time_major")
                .attrInts("perm", 1, 0, 2)
                .output("x");
        List<String> yh = new ArrayList<>();
        stack(g, rnn, "x", "seq_lens", null, null, yh, new ArrayList<>());
        String last = yh.get(yh.size() - 1);
        g.node("Transpose", last)
                .name("states_batch_major")
                .attrInts("perm", 1, 0, 2)
                .output("last_bdh");
        g.longs("features_shape", 0L, (long) dirs * h);
        g.node("Reshape", "last_bdh", "features_shape").name("features").output("features");
        g.floats("head_W", head.w().value().data().clone(), classes, (long) dirs * h);
        g.floats("head_b", head.b().value().data().clone(), classes);
        g.node("Gemm", "features", "head_W", "head_b")
                .name("head")
                .attr("transB", 1L)
                .output(LOGITS);
        g.node("Softmax", LOGITS).name("softmax").attr("axis", -1L).output(PROBABILITIES);
        g.output(LOGITS, GraphBuilder.FLOAT, "batch", classes);
        g.output(PROBABILITIES, GraphBuilder.FLOAT, "batch", classes);
        return g.build(OPSET, PRODUCER);
    }

    /** Writes {@link #classifier} to {@code file} atomically. */
    public static void writeClassifier(SequenceClassifier model, Path file) throws IOException {
        OnnxFiles.write(classifier(model), file);
    }

    /**
     * Emits one recurrent node per layer reading {@code x} {@code [T, B, I]}; returns the name of
     * the last layer's outputs {@code [T, B, directions·H]} and adds each layer's Y_h (and Y_c)
     * name to {@code yh} ({@code yc}).
     *
     * @param seqLens name of the int32 lengths, or "" for none
     * @param h0      name of the initial hidden states {@code [layers·directions, B, H]}, or null
     * @param c0      name of the initial cell states, or null
     */
    static String stack(
            GraphBuilder g,
            RecurrentLayer layer,
            String x,
            String seqLens,
            String h0,
            String c0,
            List<String> yh,
            List<String> yc) {
        RecurrentOptions ro = layer.options();
        int dirs = ro.directions();
        int h = ro.hiddenSize();
        CellKind kind = ro.kind();
        String op = kind.name();
        boolean lstm = kind == CellKind.LSTM;
        String in = x;
        for (int l = 0; l < ro.layers(); l++) {
            String p = "rnn" + l + "_";
            weights(g, p, layer, l);
            String initH = h0 == null ? "" : slice(g, h0, p + "h0", l * dirs, (l + 1) * dirs);
            String initC = c0 == null ? "" : slice(g, c0, p + "c0", l * dirs, (l + 1) * dirs);
            List<String> inputs = new ArrayList<>(List.of(in, p + "W", p + "R", p + "B", seqLens, initH));
            List<String> outputs = new ArrayList<>(List.of(p + "Y", p + "Y_h"));
            if (lstm) {
                inputs.add(initC);
                outputs.add(p + "Y_c");
            }
            while (inputs.get(inputs.size() - 1).isEmpty()) {
                inputs.remove(inputs.size() - 1);
            }
            GraphBuilder.NodeBuilder n = g.node(op, inputs.toArray(String[]::new))
                    .name(p + op)
                    .attr("hidden_size", (long) h)
                    .attr("direction", dirs == 2 ? "bidirectional" : "forward");
            if (kind == CellKind.GRU) {
                n.attr("linear_before_reset", ((GruCell) layer.cell(l, 0)).linearBeforeReset() ? 1L : 0L);
            }
            n.output(outputs.toArray(String[]::new));
            yh.add(p + "Y_h");
            if (lstm) {
                yc.add(p + "Y_c");
            }
            // Y [T, dirs, B, H] → [T, B, dirs·H]
            if (dirs == 1) {
                g.longs(p + "squeeze_axes", 1L);
                g.node("Squeeze", p + "Y", p + "squeeze_axes")
                        .name(p + "squeeze")
                        .output(p + "out");
            } else {
                g.node("Transpose", p + "Y")
                        .name(p + "join_transpose")
                        .attrInts("perm", 0, 2, 1, 3)
                        .output(p + "Y_t");
                g.longs(p + "join_shape", 0L, 0L, (long) dirs * h);
                g.node("Reshape", p + "Y_t", p + "join_shape")
                        .name(p + "join_reshape")
                        .output(p + "out");
            }
            in = p + "out";
        }
        return in;
    }

    /**
     * Writes the {@code prefix}W, R and B initialisers of one ONNX {@code LSTM}, {@code GRU} or
     * {@code RNN} node, one direction per cell (forward before reverse): W {@code [dirs, gates·H, I]},
     * R {@code [dirs, gates·H, H]}, B {@code [dirs, 2·gates·H]} (Wb then Rb). seqlab's cells hold
     * their weights in the ONNX layout and gate order (LSTM {@code i,o,f,c}, GRU {@code z,r,h}), so
     * they are copied as they are.
     */
    public static void weights(GraphBuilder g, String prefix, RecurrentCell... cells) {
        int dirs = cells.length;
        int in = cells[0].inputSize();
        int h = cells[0].hiddenSize();
        int gh = cells[0].gateWidth();
        float[] w = new float[dirs * gh * in];
        float[] r = new float[dirs * gh * h];
        float[] b = new float[dirs * 2 * gh];
        for (int d = 0; d < dirs; d++) {
            RecurrentCell c = cells[d];
            System.arraycopy(c.w().value().data(), 0, w, d * gh * in, gh * in);
            System.arraycopy(c.r().value().data(), 0, r, d * gh * h, gh * h);
            System.arraycopy(c.wb().value().data(), 0, b, d * 2 * gh, gh);
            System.arraycopy(c.rb().value().data(), 0, b, d * 2 * gh + gh, gh);
        }
        g.floats(prefix + "W", w, dirs, gh, in);
        g.floats(prefix + "R", r, dirs, gh, h);
        g.floats(prefix + "B", b, dirs, 2L * gh);
    }

    /** {@link #weights(GraphBuilder, String, RecurrentCell...)} of layer {@code l} of a stack, all its directions. */
    public static void weights(GraphBuilder g, String prefix, RecurrentLayer layer, int l) {
        RecurrentCell[] cells = new RecurrentCell[layer.options().directions()];
        for (int d = 0; d < cells.length; d++) {
            cells[d] = layer.cell(l, d);
        }
        weights(g, prefix, cells);
    }

    private static String slice(GraphBuilder g, String states, String name, int start, int end) {
        g.longs(name + "_start", (long) start);
        g.longs(name + "_end", (long) end);
        g.longs(name + "_axis", 0L);
        g.node("Slice", states, name + "_start", name + "_end", name + "_axis")
                .name(name + "_slice")
                .output(name);
        return name;
    }

    private static void concat(GraphBuilder g, List<String> parts, String out) {
        if (parts.size() == 1) {
            g.node("Identity", parts.get(0)).name(out + "_identity").output(out);
        } else {
            g.node("Concat", parts.toArray(String[]::new))
                    .name(out + "_concat")
                    .attr("axis", 0L)
                    .output(out);
        }
    }

    /** {@code [rows, cols]} → {@code [cols, rows]}. */
    private static float[] transpose(float[] a, int rows, int cols) {
        float[] t = new float[a.length];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                t[j * rows + i] = a[i * cols + j];
            }
        }
        return t;
    }
}
