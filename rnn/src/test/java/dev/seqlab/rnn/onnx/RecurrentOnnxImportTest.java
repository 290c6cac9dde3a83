package dev.seqlab.rnn.onnx;

import static dev.seqlab.rnn.onnx.TorchStyleGraphs.H;
import static dev.seqlab.rnn.onnx.TorchStyleGraphs.assertSameWeights;
import static dev.seqlab.rnn.onnx.TorchStyleGraphs.charGraph;
import static dev.seqlab.rnn.onnx.TorchStyleGraphs.floatsOf;
import static dev.seqlab.rnn.onnx.TorchStyleGraphs.nativeModel;
import static dev.seqlab.rnn.onnx.TorchStyleGraphs.nativeRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import com.google.protobuf.ByteString;
import dev.seqlab.core.io.MalformedFileException;
import dev.seqlab.core.random.SeededRandom;
import dev.seqlab.onnx.HostTensor;
import dev.seqlab.onnx.graph.GraphBuilder;
import dev.seqlab.onnx.graph.OnnxFiles;
import dev.seqlab.rnn.cell.CellKind;
import dev.seqlab.rnn.classify.ClassifierOptions;
import dev.seqlab.rnn.classify.SequenceClassifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ONNX graphs laid out as {@code torch.onnx.export} writes them ({@link TorchStyleGraphs}), built
 * from weights held by seqlab's own layers: the imported model agrees with seqlab's native forward
 * within 1e-5 and its cells hold exactly the native weights; what it cannot import is named in one
 * line. (The same graphs against ONNX Runtime: onnx-conformance's
 * {@code RecurrentOnnxImportRuntimeTest}.)
 */
class RecurrentOnnxImportTest {

    @ParameterizedTest(name = "{0} lbr={1} layers={2} bidirectional={3} initial={4}")
    @MethodSource("dev.seqlab.rnn.onnx.TorchStyleGraphs#charModelCases")
    void torchStyleCharModelAgreesWithNative(
            CellKind kind, boolean lbr, int layers, boolean bidirectional, boolean initial) throws Exception {
        TorchStyleGraphs.Native m =
                nativeModel(kind, layers, bidirectional, lbr, 1000 + layers * 10 + (bidirectional ? 1 : 0));
        TorchStyleGraphs.Run expected = nativeRun(m, initial);
        ImportedModel imported = RecurrentOnnxImport.fromProto(charGraph(m, initial), null);
        Map<String, float[]> imp = floatsOf(imported.run(expected.feeds()));

        String what = kind + (kind == CellKind.GRU ? " lbr=" + (lbr ? 1 : 0) : "") + " ×" + layers
                + (bidirectional ? " bi" : "") + (initial ? " init" : "");
        Compare.close(expected.logits(), imp.get("logits"), what + " logits: imported vs native");
        Compare.close(expected.lastHidden(), imp.get("h_n"), what + " h_n: imported vs native");
        if (kind == CellKind.LSTM) {
            Compare.close(expected.lastCell(), imp.get("c_n"), what + " c_n: imported vs native");
        }
        assertSameWeights(m, imported);
    }

    /** seqlab's exported classifier imports back and gives the native probabilities. */
    @ParameterizedTest(name = "round trip {0} × {1}")
    @CsvSource({"LSTM, 2", "GRU, 1", "RNN, 2"})
    void exportedClassifierImportsBack(CellKind kind, int layers) throws Exception {
        SequenceClassifier c = SequenceClassifier.create(new ClassifierOptions(12, 4, kind, 5, layers, true, 0f, 3), 8);
        Compare.perturb(c.parameters(), new SeededRandom(4), 0.3);
        ModelProto cp = RecurrentOnnxExport.classifier(c);
        long[] ids = {3, 1, 4, 0, 0, 9, 2, 6, 5, 0};
        float[] impP = RecurrentOnnxImport.fromProto(cp, null)
                .run(Map.of("tokens", HostTensor.longs(ids, 2, 5)))
                .get("probabilities")
                .floats();
        Compare.close(
                c.probabilities(List.of(new int[] {3, 1, 4}, new int[] {9, 2, 6, 5})),
                impP,
                "round trip classifier " + kind + " ×" + layers + " bi: imported vs native");
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
            assertTrue(
                    e.getMessage().contains("unsupported operator " + expected + " (node 'bad_node_7')"),
                    e.getMessage());
            assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
            assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        }
    }

    @Test
    void unsupportedRecurrentFeaturesAreNamed() {
        TorchStyleGraphs.Native m = nativeModel(CellKind.LSTM, 1, false, false, 5);
        ModelProto base = charGraph(m, false);
        // custom activations
        var gb = base.getGraph().toBuilder();
        for (int i = 0; i < gb.getNodeCount(); i++) {
            if (gb.getNode(i).getOpType().equals("LSTM")) {
                gb.setNode(
                        i,
                        gb.getNode(i).toBuilder()
                                .addAttribute(AttributeProto.newBuilder()
                                        .setName("activations")
                                        .setType(AttributeProto.AttributeType.STRINGS)
                                        .addStrings(ByteString.copyFromUtf8("Sigmoid"))
                                        .addStrings(ByteString.copyFromUtf8("Relu"))
                                        .addStrings(ByteString.copyFromUtf8("Tanh"))));
            }
        }
        MalformedFileException e = assertThrows(
                MalformedFileException.class,
                () -> RecurrentOnnxImport.fromProto(
                        base.toBuilder().setGraph(gb).build(), Path.of("act.onnx")));
        assertTrue(
                e.getMessage().contains("LSTM (node '/rnn/l0/LSTM'): activations [sigmoid, relu, tanh]"),
                e.getMessage());
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
        gp.addInitializer(TensorProto.newBuilder()
                .setName("P")
                .setDataType(1)
                .addDims(1)
                .addDims(3 * H)
                .addAllFloatData(Collections.nCopies(3 * H, 0f)));
        e = assertThrows(
                MalformedFileException.class,
                () -> RecurrentOnnxImport.fromProto(
                        base.toBuilder().setGraph(gp).build(), Path.of("p.onnx")));
        assertTrue(e.getMessage().contains("peephole"), e.getMessage());
        assertTrue(e.getMessage().contains("/rnn/l0/LSTM"), e.getMessage());
    }

    @Test
    void corruptFilesAreNotOnnxModels(@TempDir Path dir) throws Exception {
        Path text = Files.writeString(
                dir.resolve("notes.onnx"), "this is plain text, not a model\n", StandardCharsets.UTF_8);
        Path junk =
                Files.write(dir.resolve("junk.onnx"), new byte[] {(byte) 0xff, (byte) 0xfe, 0x01, 0x02, 0x03, 0x7f});
        TorchStyleGraphs.Native m = nativeModel(CellKind.GRU, 1, false, true, 6);
        byte[] good = charGraph(m, false).toByteArray();
        Path truncated = Files.write(dir.resolve("truncated.onnx"), Arrays.copyOf(good, good.length / 2));
        for (Path p : List.of(text, junk, truncated)) {
            MalformedFileException e = assertThrows(MalformedFileException.class, () -> RecurrentOnnxImport.read(p));
            assertTrue(e.getMessage().startsWith(p + ": not an ONNX model"), e.getMessage());
            assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        }
        assertThrows(NoSuchFileException.class, () -> RecurrentOnnxImport.read(dir.resolve("absent.onnx")));
    }

    @Test
    void runChecksItsInputs() throws Exception {
        TorchStyleGraphs.Native m = nativeModel(CellKind.RNN, 1, false, false, 7);
        ImportedModel imported = RecurrentOnnxImport.fromProto(charGraph(m, false), null);
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> imported.run(Map.of()));
        assertTrue(missing.getMessage().contains("missing input 'input'"), missing.getMessage());
        IllegalArgumentException badId = assertThrows(
                IllegalArgumentException.class,
                () -> imported.run(Map.of("input", HostTensor.longs(new long[] {1, 99}, 1, 2))));
        assertTrue(
                badId.getMessage().contains("Gather (node '/embedding/Gather')")
                        && badId.getMessage().contains("99"),
                badId.getMessage());
    }
}
