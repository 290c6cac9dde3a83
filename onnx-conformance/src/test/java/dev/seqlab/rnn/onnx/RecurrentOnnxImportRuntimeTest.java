package dev.seqlab.rnn.onnx;

import static dev.seqlab.rnn.onnx.TorchStyleGraphs.B;
import static dev.seqlab.rnn.onnx.TorchStyleGraphs.E;
import static dev.seqlab.rnn.onnx.TorchStyleGraphs.H;
import static dev.seqlab.rnn.onnx.TorchStyleGraphs.T;
import static dev.seqlab.rnn.onnx.TorchStyleGraphs.assertSameWeights;
import static dev.seqlab.rnn.onnx.TorchStyleGraphs.charGraph;
import static dev.seqlab.rnn.onnx.TorchStyleGraphs.floatsOf;
import static dev.seqlab.rnn.onnx.TorchStyleGraphs.nativeModel;
import static dev.seqlab.rnn.onnx.TorchStyleGraphs.nativeRun;

import ai.onnx.proto.OnnxMl.ModelProto;
import dev.seqlab.core.io.MalformedFileException;
import dev.seqlab.core.random.SeededRandom;
import dev.seqlab.core.tensor.Tensor;
import dev.seqlab.onnx.HostTensor;
import dev.seqlab.onnx.graph.GraphBuilder;
import dev.seqlab.onnx.graph.OnnxFiles;
import dev.seqlab.onnx.runtime.OnnxModel;
import dev.seqlab.onnx.runtime.SessionOptions;
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
import dev.seqlab.rnn.lm.CharLanguageModel;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ONNX graphs laid out as {@code torch.onnx.export} writes them (embedding Gather, Transpose to
 * time-major, one recurrent node per layer with Slice'd initial states and Squeeze or
 * Transpose+Reshape between layers, Concat'ed final states, MatMul+Add or Gemm head), built from
 * weights held by seqlab's own layers: seqlab's native forward, ONNX Runtime and the imported
 * model agree within 1e-5, and the imported cells hold exactly the native weights.
 */
class RecurrentOnnxImportRuntimeTest {

    @ParameterizedTest(name = "{0} lbr={1} layers={2} bidirectional={3} initial={4}")
    @MethodSource("dev.seqlab.rnn.onnx.TorchStyleGraphs#charModelCases")
    void torchStyleCharModelAgreesThreeWays(
            CellKind kind, boolean lbr, int layers, boolean bidirectional, boolean initial, @TempDir Path dir)
            throws Exception {
        TorchStyleGraphs.Native m =
                nativeModel(kind, layers, bidirectional, lbr, 1000 + layers * 10 + (bidirectional ? 1 : 0));
        Path file = dir.resolve("model.onnx");
        OnnxFiles.write(charGraph(m, initial), file);
        boolean lstm = kind == CellKind.LSTM;
        TorchStyleGraphs.Run expected = nativeRun(m, initial);
        Map<String, HostTensor> feeds = expected.feeds();
        // 1. ONNX Runtime
        Map<String, float[]> ort;
        try (OnnxModel session = OnnxModel.open(file, SessionOptions.threads(1))) {
            ort = floatsOf(session.run(feeds));
        }
        // 2. the imported model
        ImportedModel imported = RecurrentOnnxImport.read(file);
        Map<String, float[]> imp = floatsOf(imported.run(feeds));

        String what = kind + (kind == CellKind.GRU ? " lbr=" + (lbr ? 1 : 0) : "") + " ×" + layers
                + (bidirectional ? " bi" : "") + (initial ? " init" : "");
        Compare.close(expected.logits(), ort.get("logits"), what + " logits: ORT vs native");
        Compare.close(ort.get("logits"), imp.get("logits"), what + " logits: imported vs ORT");
        Compare.close(expected.lastHidden(), ort.get("h_n"), what + " h_n: ORT vs native");
        Compare.close(ort.get("h_n"), imp.get("h_n"), what + " h_n: imported vs ORT");
        if (lstm) {
            Compare.close(expected.lastCell(), ort.get("c_n"), what + " c_n: ORT vs native");
            Compare.close(ort.get("c_n"), imp.get("c_n"), what + " c_n: imported vs ORT");
        }
        // the mapping itself: the imported cells hold exactly the native weights
        assertSameWeights(m, imported);
    }

    /** A single reverse node with sequence_lens and initial states, read through a Gemm on its final state. */
    @ParameterizedTest(name = "reverse {0}")
    @CsvSource({"LSTM", "GRU0", "GRU1", "RNN"})
    void reverseWithLengthsAndGemmHead(String kind, @TempDir Path dir) throws Exception {
        SeededRandom rng = new SeededRandom(kind.hashCode());
        CellKind k = kind.startsWith("GRU") ? CellKind.GRU : CellKind.valueOf(kind);
        RecurrentCell cell =
                switch (kind) {
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
        g.floats(
                "B",
                RecurrentFixtures.concat(
                        List.of(cell.wb().value().data(), cell.rb().value().data())),
                1,
                2L * gh);
        GraphBuilder.NodeBuilder n = lstm
                ? g.node("LSTM", "X", "W", "R", "B", "lens", "h0", "c0")
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
        CellOutput o = cell.forward(
                Tensor.wrap(x, T, B, E),
                Tensor.of(h0, B, H),
                lstm ? Tensor.of(c0, B, H) : null,
                lens,
                Direction.REVERSE);
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
        CharLanguageModel lm = RecurrentFixtures.charModel(kind, layers, 3);
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
            Compare.close(
                    ort.get(o), imp.get(o), "round trip char " + kind + " ×" + layers + " " + o + ": imported vs ORT");
        }

        SequenceClassifier c = SequenceClassifier.create(new ClassifierOptions(12, 4, kind, 5, layers, true, 0f, 3), 8);
        Compare.perturb(c.parameters(), rng, 0.3);
        ModelProto cp = RecurrentOnnxExport.classifier(c);
        long[] ids = {3, 1, 4, 0, 0, 9, 2, 6, 5, 0};
        Map<String, HostTensor> cf = Map.of("tokens", HostTensor.longs(ids, 2, 5));
        float[] ortP;
        try (OnnxModel session = OnnxModel.fromBytes(cp.toByteArray(), "classifier", SessionOptions.threads(1))) {
            ortP = session.run(cf).get("probabilities").floats();
        }
        try {
            float[] impP = RecurrentOnnxImport.fromProto(cp, null)
                    .run(cf)
                    .get("probabilities")
                    .floats();
            Compare.close(ortP, impP, "round trip classifier " + kind + " ×" + layers + " bi: imported vs ORT");
        } catch (MalformedFileException e) {
            throw new AssertionError(e);
        }
        Compare.close(
                c.probabilities(List.of(new int[] {3, 1, 4}, new int[] {9, 2, 6, 5})),
                ortP,
                "round trip classifier " + kind + " ×" + layers + " bi: ORT vs native");
    }
}
