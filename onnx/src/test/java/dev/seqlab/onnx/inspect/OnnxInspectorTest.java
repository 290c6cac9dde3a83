package dev.seqlab.onnx.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import dev.seqlab.core.io.MalformedFileException;
import dev.seqlab.onnx.TensorSpec;
import dev.seqlab.onnx.TestModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The inspector's figures for graphs whose content the test knows. */
class OnnxInspectorTest {

    @TempDir
    Path dir;

    /**
     * 3 Relu, 2 MatMul, 1 Add and 1 If (whose branches hold 1 Relu and 1 Identity), 1 custom-domain
     * node; initialisers W (4×3), b (3) and an IR-3-style input entry for W; a second, unnamed
     * dynamic axis; producer "exporter" 2.5, IR 8, opsets ai.onnx 17 and com.example 1.
     */
    private static ModelProto counted() {
        GraphProto thenBranch = GraphProto.newBuilder()
                .setName("then")
                .addNode(TestModels.node("Relu", "t", new String[] {"a"}, "t_out"))
                .addOutput(TestModels.value("t_out", TensorProto.DataType.FLOAT, "n", 3))
                .build();
        GraphProto elseBranch = GraphProto.newBuilder()
                .setName("else")
                .addNode(TestModels.node("Identity", "e", new String[] {"a"}, "e_out"))
                .addOutput(TestModels.value("e_out", TensorProto.DataType.FLOAT, "n", 3))
                .build();
        GraphProto graph = GraphProto.newBuilder()
                .setName("counted")
                .addInitializer(TestModels.floatTensor("W", new float[12], 4, 3))
                .addInitializer(TestModels.floatTensor("b", new float[3], 3))
                .addNode(TestModels.node("MatMul", "m1", new String[] {"x", "W"}, "h1"))
                .addNode(TestModels.node("Add", "a1", new String[] {"h1", "b"}, "h2"))
                .addNode(TestModels.node("Relu", "r1", new String[] {"h2"}, "h3"))
                .addNode(TestModels.node("Relu", "r2", new String[] {"h3"}, "h4"))
                .addNode(TestModels.node("Relu", "r3", new String[] {"h4"}, "a"))
                .addNode(TestModels.node("MatMul", "m2", new String[] {"a", "sq"}, "c1"))
                .addNode(TestModels.node("If", "if", new String[] {"flag"}, "branch").toBuilder()
                        .addAttribute(AttributeProto.newBuilder()
                                .setName("then_branch")
                                .setG(thenBranch)
                                .setType(AttributeProto.AttributeType.GRAPH))
                        .addAttribute(AttributeProto.newBuilder()
                                .setName("else_branch")
                                .setG(elseBranch)
                                .setType(AttributeProto.AttributeType.GRAPH)))
                .addNode(TestModels.node("Fancy", "f", new String[] {"a"}, "fancy").toBuilder()
                        .setDomain("com.example"))
                .addInput(TestModels.value("x", TensorProto.DataType.FLOAT, "batch_size", 4))
                .addInput(TestModels.value("W", TensorProto.DataType.FLOAT, 4, 3))
                .addInput(TestModels.value("sq", TensorProto.DataType.FLOAT, 3, null))
                .addInput(TestModels.value("flag", TensorProto.DataType.BOOL))
                .addOutput(TestModels.value("branch", TensorProto.DataType.FLOAT, "batch_size", 3))
                .addOutput(TestModels.value("c1", TensorProto.DataType.FLOAT16, "batch_size", null))
                .addOutput(TestModels.value("fancy", TensorProto.DataType.INT64))
                .build();
        return ModelProto.newBuilder()
                .setIrVersion(8)
                .setProducerName("exporter")
                .setProducerVersion("2.5")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(17))
                .addOpsetImport(
                        OperatorSetIdProto.newBuilder().setDomain("com.example").setVersion(1))
                .setGraph(graph)
                .build();
    }

    @Test
    void summarisesProducerOpsetsValuesAndOperatorCounts() throws IOException {
        Path file = dir.resolve("counted.onnx");
        Files.write(file, counted().toByteArray());
        ModelSummary s = OnnxInspector.read(file);
        assertEquals("exporter", s.producerName());
        assertEquals("2.5", s.producerVersion());
        assertEquals(8, s.irVersion());
        assertEquals(Map.of("ai.onnx", 17L, "com.example", 1L), s.opsets());
        assertEquals(List.of("ai.onnx", "com.example"), List.copyOf(s.opsets().keySet()));
        assertEquals(17, s.opset());
        assertEquals(
                List.of("x: float [batch_size, 4]", "sq: float [3, ?]", "flag: bool []"),
                s.inputs().stream().map(TensorSpec::toString).toList());
        assertEquals(
                List.of("branch: float [batch_size, 3]", "c1: float16 [batch_size, ?]", "fancy: int64 []"),
                s.outputs().stream().map(TensorSpec::toString).toList());
        assertEquals(
                TensorSpec.Dim.dynamic("batch_size"), s.inputs().get(0).shape().get(0));
        assertEquals(
                Map.of("Relu", 4, "MatMul", 2, "Add", 1, "If", 1, "Identity", 1, "com.example.Fancy", 1),
                s.operatorCounts());
        assertEquals(
                List.of("Relu", "MatMul", "Add", "Identity", "If", "com.example.Fancy"),
                s.operatorsByCount().stream()
                        .map(ModelSummary.OperatorCount::operator)
                        .toList());
        assertEquals(4, s.operatorsByCount().get(0).count());
        assertEquals(10, s.nodeCount());
        assertEquals(15, s.parameterCount());
        assertFalse(s.quantisesDynamically());
    }

    @Test
    void dynamicQuantisationIsRecognised() throws MalformedFileException {
        GraphProto g = counted().getGraph().toBuilder()
                .addNode(TestModels.node("DynamicQuantizeLinear", "q", new String[] {"x"}, "xq", "xs", "xz"))
                .build();
        ModelSummary s =
                OnnxInspector.summarise(counted().toBuilder().setGraph(g).build(), null);
        assertTrue(s.quantisesDynamically());
        assertEquals(1, s.operatorCounts().get("DynamicQuantizeLinear"));
    }

    @Test
    void elementTypesBeyondTheProtobufClassesHaveNames() {
        assertEquals("float", OnnxInspector.elementTypeName(1));
        assertEquals("bfloat16", OnnxInspector.elementTypeName(16));
        assertEquals("float8e4m3fn", OnnxInspector.elementTypeName(17));
        assertEquals("int4", OnnxInspector.elementTypeName(22));
        assertEquals("type 99", OnnxInspector.elementTypeName(99));
    }

    @Test
    void filesThatAreNotOnnxModelsSayWhy() throws IOException {
        Path text = dir.resolve("readme.onnx");
        Files.writeString(text, "hello, this is text\n");
        Path empty = dir.resolve("empty.onnx");
        Files.write(empty, new byte[0]);
        byte[] full = counted().toByteArray();
        Path truncated = dir.resolve("truncated.onnx");
        Files.write(truncated, Arrays.copyOf(full, full.length - 7));
        Path noGraph = dir.resolve("nograph.onnx");
        Files.write(noGraph, ModelProto.newBuilder().setIrVersion(7).build().toByteArray());
        for (Path p : List.of(text, empty, truncated, noGraph)) {
            MalformedFileException e = assertThrows(MalformedFileException.class, () -> OnnxInspector.read(p));
            assertTrue(e.getMessage().startsWith(p + ": not an ONNX model ("), e.getMessage());
            assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        }
        assertTrue(assertThrows(MalformedFileException.class, () -> OnnxInspector.read(empty))
                .getMessage()
                .endsWith("(no IR version)"));
        assertTrue(assertThrows(MalformedFileException.class, () -> OnnxInspector.read(noGraph))
                .getMessage()
                .endsWith("(no graph)"));
        assertThrows(NoSuchFileException.class, () -> OnnxInspector.read(dir.resolve("none.onnx")));
        assertTrue(assertThrows(MalformedFileException.class, () -> OnnxInspector.read(dir))
                .getMessage()
                .contains("is a directory"));
    }
}
