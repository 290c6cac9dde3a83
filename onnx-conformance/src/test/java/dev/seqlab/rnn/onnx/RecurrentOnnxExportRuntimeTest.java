package dev.seqlab.rnn.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import dev.seqlab.core.random.SeededRandom;
import dev.seqlab.core.tensor.Tensor;
import dev.seqlab.onnx.HostTensor;
import dev.seqlab.onnx.runtime.OnnxModel;
import dev.seqlab.onnx.runtime.SessionOptions;
import dev.seqlab.onnx.runtime.StatefulSession;
import dev.seqlab.rnn.cell.CellKind;
import dev.seqlab.rnn.classify.ClassifierOptions;
import dev.seqlab.rnn.classify.SequenceClassifier;
import dev.seqlab.rnn.layer.RecurrentOutput;
import dev.seqlab.rnn.lm.CharLanguageModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * seqlab's char model and classifier exported to ONNX and run in ONNX Runtime: logits,
 * probabilities and final states agree with seqlab's own forward pass within 1e-5.
 */
class RecurrentOnnxExportRuntimeTest {
    private static final Set<String> STANDARD = Set.of(
            "Gather",
            "Transpose",
            "Slice",
            "Squeeze",
            "Reshape",
            "LSTM",
            "GRU",
            "RNN",
            "Concat",
            "Identity",
            "MatMul",
            "Add",
            "Gemm",
            "Softmax",
            "Equal",
            "Not",
            "Cast",
            "ReduceSum");

    @ParameterizedTest(name = "char model {0} × {1} layers")
    @CsvSource({"LSTM, 1", "GRU, 1", "RNN, 1", "LSTM, 2", "GRU, 2", "RNN, 2"})
    void charModelMatchesOnnxRuntime(CellKind kind, int layers, @TempDir Path dir) throws Exception {
        CharLanguageModel m = RecurrentFixtures.charModel(kind, layers, 11 + layers);
        Path file = dir.resolve("char.onnx");
        RecurrentOnnxExport.writeCharModel(m, file);
        assertTrue(Files.size(file) > 0);
        try (var listing = Files.list(dir)) {
            assertEquals(1, listing.count(), "no temporary file left behind");
        }
        for (NodeProto n : RecurrentOnnxExport.charModel(m).getGraph().getNodeList()) {
            assertTrue(STANDARD.contains(n.getOpType()) && n.getDomain().isEmpty(), n.getOpType());
        }
        int v = m.vocabulary().size();
        int h = 5;
        int b = 3;
        int t = 6;
        SeededRandom rng = new SeededRandom(5);
        long[] tokens = new long[b * t];
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = rng.nextInt(v);
        }
        tokens[0] = -1; // sequence 0 starts with "no character"
        float[] h0 = Compare.gaussian(rng, layers * b * h);
        float[] c0 = Compare.gaussian(rng, layers * b * h);

        // seqlab: one-hot, the recurrent stack from the same initial states, the head
        int[] timeMajor = new int[t * b];
        Tensor x = Tensor.zeros(t, b, v);
        for (int j = 0; j < b; j++) {
            for (int s = 0; s < t; s++) {
                int id = (int) tokens[j * t + s];
                timeMajor[s * b + j] = id;
                if (id >= 0) {
                    x.data()[(s * b + j) * v + id] = 1f;
                }
            }
        }
        boolean lstm = kind == CellKind.LSTM;
        RecurrentOutput out = m.recurrent()
                .forward(
                        x,
                        null,
                        Tensor.wrap(h0.clone(), layers, b, h),
                        lstm ? Tensor.wrap(c0.clone(), layers, b, h) : null,
                        false,
                        null);
        float[] logitsTb = new float[t * b * v];
        m.head().forward(t * b, out.outputs().data(), 0, logitsTb, 0);
        float[] logits = Compare.swap01(logitsTb, t, b, v);

        String what = "char model " + kind + " × " + layers;
        try (OnnxModel ort = OnnxModel.open(file, SessionOptions.threads(1))) {
            Map<String, HostTensor> feeds = new HashMap<>();
            feeds.put(RecurrentOnnxExport.TOKENS, HostTensor.longs(tokens, b, t));
            feeds.put(RecurrentOnnxExport.H0, HostTensor.floats(h0, layers, b, h));
            if (lstm) {
                feeds.put(RecurrentOnnxExport.C0, HostTensor.floats(c0, layers, b, h));
            }
            Map<String, HostTensor> r = ort.run(feeds);
            Compare.close(logits, r.get(RecurrentOnnxExport.LOGITS).floats(), what + " logits");
            Compare.close(
                    Compare.softmax(logits, v),
                    r.get(RecurrentOnnxExport.PROBABILITIES).floats(),
                    what + " probabilities");
            Compare.close(
                    out.lastHidden().data(), r.get(RecurrentOnnxExport.H_OUT).floats(), what + " h_out");
            if (lstm) {
                Compare.close(
                        out.lastCell().data(), r.get(RecurrentOnnxExport.C_OUT).floats(), what + " c_out");
            }

            // step by step, carrying h_out/c_out back in, equals seqlab's generation state
            CharLanguageModel.State state = m.start();
            Map<String, String> carried = new HashMap<>();
            Map<String, HostTensor> zeros = new HashMap<>();
            carried.put(RecurrentOnnxExport.H_OUT, RecurrentOnnxExport.H0);
            zeros.put(RecurrentOnnxExport.H0, HostTensor.zeros(layers, 1, h));
            if (lstm) {
                carried.put(RecurrentOnnxExport.C_OUT, RecurrentOnnxExport.C0);
                zeros.put(RecurrentOnnxExport.C0, HostTensor.zeros(layers, 1, h));
            }
            StatefulSession session = StatefulSession.of(ort, carried, zeros);
            int[] ids = {-1, 3, 0, 7};
            List<float[]> seqlabSteps = new ArrayList<>();
            List<float[]> ortSteps = new ArrayList<>();
            for (int id : ids) {
                seqlabSteps.add(state.next(id));
                Map<String, HostTensor> step =
                        session.step(Map.of(RecurrentOnnxExport.TOKENS, HostTensor.longs(new long[] {id}, 1, 1)));
                ortSteps.add(step.get(RecurrentOnnxExport.LOGITS).floats());
            }
            Compare.close(
                    RecurrentFixtures.concat(seqlabSteps),
                    RecurrentFixtures.concat(ortSteps),
                    what + " step-by-step logits");
        }
    }

    @ParameterizedTest(name = "classifier {0} × {1} layers, bidirectional {2}")
    @CsvSource({"LSTM, 1, false", "GRU, 1, true", "RNN, 1, false", "LSTM, 2, true", "GRU, 2, false", "RNN, 2, true"})
    void classifierMatchesOnnxRuntime(CellKind kind, int layers, boolean bidirectional) {
        SequenceClassifier c =
                SequenceClassifier.create(new ClassifierOptions(12, 4, kind, 5, layers, bidirectional, 0.3f, 3), 21);
        Compare.perturb(c.parameters(), new SeededRandom(3), 0.3);
        List<int[]> seqs = List.of(new int[] {3, 1, 4, 1, 5}, new int[] {9, 2}, new int[] {6, 5, 3, 5}, new int[] {11});
        int t = 5;
        long[] tokens = new long[seqs.size() * t];
        for (int j = 0; j < seqs.size(); j++) {
            for (int s = 0; s < seqs.get(j).length; s++) {
                tokens[j * t + s] = seqs.get(j)[s];
            }
        }
        float[] expected = c.probabilities(seqs);
        ModelProto proto = RecurrentOnnxExport.classifier(c);
        for (NodeProto n : proto.getGraph().getNodeList()) {
            assertTrue(STANDARD.contains(n.getOpType()), n.getOpType());
        }
        try (OnnxModel ort = OnnxModel.fromBytes(proto.toByteArray(), "classifier", SessionOptions.threads(1))) {
            Map<String, HostTensor> r =
                    ort.run(Map.of(RecurrentOnnxExport.TOKENS, HostTensor.longs(tokens, seqs.size(), t)));
            String what = "classifier " + kind + " × " + layers + (bidirectional ? " bidirectional" : "");
            Compare.close(expected, r.get(RecurrentOnnxExport.PROBABILITIES).floats(), what + " probabilities");
            float[] logits = r.get(RecurrentOnnxExport.LOGITS).floats();
            Compare.close(expected, Compare.softmax(logits, 3), what + " softmax(logits)");
        }
    }
}
