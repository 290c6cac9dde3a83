package dev.seqlab.rnn.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.ModelProto;
import dev.seqlab.core.io.MalformedFileException;
import dev.seqlab.core.random.SeededRandom;
import dev.seqlab.core.tensor.Tensor;
import dev.seqlab.onnx.graph.GraphBuilder;
import dev.seqlab.onnx.graph.OnnxFiles;
import dev.seqlab.onnx.session.HostTensor;
import dev.seqlab.onnx.session.OnnxModel;
import dev.seqlab.onnx.session.SessionOptions;
import dev.seqlab.rnn.cell.CellKind;
import dev.seqlab.rnn.cell.CellOutput;
import dev.seqlab.rnn.cell.Direction;
import dev.seqlab.rnn.cell.GruCell;
import dev.seqlab.rnn.cell.LstmCell;
import dev.seqlab.rnn.cell.RecurrentCell;
import dev.seqlab.rnn.cell.RnnCell;
import dev.seqlab.rnn.classify.ClassifierOptions;
import dev.seqlab.rnn.classify.SequenceClassifier;
import dev.seqlab.rnn.layer.Dense;
import dev.seqlab.rnn.layer.Embedding;
import dev.seqlab.rnn.layer.RecurrentLayer;
import dev.seqlab.rnn.layer.RecurrentOptions;
import dev.seqlab.rnn.layer.RecurrentOutput;
import dev.seqlab.rnn.lm.CharLanguageModel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * ONNX graphs laid out as {@code torch.onnx.export} writes them (embedding Gather, Transpose to
 * time-major, one recurrent node per layer with Slice'd initial states and Squeeze or
 * Transpose+Reshape between layers, Concat'ed final states, MatMul+Add or Gemm head), built from
 * weights held by seqlab's own layers: seqlab's native forward, ONNX Runtime and the imported
 * model agree within 1e-5, and the imported cells hold exactly the native weights.
 */
class RecurrentOnnxImportTest {
    private static final int V = 9;   // vocabulary
    private static final int E = 4;   // embedding width
    private static final int H = 5;   // hidden
    private static final int B = 3;
    private static final int T = 6;

    /** A model held natively by seqlab layers. */
    private record Native(Embedding embedding, RecurrentLayer rnn, Dense head) {
    }

    private static Native nativeModel(CellKind kind, int layers, boolean bidirectional, boolean lbr, long seed) {
        SeededRandom rng = new SeededRandom(seed);
        Embedding e = new Embedding("emb", V, E, Embedding.NO_PADDING);
        e.initialize(rng);
        RecurrentLayer rnn = RecurrentLayer.create("rnn", RecurrentOptions.of(kind, E, H).withLayers(layers).withBidirectional(bidirectional).withLinearBeforeReset(lbr), rng);
        int dirs = bidirectional ? 2 : 1;
        Dense head = new Dense("head", dirs * H, V);
        head.initialize(rng);
        Compare.perturb(rnn.parameters(), rng, 0.3);
        Compare.perturb(head.parameters(), rng, 0.3);
        return new Native(e, rnn, head);
    }

    /** Writes one recurrent node per layer as torch does; returns the top layer's [T, B, dirs·H] output. */
    private static String torchLayers(GraphBuilder g, RecurrentLayer rnn, String x, boolean initial, String seqLens,
                                      List<String> yh, List<String> yc) {
        RecurrentOptions o = rnn.options();
        int dirs = o.directions();
        boolean lstm = o.kind() == CellKind.LSTM;
        String in = x;
        for (int l = 0; l < o.layers(); l++) {
            String p = "/rnn/l" + l + "/";
            int inSize = rnn.cell(l, 0).inputSize();
            int gh = rnn.cell(l, 0).gateWidth();
            List<float[]> w = new ArrayList<>();
            List<float[]> r = new ArrayList<>();
            List<float[]> b = new ArrayList<>();
            for (int d = 0; d < dirs; d++) {
                RecurrentCell c = rnn.cell(l, d);
                w.add(c.w().value().data());
                r.add(c.r().value().data());
                b.add(c.wb().value().data());
                b.add(c.rb().value().data());
            }
            g.floats(p + "W", RecurrentOnnxExportTest.concat(w), dirs, gh, inSize);
            g.floats(p + "R", RecurrentOnnxExportTest.concat(r), dirs, gh, H);
            g.floats(p + "B", RecurrentOnnxExportTest.concat(b), dirs, 2L * gh);
            String h0 = "";
            String c0 = "";
            if (initial) {
                g.longs(p + "starts", (long) l * dirs);
                g.longs(p + "ends", (long) (l + 1) * dirs);
                g.longs(p + "axes", 0L);
                g.node("Slice", "h0", p + "starts", p + "ends", p + "axes").name(p + "Slice_h").output(p + "h0");
                h0 = p + "h0";
                if (lstm) {
                    g.node("Slice", "c0", p + "starts", p + "ends", p + "axes").name(p + "Slice_c").output(p + "c0");
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
                g.node("Transpose", p + "Y").name(p + "Transpose").attrInts("perm", 0, 2, 1, 3).output(p + "Yt");
                // the dynamic reshape torch writes: Shape → Slice → Concat with -1
                g.node("Shape", p + "Yt").name(p + "Shape").output(p + "shape");
                g.longs(p + "s0", 0L);
                g.longs(p + "s2", 2L);
                g.longs(p + "minus1", -1L);
                g.node("Slice", p + "shape", p + "s0", p + "s2").name(p + "Slice_shape").output(p + "tb");
                g.node("Concat", p + "tb", p + "minus1").name(p + "Concat_shape").attr("axis", 0L).output(p + "newshape");
                g.node("Reshape", p + "Yt", p + "newshape").name(p + "Reshape").output(p + "out");
            }
            in = p + "out";
        }
        return in;
    }

    private static void stateOutputs(GraphBuilder g, List<String> parts, String out) {
        if (parts.size() == 1) {
            g.node("Identity", parts.get(0)).output(out);
        } else {
            g.node("Concat", parts.toArray(String[]::new)).attr("axis", 0L).output(out);
        }
    }

    /** tokens [B, T] → Gather → Transpose → layers → Transpose → MatMul + Add → logits [B, T, V]; h_n, c_n. */
    private static ModelProto charGraph(Native m, boolean initial) {
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
        g.node("Transpose", "/embedding/out").name("/rnn/Transpose").attrInts("perm", 1, 0, 2).output("/rnn/x");
        List<String> yh = new ArrayList<>();
        List<String> yc = new ArrayList<>();
        String top = torchLayers(g, m.rnn(), "/rnn/x", initial, "", yh, yc);
        stateOutputs(g, yh, "h_n");
        if (lstm) {
            stateOutputs(g, yc, "c_n");
        }
        g.node("Transpose", top).name("/rnn/Transpose_out").attrInts("perm", 1, 0, 2).output("/rnn/out");
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

    private static Map<String, float[]> floatsOf(Map<String, HostTensor> out) {
        Map<String, float[]> m = new HashMap<>();
        out.forEach((k, v) -> m.put(k, v.floats()));
        return m;
    }

    @ParameterizedTest(name = "{0} lbr={1} layers={2} bidirectional={3} initial={4}")
    @CsvSource({
        "LSTM, false, 1, false, false", "LSTM, false, 1, false, true", "LSTM, false, 2, true, true", "LSTM, false, 1, true, false",
        "GRU, false, 1, false, false", "GRU, false, 2, false, true", "GRU, false, 2, true, false",
        "GRU, true, 1, false, true", "GRU, true, 1, true, false", "GRU, true, 2, true, true",
        "RNN, false, 1, false, true", "RNN, false, 2, false, false", "RNN, false, 2, true, true",
    })
    void torchStyleCharModelAgreesThreeWays(CellKind kind, boolean lbr, int layers, boolean bidirectional, boolean initial,
                                           @TempDir Path dir) throws Exception {
        Native m = nativeModel(kind, layers, bidirectional, lbr, 1000 + layers * 10 + (bidirectional ? 1 : 0));
        Path file = dir.resolve("model.onnx");
        OnnxFiles.write(charGraph(m, initial), file);
        int slots = layers * (bidirectional ? 2 : 1);
        boolean lstm = kind == CellKind.LSTM;
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
        // 1. seqlab's native layers
        Tensor x = m.embedding().forward(timeMajor).reshape(T, B, E);
        RecurrentOutput out = m.rnn().forward(x, null, initial ? Tensor.wrap(h0.clone(), slots, B, H) : null,
                initial && lstm ? Tensor.wrap(c0.clone(), slots, B, H) : null, false, null);
        float[] logitsTb = m.head().forward(out.outputs()).data();
        float[] logits = Compare.swap01(logitsTb, T, B, V);
        // 2. ONNX Runtime
        Map<String, float[]> ort;
        try (OnnxModel session = OnnxModel.open(file, SessionOptions.threads(1))) {
            ort = floatsOf(session.run(feeds));
        }
        // 3. the imported model
        ImportedModel imported = RecurrentOnnxImport.read(file);
        Map<String, float[]> imp = floatsOf(imported.run(feeds));

        String what = kind + (kind == CellKind.GRU ? " lbr=" + (lbr ? 1 : 0) : "") + " ×" + layers
                + (bidirectional ? " bi" : "") + (initial ? " init" : "");
        Compare.close(logits, ort.get("logits"), what + " logits: ORT vs native");
        Compare.close(ort.get("logits"), imp.get("logits"), what + " logits: imported vs ORT");
        Compare.close(out.lastHidden().data(), ort.get("h_n"), what + " h_n: ORT vs native");
        Compare.close(ort.get("h_n"), imp.get("h_n"), what + " h_n: imported vs ORT");
        if (lstm) {
            Compare.close(out.lastCell().data(), ort.get("c_n"), what + " c_n: ORT vs native");
            Compare.close(ort.get("c_n"), imp.get("c_n"), what + " c_n: imported vs ORT");
        }
        // the mapping itself: the imported cells hold exactly the native weights
        assertEquals(layers, imported.recurrentNodes().size());
        for (int l = 0; l < layers; l++) {
            ImportedRecurrent node = imported.recurrentNodes().get(l);
            assertEquals(kind, node.kind());
            for (int d = 0; d < node.cells().size(); d++) {
                RecurrentCell a = m.rnn().cell(l, d);
                RecurrentCell b = node.cells().get(d);
                assertArrayEquals(a.w().value().data(), b.w().value().data());
                assertArrayEquals(a.r().value().data(), b.r().value().data());
                assertArrayEquals(a.wb().value().data(), b.wb().value().data());
                assertArrayEquals(a.rb().value().data(), b.rb().value().data());
                if (kind == CellKind.GRU) {
                    assertEquals(lbr, ((GruCell) b).linearBeforeReset());
                }
            }
        }
        assertArrayEquals(m.embedding().table().value().data(), imported.embeddings().get(0).table().value().data());
        assertArrayEquals(m.head().w().value().data(), imported.denseLayers().get(0).w().value().data());
    }

    /** A single reverse node with sequence_lens and initial states, read through a Gemm on its final state. */
    @ParameterizedTest(name = "reverse {0}")
    @CsvSource({"LSTM", "GRU0", "GRU1", "RNN"})
    void reverseWithLengthsAndGemmHead(String kind, @TempDir Path dir) throws Exception {
        SeededRandom rng = new SeededRandom(kind.hashCode());
        CellKind k = kind.startsWith("GRU") ? CellKind.GRU : CellKind.valueOf(kind);
        RecurrentCell cell = switch (kind) {
            case "LSTM" -> new LstmCell("c", E, H);
            case "GRU0" -> new GruCell("c", E, H, false);
            case "GRU1" -> new GruCell("c", E, H, true);
            default -> new RnnCell("c", E, H);
        };
        cell.initialize(rng);
        Compare.perturb(cell.parameters(), rng, 0.4);
        Dense head = new Dense("head", H, 3);
        head.initialize(rng);
        Compare.perturb(head.parameters(), rng, 0.3);
        boolean lstm = k == CellKind.LSTM;
        GraphBuilder g = new GraphBuilder("reverse");
        g.input("X", GraphBuilder.FLOAT, T, "batch", E);
        g.input("lens", GraphBuilder.INT32, "batch");
        g.input("h0", GraphBuilder.FLOAT, 1, "batch", H);
        if (lstm) {
            g.input("c0", GraphBuilder.FLOAT, 1, "batch", H);
        }
        int gh = cell.gateWidth();
        g.floats("W", cell.w().value().data(), 1, gh, E);
        g.floats("R", cell.r().value().data(), 1, gh, H);
        g.floats("B", RecurrentOnnxExportTest.concat(List.of(cell.wb().value().data(), cell.rb().value().data())), 1, 2L * gh);
        GraphBuilder.NodeBuilder n = lstm ? g.node("LSTM", "X", "W", "R", "B", "lens", "h0", "c0")
                : g.node(k.name(), "X", "W", "R", "B", "lens", "h0");
        n.attr("hidden_size", (long) H).attr("direction", "reverse");
        if (k == CellKind.GRU) {
            n.attr("linear_before_reset", kind.equals("GRU1") ? 1L : 0L);
        }
        n.output("Y", "Y_h");
        g.longs("axes0", 0L);
        g.node("Squeeze", "Y_h", "axes0").output("last");
        g.floats("head.weight", head.w().value().data(), 3, H);
        g.floats("head.bias", head.b().value().data(), 3);
        g.node("Gemm", "last", "head.weight", "head.bias").attr("transB", 1L).output("scores");
        g.node("LogSoftmax", "scores").attr("axis", 1L).output("log_probs");
        g.output("Y", GraphBuilder.FLOAT, T, 1, "batch", H);
        g.output("log_probs", GraphBuilder.FLOAT, "batch", 3);
        Path file = dir.resolve("reverse.onnx");
        OnnxFiles.write(g.build(14, "test"), file);

        float[] x = Compare.gaussian(rng, T * B * E);
        int[] lens = {T, 2, 4};
        float[] h0 = Compare.gaussian(rng, B * H);
        float[] c0 = Compare.gaussian(rng, B * H);
        CellOutput o = cell.forward(Tensor.wrap(x, T, B, E), Tensor.of(h0, B, H), lstm ? Tensor.of(c0, B, H) : null,
                lens, Direction.REVERSE);
        float[] scores = head.forward(o.lastHidden()).data();
        float[] logProbs = new float[scores.length];
        float[] p = Compare.softmax(scores, 3);
        for (int i = 0; i < p.length; i++) {
            logProbs[i] = (float) Math.log(p[i]);
        }
        Map<String, HostTensor> feeds = new HashMap<>();
        feeds.put("X", HostTensor.floats(x, T, B, E));
        feeds.put("lens", HostTensor.ints(lens, B));
        feeds.put("h0", HostTensor.floats(h0, 1, B, H));
        if (lstm) {
            feeds.put("c0", HostTensor.floats(c0, 1, B, H));
        }
        Map<String, float[]> ort;
        try (OnnxModel session = OnnxModel.open(file, SessionOptions.threads(1))) {
            ort = floatsOf(session.run(feeds));
        }
        Map<String, float[]> imp = floatsOf(RecurrentOnnxImport.read(file).run(feeds));
        String what = "reverse " + kind + " lens init";
        Compare.close(o.outputs().data(), ort.get("Y"), what + " Y: ORT vs native");
        Compare.close(ort.get("Y"), imp.get("Y"), what + " Y: imported vs ORT");
        Compare.close(logProbs, ort.get("log_probs"), what + " log_probs: ORT vs native");
        Compare.close(ort.get("log_probs"), imp.get("log_probs"), what + " log_probs: imported vs ORT");
    }

    /** seqlab's own exports import back and agree with ONNX Runtime. */
    @ParameterizedTest(name = "round trip {0} × {1}")
    @CsvSource({"LSTM, 2", "GRU, 1", "RNN, 2"})
    void seqlabExportsImportBack(CellKind kind, int layers) {
        CharLanguageModel lm = RecurrentOnnxExportTest.charModel(kind, layers, 3);
        ModelProto proto = RecurrentOnnxExport.charModel(lm);
        SeededRandom rng = new SeededRandom(4);
        long[] tokens = {-1, 2, 5, 1, -1, 0, 3, 3};
        Map<String, HostTensor> feeds = new HashMap<>();
        feeds.put("tokens", HostTensor.longs(tokens, 2, 4));
        feeds.put("h0", HostTensor.floats(Compare.gaussian(rng, layers * 2 * 5), layers, 2, 5));
        if (kind == CellKind.LSTM) {
            feeds.put("c0", HostTensor.floats(Compare.gaussian(rng, layers * 2 * 5), layers, 2, 5));
        }
        Map<String, float[]> ort;
        try (OnnxModel session = OnnxModel.fromBytes(proto.toByteArray(), "lm", SessionOptions.threads(1))) {
            ort = floatsOf(session.run(feeds));
        }
        Map<String, float[]> imp;
        try {
            imp = floatsOf(RecurrentOnnxImport.fromProto(proto, null).run(feeds));
        } catch (MalformedFileException e) {
            throw new AssertionError(e);
        }
        for (String o : ort.keySet()) {
            Compare.close(ort.get(o), imp.get(o), "round trip char " + kind + " ×" + layers + " " + o + ": imported vs ORT");
        }

        SequenceClassifier c = SequenceClassifier.create(ClassifierOptions.defaults().withVocabulary(12).withEmbeddingDim(4).withCell(kind).withHidden(5).withLayers(layers).withBidirectional(true).withClasses(3), 8);
        Compare.perturb(c.parameters(), rng, 0.3);
        ModelProto cp = RecurrentOnnxExport.classifier(c);
        long[] ids = {3, 1, 4, 0, 0, 9, 2, 6, 5, 0};
        Map<String, HostTensor> cf = Map.of("tokens", HostTensor.longs(ids, 2, 5));
        float[] ortP;
        try (OnnxModel session = OnnxModel.fromBytes(cp.toByteArray(), "classifier", SessionOptions.threads(1))) {
            ortP = session.run(cf).get("probabilities").floats();
        }
        try {
            float[] impP = RecurrentOnnxImport.fromProto(cp, null).run(cf).get("probabilities").floats();
            Compare.close(ortP, impP, "round trip classifier " + kind + " ×" + layers + " bi: imported vs ORT");
        } catch (MalformedFileException e) {
            throw new AssertionError(e);
        }
        Compare.close(c.probabilities(List.of(new int[] {3, 1, 4}, new int[] {9, 2, 6, 5})), ortP,
                "round trip classifier " + kind + " ×" + layers + " bi: ORT vs native");
    }

    // ------------------------------------------------------------------ errors

    private static ModelProto withNode(String op, String domain) {
        GraphBuilder g = new GraphBuilder("bad");
        g.input("x", GraphBuilder.FLOAT, 2, 3);
        g.node("Identity", "x").name("id").output("y0");
        GraphBuilder.NodeBuilder n = g.node(op, "y0").name("bad_node_7");
        n.output("y");
        g.output("y", GraphBuilder.FLOAT, 2, 3);
        ModelProto m = g.build(14, "test");
        if (!domain.isEmpty()) {
            var gb = m.getGraph().toBuilder();
            gb.setNode(1, gb.getNode(1).toBuilder().setDomain(domain));
            m = m.toBuilder().setGraph(gb).build();
        }
        return m;
    }

    @Test
    void unsupportedOperatorsAreNamedInOneLine(@TempDir Path dir) throws Exception {
        for (String[] c : new String[][] {{"Loop", ""}, {"Attention", "com.microsoft"}, {"Scan", ""}}) {
            Path file = dir.resolve(c[0] + ".onnx");
            OnnxFiles.write(withNode(c[0], c[1]), file);
            MalformedFileException e = assertThrows(MalformedFileException.class, () -> RecurrentOnnxImport.read(file));
            String expected = (c[1].isEmpty() ? "" : c[1] + ".") + c[0];
            assertTrue(e.getMessage().contains("unsupported operator " + expected + " (node 'bad_node_7')"), e.getMessage());
            assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
            assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        }
    }

    @Test
    void unsupportedRecurrentFeaturesAreNamed() {
        Native m = nativeModel(CellKind.LSTM, 1, false, false, 5);
        ModelProto base = charGraph(m, false);
        // custom activations
        var gb = base.getGraph().toBuilder();
        for (int i = 0; i < gb.getNodeCount(); i++) {
            if (gb.getNode(i).getOpType().equals("LSTM")) {
                gb.setNode(i, gb.getNode(i).toBuilder().addAttribute(ai.onnx.proto.OnnxMl.AttributeProto.newBuilder()
                        .setName("activations").setType(ai.onnx.proto.OnnxMl.AttributeProto.AttributeType.STRINGS)
                        .addStrings(com.google.protobuf.ByteString.copyFromUtf8("Sigmoid"))
                        .addStrings(com.google.protobuf.ByteString.copyFromUtf8("Relu"))
                        .addStrings(com.google.protobuf.ByteString.copyFromUtf8("Tanh"))));
            }
        }
        MalformedFileException e = assertThrows(MalformedFileException.class,
                () -> RecurrentOnnxImport.fromProto(base.toBuilder().setGraph(gb).build(), Path.of("act.onnx")));
        assertTrue(e.getMessage().contains("LSTM (node '/rnn/l0/LSTM'): activations [sigmoid, relu, tanh]"), e.getMessage());
        // peepholes
        var gp = base.getGraph().toBuilder();
        for (int i = 0; i < gp.getNodeCount(); i++) {
            if (gp.getNode(i).getOpType().equals("LSTM")) {
                var nb = gp.getNode(i).toBuilder();
                while (nb.getInputCount() < 8) {
                    nb.addInput("");
                }
                nb.setInput(7, "P");
                gp.setNode(i, nb);
            }
        }
        gp.addInitializer(ai.onnx.proto.OnnxMl.TensorProto.newBuilder().setName("P").setDataType(1).addDims(1).addDims(3 * H)
                .addAllFloatData(java.util.Collections.nCopies(3 * H, 0f)));
        e = assertThrows(MalformedFileException.class,
                () -> RecurrentOnnxImport.fromProto(base.toBuilder().setGraph(gp).build(), Path.of("p.onnx")));
        assertTrue(e.getMessage().contains("peephole"), e.getMessage());
        assertTrue(e.getMessage().contains("/rnn/l0/LSTM"), e.getMessage());
    }

    @Test
    void corruptFilesAreNotOnnxModels(@TempDir Path dir) throws Exception {
        Path text = Files.writeString(dir.resolve("notes.onnx"), "this is plain text, not a model\n", StandardCharsets.UTF_8);
        Path junk = Files.write(dir.resolve("junk.onnx"), new byte[] {(byte) 0xff, (byte) 0xfe, 0x01, 0x02, 0x03, 0x7f});
        Native m = nativeModel(CellKind.GRU, 1, false, true, 6);
        byte[] good = charGraph(m, false).toByteArray();
        Path truncated = Files.write(dir.resolve("truncated.onnx"), java.util.Arrays.copyOf(good, good.length / 2));
        for (Path p : List.of(text, junk, truncated)) {
            MalformedFileException e = assertThrows(MalformedFileException.class, () -> RecurrentOnnxImport.read(p));
            assertTrue(e.getMessage().startsWith(p + ": not an ONNX model"), e.getMessage());
            assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        }
        assertThrows(java.nio.file.NoSuchFileException.class, () -> RecurrentOnnxImport.read(dir.resolve("absent.onnx")));
    }

    @Test
    void runChecksItsInputs() throws Exception {
        Native m = nativeModel(CellKind.RNN, 1, false, false, 7);
        ImportedModel imported = RecurrentOnnxImport.fromProto(charGraph(m, false), null);
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> imported.run(Map.of()));
        assertTrue(missing.getMessage().contains("missing input 'input'"), missing.getMessage());
        IllegalArgumentException badId = assertThrows(IllegalArgumentException.class,
                () -> imported.run(Map.of("input", HostTensor.longs(new long[] {1, 99}, 1, 2))));
        assertTrue(badId.getMessage().contains("Gather (node '/embedding/Gather')") && badId.getMessage().contains("99"),
                badId.getMessage());
    }
}
