package dev.seqlab.cli.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import com.fasterxml.jackson.databind.JsonNode;
import dev.seqlab.cli.CliRun;
import dev.seqlab.cli.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code seqlab onnx inspect} on a graph built here and on the bundled sentence encoder. */
class OnnxInspectCommandTest {

    @TempDir
    Path dir;

    private static NodeProto node(String op, String in1, String in2, String out) {
        NodeProto.Builder n =
                NodeProto.newBuilder().setOpType(op).setName(out).addInput(in1).addOutput(out);
        if (in2 != null) {
            n.addInput(in2);
        }
        return n.build();
    }

    private static ValueInfoProto value(String name, Object... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (Object d : dims) {
            shape.addDim(
                    d instanceof Number n
                            ? TensorShapeProto.Dimension.newBuilder().setDimValue(n.longValue())
                            : TensorShapeProto.Dimension.newBuilder().setDimParam((String) d));
        }
        return ValueInfoProto.newBuilder()
                .setName(name)
                .setType(TypeProto.newBuilder()
                        .setTensorType(TypeProto.Tensor.newBuilder()
                                .setElemType(TensorProto.DataType.FLOAT_VALUE)
                                .setShape(shape)))
                .build();
    }

    /** MatMul, Add, then three Relu and a Softmax; W is 4×3 and b 3: 15 parameters. */
    private Path model() throws IOException {
        TensorProto.Builder w =
                TensorProto.newBuilder().setName("W").setDataType(1).addDims(4).addDims(3);
        TensorProto.Builder b =
                TensorProto.newBuilder().setName("b").setDataType(1).addDims(3);
        for (int i = 0; i < 12; i++) {
            w.addFloatData(i);
        }
        for (int i = 0; i < 3; i++) {
            b.addFloatData(i);
        }
        GraphProto g = GraphProto.newBuilder()
                .setName("g")
                .addInitializer(w)
                .addInitializer(b)
                .addNode(node("MatMul", "x", "W", "h"))
                .addNode(node("Add", "h", "b", "z"))
                .addNode(node("Relu", "z", null, "r1"))
                .addNode(node("Relu", "r1", null, "r2"))
                .addNode(node("Relu", "r2", null, "r3"))
                .addNode(node("Softmax", "r3", null, "y"))
                .addInput(value("x", "batch", 4))
                .addOutput(value("y", "batch", 3))
                .build();
        ModelProto m = ModelProto.newBuilder()
                .setIrVersion(7)
                .setProducerName("seqlab-test")
                .setProducerVersion("0.9")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setVersion(13))
                .setGraph(g)
                .build();
        Path file = dir.resolve("dense.onnx");
        Files.write(file, m.toByteArray());
        return file;
    }

    @Test
    void printsProducerValuesAndOperatorsByCount() throws IOException {
        Path file = model();
        CliRun r = CliRun.of("onnx", "inspect", file.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("producer:    seqlab-test 0.9"), r.out());
        assertTrue(r.out().contains("opsets:      ai.onnx 13"), r.out());
        assertTrue(r.out().contains("6 nodes, 15 parameters"), r.out());
        assertTrue(r.out().contains("interpreter: runs every operator"), r.out());
        assertTrue(r.out().matches("(?s).*\\nx\\s+float\\s+\\[batch, 4]\\n.*"), r.out());
        assertTrue(r.out().matches("(?s).*\\ny\\s+float\\s+\\[batch, 3]\\n.*"), r.out());
        List<String> ops = r.out()
                .lines()
                .dropWhile(l -> !l.startsWith("operator"))
                .skip(2)
                .toList();
        assertEquals(
                List.of("Relu", "Add", "MatMul", "Softmax"),
                ops.stream().map(l -> l.split("\\s+")[0]).toList());
        assertEquals("3", ops.get(0).split("\\s+")[1]);
    }

    @Test
    void jsonIsOneDocumentWithTheSameFigures() throws IOException {
        CliRun r = CliRun.of("onnx", "inspect", "--json", model().toString());
        assertEquals(0, r.code(), r.err());
        JsonNode j = Json.mapper().readTree(r.out());
        assertEquals("seqlab-test", j.get("producer_name").asText());
        assertEquals(7, j.get("ir_version").asInt());
        assertEquals(13, j.get("opsets").get("ai.onnx").asInt());
        assertEquals("x", j.get("inputs").get(0).get("name").asText());
        assertEquals("float", j.get("inputs").get(0).get("type").asText());
        assertEquals("batch", j.get("inputs").get(0).get("shape").get(0).asText());
        assertEquals(4, j.get("inputs").get(0).get("shape").get(1).asInt());
        assertEquals("Relu", j.get("operators").get(0).get("operator").asText());
        assertEquals(3, j.get("operators").get(0).get("count").asInt());
        assertEquals(15, j.get("parameters").asLong());
        assertEquals(0, j.get("interpreter_unsupported").size());
    }

    /** The bundled model's inputs and outputs as inspection reads them equal what ONNX Runtime reports. */
    @Test
    void theBundledEncoderAgreesWithOnnxRuntimesView() throws Exception {
        Path file = dir.resolve("minilm.onnx");
        try (InputStream in = getClass().getResourceAsStream("/all-minilm-l6-v2-q.onnx")) {
            Files.copy(in, file);
        }
        CliRun r = CliRun.of("onnx", "inspect", "--json", file.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode j = Json.mapper().readTree(r.out());
        try (OrtSession s =
                OrtEnvironment.getEnvironment().createSession(file.toString(), new OrtSession.SessionOptions())) {
            assertShapes(s.getInputInfo(), j.get("inputs"));
            assertShapes(s.getOutputInfo(), j.get("outputs"));
        }
        assertEquals(384, j.get("outputs").get(0).get("shape").get(2).asInt());
        int dq = 0;
        for (JsonNode op : j.get("operators")) {
            if (op.get("operator").asText().equals("DynamicQuantizeLinear")) {
                dq = op.get("count").asInt();
            }
        }
        assertTrue(dq > 0, "the quantised model quantises activations at run time");
        List<String> unsupported = new ArrayList<>();
        j.get("interpreter_unsupported").forEach(n -> unsupported.add(n.asText()));
        assertTrue(unsupported.contains("DynamicQuantizeLinear"), unsupported.toString());
    }

    private static void assertShapes(Map<String, NodeInfo> ort, JsonNode ours) {
        assertEquals(ort.size(), ours.size());
        int i = 0;
        for (NodeInfo n : ort.values()) {
            JsonNode o = ours.get(i++);
            assertEquals(n.getName(), o.get("name").asText());
            TensorInfo t = (TensorInfo) n.getInfo();
            assertEquals(
                    t.onnxType
                            .name()
                            .replace("ONNX_TENSOR_ELEMENT_DATA_TYPE_", "")
                            .toLowerCase(),
                    o.get("type").asText());
            String[] names = t.getDimensionNames();
            long[] shape = t.getShape();
            for (int k = 0; k < shape.length; k++) {
                JsonNode d = o.get("shape").get(k);
                if (shape[k] >= 0) {
                    assertEquals(shape[k], d.asLong(), n.getName() + Arrays.toString(shape));
                } else {
                    assertEquals(names[k], d.asText(), n.getName() + Arrays.toString(names));
                }
            }
        }
    }

    @Test
    void missingAndCorruptFilesAreOneLineAndExitTwo() throws IOException {
        CliRun missing = CliRun.of("onnx", "inspect", dir.resolve("none.onnx").toString());
        assertEquals(2, missing.code());
        assertEquals(
                "seqlab: no such file: " + dir.resolve("none.onnx"),
                missing.err().strip());
        Path corrupt = dir.resolve("corrupt.onnx");
        Files.writeString(corrupt, "definitely not protobuf \u0000\u00ff\n");
        byte[] full = Files.readAllBytes(model());
        Path truncated = dir.resolve("truncated.onnx");
        Files.write(truncated, Arrays.copyOf(full, full.length - 10));
        for (Path p : List.of(corrupt, truncated)) {
            CliRun r = CliRun.of("onnx", "inspect", p.toString());
            assertEquals(2, r.code(), r.err());
            assertTrue(r.err().startsWith("seqlab: " + p + ": not an ONNX model"), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertFalse(r.err().contains("Exception"), r.err());
            assertEquals("", r.out());
        }
    }

    @Test
    void helpHasAnExampleAndTheTopLevelListsTheCommand() {
        CliRun help = CliRun.of("onnx", "inspect", "--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("seqlab onnx inspect model.onnx"), help.out());
        assertTrue(help.out().lines().allMatch(l -> l.length() <= 80), help.out());
        assertTrue(CliRun.of("--help").out().contains("onnx"));
        assertEquals(2, CliRun.of("onnx", "inspect").code(), "FILE is required");
    }
}
