package dev.seqlab.rnn.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.onnx.proto.OnnxMl.ModelProto;
import dev.seqlab.core.random.SeededRandom;
import dev.seqlab.core.tensor.Tensor;
import dev.seqlab.onnx.HostTensor;
import dev.seqlab.onnx.graph.GraphBuilder;
import dev.seqlab.rnn.cell.CellKind;
import dev.seqlab.rnn.cell.GruCell;
import dev.seqlab.rnn.cell.RecurrentCell;
import dev.seqlab.rnn.layer.Dense;
import dev.seqlab.rnn.layer.Embedding;
import dev.seqlab.rnn.layer.RecurrentLayer;
import dev.seqlab.rnn.layer.RecurrentOptions;
import dev.seqlab.rnn.layer.RecurrentOutput;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * ONNX graphs laid out as {@code torch.onnx.export} writes them (embedding Gather, Transpose to
 * time-major, one recurrent node per layer with Slice'd initial states and Squeeze or
 * Transpose+Reshape between layers, Concat'ed final states, MatMul+Add head), built from weights
 * held by seqlab's own layers; shared by the import tests here and the ONNX Runtime checks in
 * onnx-conformance.
 */
final class TorchStyleGraphs {
    static final int V = 9; // vocabulary
    static final int E = 4; // embedding width
    static final int H = 5; // hidden
    static final int B = 3;
    static final int T = 6;

    private TorchStyleGraphs() {}

    /** A model held natively by seqlab layers. */
    record Native(Embedding embedding, RecurrentLayer rnn, Dense head) {}

    /** The kinds, layer counts, directions and initial states the torch-style tests cover. */
    static Stream<Arguments> charModelCases() {
        return Stream.of(
                Arguments.of(CellKind.LSTM, false, 1, false, false),
                Arguments.of(CellKind.LSTM, false, 1, false, true),
                Arguments.of(CellKind.LSTM, false, 2, true, true),
                Arguments.of(CellKind.LSTM, false, 1, true, false),
                Arguments.of(CellKind.GRU, false, 1, false, false),
                Arguments.of(CellKind.GRU, false, 2, false, true),
                Arguments.of(CellKind.GRU, false, 2, true, false),
                Arguments.of(CellKind.GRU, true, 1, false, true),
                Arguments.of(CellKind.GRU, true, 1, true, false),
                Arguments.of(CellKind.GRU, true, 2, true, true),
                Arguments.of(CellKind.RNN, false, 1, false, true),
                Arguments.of(CellKind.RNN, false, 2, false, false),
                Arguments.of(CellKind.RNN, false, 2, true, true));
    }

    static Native nativeModel(CellKind kind, int layers, boolean bidirectional, boolean lbr, long seed) {
        SeededRandom rng = new SeededRandom(seed);
        Embedding e = new Embedding("emb", V, E, Embedding.NO_PADDING);
        e.initialize(rng);
        RecurrentLayer rnn =
                RecurrentLayer.create("rnn", new RecurrentOptions(kind, E, H, layers, bidirectional, 0f, lbr), rng);
        int dirs = bidirectional ? 2 : 1;
        Dense head = new Dense("head", dirs * H, V);
        head.initialize(rng);
        Compare.perturb(rnn.parameters(), rng, 0.3);
        Compare.perturb(head.parameters(), rng, 0.3);
        return new Native(e, rnn, head);
    }

    /** Writes one recurrent node per layer as torch does; returns the top layer's [T, B, dirs·H] output. */
    static String torchLayers(
            GraphBuilder g,
            RecurrentLayer rnn,
            String x,
            boolean initial,
            String seqLens,
            List<String> yh,
            List<String> yc) {
        RecurrentOptions o = rnn.options();
        int dirs = o.directions();
        boolean lstm = o.kind() == CellKind.LSTM;
        String in = x;
        for (int l = 0; l < o.layers(); l++) {
            String p = "/rnn/l" + l + "/";
            RecurrentOnnxExport.weights(g, p, rnn, l);
            String h0 = "";
            String c0 = "";
            if (initial) {
                g.longs(p + "starts", (long) l * dirs);
                g.longs(p + "ends", (long) (l + 1) * dirs);
                g.longs(p + "axes", 0L);
                g.node("Slice", "h0", p + "starts", p + "ends", p + "axes")
                        .name(p + "Slice_h")
                        .output(p + "h0");
                h0 = p + "h0";
                if (lstm) {
                    g.node("Slice", "c0", p + "starts", p + "ends", p + "axes")
                            .name(p + "Slice_c")
                            .output(p + "c0");
                    c0 = p + "c0";
                }
            }
            String op = o.kind().name();
            GraphBuilder.NodeBuilder n = lstm
                    ? g.node(op, in, p + "W", p + "R", p + "B", seqLens, h0, c0)
                    : g.node(op, in, p + "W", p + "R", p + "B", seqLens, h0);
            n.name(p + op).attr("hidden_size", (long) H).attr("direction", dirs == 2 ? "bidirectional" : "forward");
            if (o.kind() == CellKind.GRU) {
                n.attr("linear_before_reset", o.linearBeforeReset() ? 1L : 0L);
            }
            if (lstm) {
                n.output(p + "Y", p + "Y_h", p + "Y_c");
                yc.add(p + "Y_c");
            } else {
                n.output(p + "Y", p + "Y_h");
            }
            yh.add(p + "Y_h");
            if (dirs == 1) {
                g.longs(p + "sq_axes_i", 1L);
                g.node("Squeeze", p + "Y", p + "sq_axes_i").name(p + "Squeeze").output(p + "out");
            } else {
                g.node("Transpose", p + "Y")
                        .name(p + "Transpose")
                        .attrInts("perm", 0, 2, 1, 3)
                        .output(p + "Yt");
                // the dynamic reshape torch writes: Shape → Slice → Concat with -1
                g.node("Shape", p + "Yt").name(p + "Shape").output(p + "shape");
                g.longs(p + "s0", 0L);
                g.longs(p + "s2", 2L);
                g.longs(p + "minus1", -1L);
                g.node("Slice", p + "shape", p + "s0", p + "s2")
                        .name(p + "Slice_shape")
                        .output(p + "tb");
                g.node("Concat", p + "tb", p + "minus1")
                        .name(p + "Concat_shape")
                        .attr("axis", 0L)
                        .output(p + "newshape");
                g.node("Reshape", p + "Yt", p + "newshape").name(p + "Reshape").output(p + "out");
            }
            in = p + "out";
        }
        return in;
    }

    static void stateOutputs(GraphBuilder g, List<String> parts, String out) {
        if (parts.size() == 1) {
            g.node("Identity", parts.get(0)).output(out);
        } else {
            g.node("Concat", parts.toArray(String[]::new)).attr("axis", 0L).output(out);
        }
    }

    /** tokens [B, T] → Gather → Transpose → layers → Transpose → MatMul + Add → logits [B, T, V]; h_n, c_n. */
    static ModelProto charGraph(Native m, boolean initial) {
        RecurrentOptions o = m.rnn().options();
        int slots = o.layers() * o.directions();
        boolean lstm = o.kind() == CellKind.LSTM;
        GraphBuilder g = new GraphBuilder("main_graph");
        g.input("input", GraphBuilder.INT64, "batch", "seq");
        if (initial) {
            g.input("h0", GraphBuilder.FLOAT, slots, "batch", H);
            if (lstm) {
                g.input("c0", GraphBuilder.FLOAT, slots, "batch", H);
            }
        }
        g.floats("embedding.weight", m.embedding().table().value().data(), V, E);
        g.node("Gather", "embedding.weight", "input").name("/embedding/Gather").output("/embedding/out");
        g.node("Transpose", "/embedding/out")
                .name("/rnn/Transpose")
                .attrInts("perm", 1, 0, 2)
                .output("/rnn/x");
        List<String> yh = new ArrayList<>();
        List<String> yc = new ArrayList<>();
        String top = torchLayers(g, m.rnn(), "/rnn/x", initial, "", yh, yc);
        stateOutputs(g, yh, "h_n");
        if (lstm) {
            stateOutputs(g, yc, "c_n");
        }
        g.node("Transpose", top)
                .name("/rnn/Transpose_out")
                .attrInts("perm", 1, 0, 2)
                .output("/rnn/out");
        int in = m.head().inputSize();
        float[] wt = new float[in * V];
        float[] w = m.head().w().value().data();
        for (int i = 0; i < V; i++) {
            for (int j = 0; j < in; j++) {
                wt[j * V + i] = w[i * in + j];
            }
        }
        g.floats("onnx::MatMul_99", wt, in, V);
        g.floats("fc.bias", m.head().b().value().data(), V);
        g.node("MatMul", "/rnn/out", "onnx::MatMul_99").name("/fc/MatMul").output("/fc/MatMul_out");
        g.node("Add", "fc.bias", "/fc/MatMul_out").name("/fc/Add").output("logits");
        g.output("logits", GraphBuilder.FLOAT, "batch", "seq", V);
        g.output("h_n", GraphBuilder.FLOAT, slots, "batch", H);
        if (lstm) {
            g.output("c_n", GraphBuilder.FLOAT, slots, "batch", H);
        }
        return g.build(14, "pytorch-like");
    }

    /** Random tokens (and initial states) for {@code m}, fed as {@link #charGraph} names them, and seqlab's native outputs on them. */
    record Run(Map<String, HostTensor> feeds, float[] logits, float[] lastHidden, float[] lastCell) {}

    static Run nativeRun(Native m, boolean initial) {
        RecurrentOptions o = m.rnn().options();
        int slots = o.layers() * o.directions();
        boolean lstm = o.kind() == CellKind.LSTM;
        SeededRandom rng = new SeededRandom(9);
        long[] tokens = new long[B * T];
        int[] timeMajor = new int[T * B];
        for (int j = 0; j < B; j++) {
            for (int s = 0; s < T; s++) {
                tokens[j * T + s] = rng.nextInt(V);
                timeMajor[s * B + j] = (int) tokens[j * T + s];
            }
        }
        float[] h0 = Compare.gaussian(rng, slots * B * H);
        float[] c0 = Compare.gaussian(rng, slots * B * H);
        Map<String, HostTensor> feeds = new HashMap<>();
        feeds.put("input", HostTensor.longs(tokens, B, T));
        if (initial) {
            feeds.put("h0", HostTensor.floats(h0, slots, B, H));
            if (lstm) {
                feeds.put("c0", HostTensor.floats(c0, slots, B, H));
            }
        }
        Tensor x = m.embedding().forward(timeMajor).reshape(T, B, E);
        RecurrentOutput out = m.rnn()
                .forward(
                        x,
                        null,
                        initial ? Tensor.wrap(h0.clone(), slots, B, H) : null,
                        initial && lstm ? Tensor.wrap(c0.clone(), slots, B, H) : null,
                        false,
                        null);
        float[] logits = Compare.swap01(m.head().forward(out.outputs()).data(), T, B, V);
        return new Run(
                feeds, logits, out.lastHidden().data(), lstm ? out.lastCell().data() : null);
    }

    /** The imported cells, embedding and head hold exactly the native weights. */
    static void assertSameWeights(Native m, ImportedModel imported) {
        RecurrentOptions o = m.rnn().options();
        assertEquals(o.layers(), imported.recurrentNodes().size());
        for (int l = 0; l < o.layers(); l++) {
            ImportedRecurrent node = imported.recurrentNodes().get(l);
            assertEquals(o.kind(), node.kind());
            for (int d = 0; d < node.cells().size(); d++) {
                RecurrentCell a = m.rnn().cell(l, d);
                RecurrentCell b = node.cells().get(d);
                assertArrayEquals(a.w().value().data(), b.w().value().data());
                assertArrayEquals(a.r().value().data(), b.r().value().data());
                assertArrayEquals(a.wb().value().data(), b.wb().value().data());
                assertArrayEquals(a.rb().value().data(), b.rb().value().data());
                if (o.kind() == CellKind.GRU) {
                    assertEquals(o.linearBeforeReset(), ((GruCell) b).linearBeforeReset());
                }
            }
        }
        assertArrayEquals(
                m.embedding().table().value().data(),
                imported.embeddings().get(0).table().value().data());
        assertArrayEquals(
                m.head().w().value().data(),
                imported.denseLayers().get(0).w().value().data());
    }

    static Map<String, float[]> floatsOf(Map<String, HostTensor> out) {
        Map<String, float[]> m = new HashMap<>();
        out.forEach((k, v) -> m.put(k, v.floats()));
        return m;
    }
}
