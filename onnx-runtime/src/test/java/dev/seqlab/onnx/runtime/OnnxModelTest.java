package dev.seqlab.onnx.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seqlab.core.io.MalformedFileException;
import dev.seqlab.core.tensor.Tensor;
import dev.seqlab.onnx.HostTensor;
import dev.seqlab.onnx.TensorSpec;
import dev.seqlab.onnx.TestModels;
import dev.seqlab.onnx.graph.GraphBuilder;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OnnxModel over small graphs built in the test, against double-precision Java arithmetic. */
class OnnxModelTest {

    @TempDir
    Path dir;

    private final TestModels.Dense dense = new TestModels.Dense(7);

    private Path write(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    private static float[] randomRows(int rows, long seed) {
        Random r = new Random(seed);
        float[] x = new float[rows * TestModels.Dense.IN];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (3 * r.nextGaussian());
        }
        return x;
    }

    private void assertDenseOutput(float[] x, int rows, HostTensor y) {
        assertArrayEquals(new long[] {rows, TestModels.Dense.OUT}, y.shape());
        for (int r = 0; r < rows; r++) {
            double[] expected = dense.expected(x, r);
            for (int j = 0; j < TestModels.Dense.OUT; j++) {
                assertEquals(expected[j], y.floats()[r * TestModels.Dense.OUT + j], 2e-6, "row " + r + " column " + j);
            }
        }
    }

    /**
     * pytorch 1.13 wrote all-MiniLM-L6-v2's inputs as [batch, batch]: the names mean nothing, ONNX
     * Runtime ignores them, and so must the input check (a normal model still gets it).
     */
    @Test
    void aModelThatNamesEveryAxisAlikeTakesAnyShape() {
        GraphBuilder g = new GraphBuilder("same-names");
        g.input("x", GraphBuilder.FLOAT, "batch", "batch");
        g.input("m", GraphBuilder.FLOAT, "batch", "batch");
        g.node("Add", "x", "m").output("y");
        g.output("y", GraphBuilder.FLOAT, "batch", "batch");
        try (OnnxModel model =
                OnnxModel.fromBytes(g.build(14, "test").toByteArray(), "same-names", SessionOptions.threads(1))) {
            HostTensor x = HostTensor.floats(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
            HostTensor y = model.run(Map.of("x", x, "m", x)).get("y");
            assertArrayEquals(new long[] {2, 3}, y.shape());
            assertArrayEquals(new float[] {2, 4, 6, 8, 10, 12}, y.floats());
        }
    }

    @Test
    void denseSoftmaxBatchMatchesDoublePrecision() throws IOException {
        Path file = write("dense.onnx", dense.model.toByteArray());
        try (OnnxModel model = OnnxModel.open(file)) {
            for (int rows : new int[] {1, 5, 64}) {
                float[] x = randomRows(rows, rows);
                Map<String, HostTensor> out = model.run(Map.of("x", HostTensor.floats(x, rows, TestModels.Dense.IN)));
                assertEquals(List.of("y"), List.copyOf(out.keySet()));
                assertDenseOutput(x, rows, out.get("y"));
            }
        }
    }

    @Test
    void listsNamedInputsAndOutputsWithShapesAndTypes() throws IOException {
        try (OnnxModel model = OnnxModel.fromBytes(dense.model.toByteArray(), "dense", SessionOptions.defaults())) {
            assertEquals(
                    List.of(new TensorSpec(
                            "x", "float", List.of(TensorSpec.Dim.dynamic("batch"), TensorSpec.Dim.fixed(4)))),
                    model.inputs());
            assertEquals("y: float [batch, 3]", model.outputs().get(0).toString());
            assertEquals(List.of("x"), model.inputNames());
            assertTrue(model.hasInput("x"));
            assertFalse(model.hasInput("W"), "initialisers are not inputs");
        }
        try (OnnxModel model =
                OnnxModel.fromBytes(TestModels.lookup().toByteArray(), "lookup", SessionOptions.defaults())) {
            assertEquals(
                    "[ids: int64 [batch, seq], mask: int64 [batch, seq]]",
                    model.inputs().toString());
            assertEquals(List.of("hidden", "mask_f"), model.outputNames());
            assertEquals("hidden: float [batch, seq, 2]", model.output("hidden").toString());
        }
    }

    @Test
    void opensFromFileBytesAndClassPathResourceAlike() throws IOException {
        byte[] bytes = dense.model.toByteArray();
        Files.createDirectories(dir.resolve("res/models"));
        write("res/models/dense.onnx", bytes);
        float[] x = randomRows(3, 11);
        Map<String, HostTensor> feed = Map.of("x", HostTensor.floats(x, 3, 4));
        try (URLClassLoader loader =
                        new URLClassLoader(new URL[] {dir.resolve("res").toUri().toURL()}, null);
                OnnxModel fromResource =
                        OnnxModel.fromResource(loader, "models/dense.onnx", SessionOptions.defaults());
                OnnxModel fromBytes = OnnxModel.fromBytes(bytes, "dense", SessionOptions.threads(1))) {
            assertEquals("models/dense.onnx", fromResource.name());
            assertDenseOutput(x, 3, fromResource.run(feed).get("y"));
            assertDenseOutput(x, 3, fromBytes.run(feed).get("y"));
            FileNotFoundException missing = assertThrows(
                    FileNotFoundException.class,
                    () -> OnnxModel.fromResource(loader, "models/none.onnx", SessionOptions.defaults()));
            assertTrue(missing.getMessage().contains("models/none.onnx"), missing.getMessage());
        }
    }

    @Test
    void threadAndOptimisationSettingsGiveTheSameAnswers() throws IOException {
        Path file = write("dense.onnx", dense.model.toByteArray());
        float[] x = randomRows(16, 3);
        Map<String, HostTensor> feed = Map.of("x", HostTensor.floats(x, 16, 4));
        for (OptimizationLevel level : OptimizationLevel.values()) {
            SessionOptions options = new SessionOptions(1, 2, level);
            try (OnnxModel model = OnnxModel.open(file, options)) {
                assertSame(options, model.options());
                assertDenseOutput(x, 16, model.run(feed).get("y"));
            }
        }
    }

    @Test
    void int64InputsSeveralOutputsAndAChosenSubset() throws IOException {
        try (OnnxModel model =
                OnnxModel.fromBytes(TestModels.lookup().toByteArray(), "lookup", SessionOptions.defaults())) {
            long[] ids = {3, 0, 9, 1, 1, 2};
            long[] mask = {1, 1, 0, 1, 0, 0};
            Map<String, HostTensor> feed =
                    Map.of("ids", HostTensor.longs(ids, 2, 3), "mask", HostTensor.longs(mask, 2, 3));
            Map<String, HostTensor> all = model.run(feed);
            assertEquals(List.of("hidden", "mask_f"), List.copyOf(all.keySet()));
            HostTensor hidden = all.get("hidden");
            assertArrayEquals(new long[] {2, 3, 2}, hidden.shape());
            for (int t = 0; t < ids.length; t++) {
                assertEquals(ids[t], hidden.floats()[2 * t]);
                assertEquals(-2 * ids[t], hidden.floats()[2 * t + 1]);
            }
            Map<String, HostTensor> only = model.run(feed, List.of("mask_f"));
            assertEquals(List.of("mask_f"), List.copyOf(only.keySet()));
            assertArrayEquals(new float[] {1, 1, 0, 1, 0, 0}, only.get("mask_f").floats());
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> model.run(feed, List.of("logits")));
            assertEquals("unknown output 'logits'; the model's outputs are hidden, mask_f", e.getMessage());
        }
    }

    @Test
    void corruptTruncatedAndEmptyFilesAreNotOnnxModels() throws IOException {
        Path text = write("notes.onnx", "this is not a model\n".getBytes());
        byte[] full = dense.model.toByteArray();
        Path truncated = write("truncated.onnx", Arrays.copyOf(full, full.length / 2));
        Path empty = write("empty.onnx", new byte[0]);
        for (Path p : List.of(text, truncated, empty)) {
            MalformedFileException e = assertThrows(MalformedFileException.class, () -> OnnxModel.open(p));
            assertTrue(e.getMessage().startsWith(p + ": not an ONNX model ("), e.getMessage());
            assertEquals(1, e.getMessage().lines().count(), e.getMessage());
            assertEquals(p, e.file());
        }
        assertThrows(NoSuchFileException.class, () -> OnnxModel.open(dir.resolve("none.onnx")));
        MalformedFileException directory = assertThrows(MalformedFileException.class, () -> OnnxModel.open(dir));
        assertTrue(directory.getMessage().contains("is a directory"), directory.getMessage());
        IllegalArgumentException bytes = assertThrows(
                IllegalArgumentException.class,
                () -> OnnxModel.fromBytes(new byte[] {1, 2, 3, 4, 5}, "junk.bin", SessionOptions.defaults()));
        assertTrue(bytes.getMessage().startsWith("junk.bin: not an ONNX model ("), bytes.getMessage());
    }

    @Test
    void boolTensorsGoInAndComeOut() {
        GraphBuilder g = new GraphBuilder("bools");
        g.input("m", GraphBuilder.BOOL, "n");
        g.node("Not", "m").output("not_m");
        g.output("not_m", GraphBuilder.BOOL, "n");
        try (OnnxModel model =
                OnnxModel.fromBytes(g.build(13, "test").toByteArray(), "bools", SessionOptions.defaults())) {
            HostTensor out = model.run(Map.of("m", HostTensor.bools(new boolean[] {true, false, false, true, true}, 5)))
                    .get("not_m");
            assertEquals(HostTensor.ElementType.BOOL, out.type());
            assertArrayEquals(new boolean[] {false, true, true, false, false}, out.bools());
        }
    }

    @Test
    void aGraphTheRuntimeRejectsNamesTheFileAndTheReason() throws IOException {
        // an operator that does not exist in the default domain
        var graph = dense.model.getGraph().toBuilder()
                .setNode(2, TestModels.node("NoSuchOp", "bad", new String[] {"z"}, "y"))
                .build();
        Path p = write("unknown-op.onnx", TestModels.model(graph, 13).toByteArray());
        MalformedFileException e = assertThrows(MalformedFileException.class, () -> OnnxModel.open(p));
        assertTrue(e.getMessage().startsWith(p + ": ONNX Runtime cannot load the model ("), e.getMessage());
        assertTrue(e.getMessage().contains("NoSuchOp"), e.getMessage());
    }

    @Test
    void unknownAndMissingInputsListTheModelsInputs() {
        try (OnnxModel model =
                OnnxModel.fromBytes(TestModels.lookup().toByteArray(), "lookup", SessionOptions.defaults())) {
            HostTensor ids = HostTensor.longs(new long[] {1, 2}, 1, 2);
            IllegalArgumentException unknown = assertThrows(
                    IllegalArgumentException.class, () -> model.run(Map.of("ids", ids, "mask", ids, "input_ids", ids)));
            assertEquals(
                    "unknown input 'input_ids'; the model's inputs are ids: int64 [batch, seq], "
                            + "mask: int64 [batch, seq]",
                    unknown.getMessage());
            IllegalArgumentException missing =
                    assertThrows(IllegalArgumentException.class, () -> model.run(Map.of("ids", ids)));
            assertEquals(
                    "missing input 'mask' (int64 [batch, seq]); the model's inputs are ids: int64 [batch, seq], "
                            + "mask: int64 [batch, seq]",
                    missing.getMessage());
            assertThrows(IllegalArgumentException.class, () -> model.input("attention_mask"));
        }
    }

    @Test
    void wrongTypeRankOrAxisSizeNamesTheInputExpectedAndGiven() {
        try (OnnxModel model = OnnxModel.fromBytes(dense.model.toByteArray(), "dense", SessionOptions.defaults())) {
            IllegalArgumentException type = assertThrows(
                    IllegalArgumentException.class, () -> model.run(Map.of("x", HostTensor.longs(new long[8], 2, 4))));
            assertEquals("input 'x' expects float [batch, 4], given int64[2, 4]", type.getMessage());
            IllegalArgumentException rank = assertThrows(
                    IllegalArgumentException.class, () -> model.run(Map.of("x", HostTensor.floats(new float[4], 4))));
            assertEquals("input 'x' expects rank 2 [batch, 4], given rank 1 [4]", rank.getMessage());
            IllegalArgumentException axis = assertThrows(
                    IllegalArgumentException.class,
                    () -> model.run(Map.of("x", HostTensor.floats(new float[6], 2, 3))));
            assertEquals("input 'x' expects shape [batch, 4] (axis 1 of size 4), given [2, 3]", axis.getMessage());
        }
        try (OnnxModel model =
                OnnxModel.fromBytes(TestModels.lookup().toByteArray(), "lookup", SessionOptions.defaults())) {
            IllegalArgumentException symbol = assertThrows(
                    IllegalArgumentException.class,
                    () -> model.run(Map.of(
                            "ids", HostTensor.longs(new long[3], 1, 3), "mask", HostTensor.longs(new long[4], 1, 4))));
            assertEquals(
                    "input 'mask' has seq = 4 (axis 1 of [1, 4]) but input 'ids' has seq = 3", symbol.getMessage());
        }
    }

    @Test
    void aClosedModelRefusesToRunAndClosesOnce() {
        OnnxModel model = OnnxModel.fromBytes(dense.model.toByteArray(), "dense", SessionOptions.defaults());
        model.close();
        model.close();
        IllegalStateException e = assertThrows(
                IllegalStateException.class, () -> model.run(Map.of("x", HostTensor.floats(new float[4], 1, 4))));
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
    }

    @Test
    void sessionOptionsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> new SessionOptions(-1, 0, OptimizationLevel.ALL));
        assertThrows(IllegalArgumentException.class, () -> new SessionOptions(0, -2, OptimizationLevel.ALL));
        assertThrows(IllegalArgumentException.class, () -> new SessionOptions(0, 0, null));
        assertThrows(IllegalArgumentException.class, () -> SessionOptions.threads(0));
        assertEquals(
                new SessionOptions(3, 0, OptimizationLevel.BASIC),
                SessionOptions.defaults().withIntraOpThreads(3).withOptimization(OptimizationLevel.BASIC));
    }

    @Test
    void hostTensorsCheckTheirShapeAndShareDataWithSeqlabTensors() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> HostTensor.floats(new float[5], 2, 3));
        assertEquals("shape [2, 3] holds 6 elements but 5 were given", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> HostTensor.zeros(2, -1));
        Tensor t = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
        HostTensor h = HostTensor.of(t);
        assertArrayEquals(new long[] {2, 3}, h.shape());
        assertSame(t.data(), h.floats());
        assertSame(t.data(), h.toTensor().data());
        assertEquals(6, h.size());
        assertThrows(IllegalStateException.class, () -> h.longs());
        assertEquals("int64[]", HostTensor.longs(new long[] {7}).toString());
    }
}
