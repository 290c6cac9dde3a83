package dev.seqlab.onnx.interpret;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seqlab.core.io.MalformedFileException;
import dev.seqlab.onnx.HostTensor;
import dev.seqlab.onnx.graph.GraphBuilder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The standard operators on small graphs whose outputs are worked out by hand, the registry's
 * supported list, constant folding and the one-line messages.
 */
class GraphInterpreterTest {
    private static final float EPS = 1e-6f;

    private static GraphInterpreter prepare(GraphBuilder g, int opset) throws MalformedFileException {
        return GraphInterpreter.prepare(g.build(opset, "test"), OperatorRegistry.standard(), null);
    }

    @Test
    void broadcastArithmeticAndActivations() throws Exception {
        GraphBuilder g = new GraphBuilder("arith");
        g.input("x", GraphBuilder.FLOAT, 2, 3);
        g.floats("row", new float[] {1f, -2f, 0.5f}, 3);
        g.floats("col", new float[] {2f, 4f}, 2, 1);
        g.node("Add", "x", "row").output("a");
        g.node("Mul", "a", "col").output("m");
        g.node("Sub", "m", "row").output("s");
        g.node("Div", "s", "col").output("d");
        g.node("Relu", "d").output("r");
        g.node("Tanh", "r").output("t");
        g.node("Sigmoid", "d").output("sg");
        g.output("d", GraphBuilder.FLOAT, 2, 3);
        g.output("t", GraphBuilder.FLOAT, 2, 3);
        g.output("sg", GraphBuilder.FLOAT, 2, 3);
        float[] x = {0f, 1f, 2f, 3f, 4f, 5f};
        Map<String, HostTensor> out = prepare(g, 14).run(Map.of("x", HostTensor.floats(x, 2, 3)));
        float[] row = {1f, -2f, 0.5f};
        float[] col = {2f, 4f};
        float[] d = new float[6];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                d[i * 3 + j] = ((x[i * 3 + j] + row[j]) * col[i] - row[j]) / col[i];
            }
        }
        assertArrayEquals(d, out.get("d").floats(), EPS);
        for (int i = 0; i < 6; i++) {
            assertEquals((float) Math.tanh(Math.max(0, d[i])), out.get("t").floats()[i], EPS);
            assertEquals((float) (1 / (1 + Math.exp(-d[i]))), out.get("sg").floats()[i], EPS);
        }
        assertArrayEquals(new long[] {2, 3}, out.get("d").shape());
    }

    @Test
    void softmaxOverAMiddleAxisAndLogSoftmaxOverTheLast() throws Exception {
        GraphBuilder g = new GraphBuilder("softmax");
        g.input("x", GraphBuilder.FLOAT, 2, 3, 2);
        g.node("Softmax", "x").attr("axis", 1L).output("p");
        g.node("LogSoftmax", "x").output("lp");
        g.output("p", GraphBuilder.FLOAT, 2, 3, 2);
        g.output("lp", GraphBuilder.FLOAT, 2, 3, 2);
        float[] x = {1f, -1f, 2f, 0f, 3f, 5f, -2f, 0.5f, 0f, 0f, 1f, 7f};
        Map<String, HostTensor> out = prepare(g, 13).run(Map.of("x", HostTensor.floats(x, 2, 3, 2)));
        float[] p = out.get("p").floats();
        for (int b = 0; b < 2; b++) {
            for (int j = 0; j < 2; j++) {
                double sum = 0;
                for (int k = 0; k < 3; k++) {
                    sum += Math.exp(x[b * 6 + k * 2 + j]);
                }
                for (int k = 0; k < 3; k++) {
                    assertEquals((float) (Math.exp(x[b * 6 + k * 2 + j]) / sum), p[b * 6 + k * 2 + j], EPS);
                }
            }
        }
        float[] lp = out.get("lp").floats();
        for (int r = 0; r < 6; r++) {
            double logSum = Math.log(Math.exp(x[2 * r]) + Math.exp(x[2 * r + 1]));
            assertEquals((float) (x[2 * r] - logSum), lp[2 * r], EPS);
            assertEquals((float) (x[2 * r + 1] - logSum), lp[2 * r + 1], EPS);
        }
    }

    @Test
    void gemmWithTransposesAlphaBetaAndMatMulOfBatches() throws Exception {
        GraphBuilder g = new GraphBuilder("gemm");
        g.input("a", GraphBuilder.FLOAT, 3, 2); // transA: A is 2×3
        g.input("b", GraphBuilder.FLOAT, 4, 3); // transB: B is 3×4
        g.floats("c", new float[] {1f, 2f, 3f, 4f}, 4);
        g.node("Gemm", "a", "b", "c")
                .attr("transA", 1L)
                .attr("transB", 1L)
                .attr("alpha", 0.5f)
                .attr("beta", 2f)
                .output("y");
        g.input("p", GraphBuilder.FLOAT, 2, 1, 2, 3);
        g.input("q", GraphBuilder.FLOAT, 3, 3, 1);
        g.node("MatMul", "p", "q").output("pq");
        g.output("y", GraphBuilder.FLOAT, 2, 4);
        g.output("pq", GraphBuilder.FLOAT, 2, 3, 2, 1);
        float[] a = {1f, 2f, 3f, 4f, 5f, 6f};
        float[] b = new float[12];
        for (int i = 0; i < 12; i++) {
            b[i] = i - 5f;
        }
        float[] p = new float[12];
        float[] q = new float[9];
        for (int i = 0; i < 12; i++) {
            p[i] = 0.5f * i - 2f;
        }
        for (int i = 0; i < 9; i++) {
            q[i] = 1f - 0.25f * i;
        }
        Map<String, HostTensor> out = prepare(g, 14)
                .run(Map.of(
                        "a",
                        HostTensor.floats(a, 3, 2),
                        "b",
                        HostTensor.floats(b, 4, 3),
                        "p",
                        HostTensor.floats(p, 2, 1, 2, 3),
                        "q",
                        HostTensor.floats(q, 3, 3, 1)));
        float[] c = {1f, 2f, 3f, 4f};
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 4; j++) {
                double s = 0;
                for (int k = 0; k < 3; k++) {
                    s += a[k * 2 + i] * b[j * 3 + k];
                }
                assertEquals((float) (0.5 * s + 2 * c[j]), out.get("y").floats()[i * 4 + j], 1e-5f);
            }
        }
        assertArrayEquals(new long[] {2, 3, 2, 1}, out.get("pq").shape());
        for (int x = 0; x < 2; x++) {
            for (int y = 0; y < 3; y++) {
                for (int i = 0; i < 2; i++) {
                    double s = 0;
                    for (int k = 0; k < 3; k++) {
                        s += p[(x * 2 + i) * 3 + k] * q[y * 3 + k];
                    }
                    assertEquals((float) s, out.get("pq").floats()[(x * 3 + y) * 2 + i], 1e-5f);
                }
            }
        }
    }

    @Test
    void shapeGlueAsTorchExportsIt() throws Exception {
        GraphBuilder g = new GraphBuilder("glue");
        g.input("x", GraphBuilder.FLOAT, 2, 3, 4);
        g.node("Transpose", "x").attrInts("perm", 1, 0, 2).output("xt"); // [3, 2, 4]
        g.node("Shape", "xt").output("shape");
        g.longs("s0", 0L);
        g.longs("s2", 2L);
        g.longs("minus1", -1L);
        g.node("Slice", "shape", "s0", "s2").output("tb");
        g.node("Concat", "tb", "minus1").attr("axis", 0L).output("newshape");
        g.node("Reshape", "xt", "newshape").output("r"); // [3, 2, 4]
        g.longs("starts", 3L);
        g.longs("ends", -100L);
        g.longs("axes", 2L);
        g.longs("steps", -2L);
        g.node("Slice", "r", "starts", "ends", "axes", "steps").output("sl"); // [3, 2, 2]: last axis 3, 1
        g.longs("ax0", 0L);
        g.node("Unsqueeze", "sl", "ax0").output("u"); // [1, 3, 2, 2]
        g.node("Squeeze", "u", "ax0").output("sq");
        g.longs("idx", new long[] {2, -3}, 2);
        g.node("Gather", "sq", "idx").attr("axis", 0L).output("ga"); // [2, 2, 2]
        g.longs("rs_axes", 1L);
        g.node("ReduceSum", "ga", "rs_axes").attr("keepdims", 0L).output("sum"); // [2, 2]
        g.node("Cast", "sum").attr("to", (long) GraphBuilder.INT64).output("ints");
        g.output("sl", GraphBuilder.FLOAT, 3, 2, 2);
        g.output("sum", GraphBuilder.FLOAT, 2, 2);
        g.output("ints", GraphBuilder.INT64, 2, 2);
        float[] x = new float[24];
        for (int i = 0; i < 24; i++) {
            x[i] = i;
        }
        Map<String, HostTensor> out = prepare(g, 13).run(Map.of("x", HostTensor.floats(x, 2, 3, 4)));
        float[] sl = out.get("sl").floats();
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 2; j++) {
                assertEquals(x[(j * 3 + i) * 4 + 3], sl[(i * 2 + j) * 2]);
                assertEquals(x[(j * 3 + i) * 4 + 1], sl[(i * 2 + j) * 2 + 1]);
            }
        }
        float[] sum = out.get("sum").floats();
        int[] rows = {2, 0};
        for (int r = 0; r < 2; r++) {
            for (int k = 0; k < 2; k++) {
                float expected = sl[(rows[r] * 2) * 2 + k] + sl[(rows[r] * 2 + 1) * 2 + k];
                assertEquals(expected, sum[r * 2 + k]);
                assertEquals((long) expected, out.get("ints").longs()[r * 2 + k]);
            }
        }
    }

    @Test
    void masksAreBooleans() throws Exception {
        GraphBuilder g = new GraphBuilder("mask");
        g.input("tokens", GraphBuilder.INT64, 2, 3);
        g.longs("zero", 0L);
        g.node("Equal", "tokens", "zero").output("pad");
        g.node("Not", "pad").output("real");
        g.node("Cast", "real").attr("to", (long) GraphBuilder.FLOAT).output("mask");
        g.longs("shape", new long[] {2, 3, 2}, 3);
        g.node("ConstantOfShape", "shape").output("zeros");
        g.longs("to", new long[] {2, 2, 3}, 3);
        g.node("Expand", "mask", "to").output("twice");
        g.output("real", GraphBuilder.BOOL, 2, 3);
        g.output("mask", GraphBuilder.FLOAT, 2, 3);
        g.output("zeros", GraphBuilder.FLOAT, 2, 3, 2);
        g.output("twice", GraphBuilder.FLOAT, 2, 2, 3);
        GraphInterpreter gi = prepare(g, 14);
        Map<String, HostTensor> out = gi.run(Map.of("tokens", HostTensor.longs(new long[] {5, 0, 7, 0, 0, 1}, 2, 3)));
        assertArrayEquals(
                new boolean[] {true, false, true, false, false, true},
                out.get("real").bools());
        assertArrayEquals(new float[] {1, 0, 1, 0, 0, 1}, out.get("mask").floats());
        assertArrayEquals(new float[12], out.get("zeros").floats());
        assertArrayEquals(
                new float[] {1, 0, 1, 0, 0, 1, 1, 0, 1, 0, 0, 1},
                out.get("twice").floats());
        assertEquals(
                4, gi.runtimeNodes(), "ConstantOfShape of a stored shape is computed once, when the graph is read");
    }

    @Test
    void lengthsAndMasksAsTheSeq2SeqExportComputesThem() throws Exception {
        GraphBuilder g = new GraphBuilder("lengths");
        g.input("tokens", GraphBuilder.INT64, 2, 4);
        g.input("scores", GraphBuilder.FLOAT, 2, 4);
        g.longs("zero", 0L);
        g.longs("positions", new long[] {1, 2, 3, 4}, 4);
        g.longs("none", 0L);
        g.longs("one", 1L);
        g.longs("indices", new long[] {0, 1, 2, 3}, 4);
        g.floats("masked", new float[] {-1e9f}, 1);
        g.node("Equal", "tokens", "zero").output("pad");
        g.node("Not", "pad").output("token");
        g.node("Where", "token", "positions", "none").output("ends");
        g.node("ReduceMax", "ends").attrInts("axes", 1).attr("keepdims", 1L).output("last");
        g.node("Max", "last", "one").output("lengths"); // [2, 1]
        g.node("Less", "indices", "lengths").output("valid"); // [2, 4]
        g.node("Where", "valid", "scores", "masked").output("kept");
        g.output("lengths", GraphBuilder.INT64, 2, 1);
        g.output("valid", GraphBuilder.BOOL, 2, 4);
        g.output("kept", GraphBuilder.FLOAT, 2, 4);
        Map<String, HostTensor> out = prepare(g, 13)
                .run(Map.of(
                        "tokens", HostTensor.longs(new long[] {3, 0, 5, 0, 0, 0, 0, 0}, 2, 4),
                        "scores", HostTensor.floats(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, 2, 4)));
        assertArrayEquals(new long[] {3, 1}, out.get("lengths").longs());
        assertArrayEquals(
                new boolean[] {true, true, true, false, true, false, false, false},
                out.get("valid").bools());
        assertArrayEquals(
                new float[] {1, 2, 3, -1e9f, 5, -1e9f, -1e9f, -1e9f},
                out.get("kept").floats());
    }

    @Test
    void layerNormPiecesAndGreedyChoice() throws Exception {
        GraphBuilder g = new GraphBuilder("norm");
        g.input("x", GraphBuilder.FLOAT, 2, 3);
        g.longs("last", -1L);
        g.node("ReduceMean", "x", "last").output("mean"); // [2, 1]
        g.node("Sub", "x", "mean").output("centred");
        g.node("Mul", "centred", "centred").output("sq");
        g.node("ReduceMean", "sq", "last").output("var");
        g.node("Sqrt", "var").output("std");
        g.node("Div", "centred", "std").output("normed");
        g.node("ArgMax", "x").attr("axis", 1L).attr("keepdims", 0L).output("best");
        g.output("normed", GraphBuilder.FLOAT, 2, 3);
        g.output("best", GraphBuilder.INT64, 2);
        float[] x = {1f, 5f, 3f, -2f, -2f, -8f};
        Map<String, HostTensor> out = prepare(g, 18).run(Map.of("x", HostTensor.floats(x, 2, 3)));
        for (int r = 0; r < 2; r++) {
            double mean = (x[3 * r] + x[3 * r + 1] + x[3 * r + 2]) / 3.0;
            double var = 0;
            for (int j = 0; j < 3; j++) {
                var += (x[3 * r + j] - mean) * (x[3 * r + j] - mean) / 3.0;
            }
            for (int j = 0; j < 3; j++) {
                assertEquals(
                        (float) ((x[3 * r + j] - mean) / Math.sqrt(var)),
                        out.get("normed").floats()[3 * r + j],
                        1e-6f);
            }
        }
        assertArrayEquals(new long[] {1, 0}, out.get("best").longs(), "the first of equal maxima");
    }

    @Test
    void theSupportedListIsTheRegistrysOwn() {
        OperatorRegistry std = OperatorRegistry.standard();
        assertEquals(34, std.supported().size());
        assertTrue(std.supported().containsAll(List.of("Gemm", "MatMul", "Softmax", "Tanh", "Gather", "Shape")));
        assertFalse(std.supports("", "LSTM"));
        OperatorRegistry more = std.with("LSTM", node -> in -> in);
        assertTrue(more.supports("ai.onnx", "LSTM"));
        assertFalse(std.supports("", "LSTM"), "with() leaves the original alone");
        assertFalse(more.supports("com.microsoft", "LSTM"));
        assertTrue(
                more.supportedText().startsWith("Add, ArgMax, Cast, Concat, Constant, ConstantOfShape, Div"),
                more.supportedText());
    }

    @Test
    void anUnsupportedOperatorIsNamedWithTheSupportedList() {
        GraphBuilder g = new GraphBuilder("bad");
        g.input("x", GraphBuilder.FLOAT, 2);
        g.node("Identity", "x").output("y0");
        g.node("Loop", "y0").name("loop_1").output("y");
        g.output("y", GraphBuilder.FLOAT, 2);
        MalformedFileException e = assertThrows(
                MalformedFileException.class,
                () -> GraphInterpreter.prepare(g.build(14, "t"), OperatorRegistry.standard(), Path.of("m.onnx")));
        assertEquals(
                "m.onnx: unsupported operator Loop (node 'loop_1'); supported: "
                        + OperatorRegistry.standard().supportedText(),
                e.getMessage());
    }

    @Test
    void aNodeThatCannotComputeIsNamed() throws Exception {
        GraphBuilder g = new GraphBuilder("shapes");
        g.input("a", GraphBuilder.FLOAT, 2, 3);
        g.input("b", GraphBuilder.FLOAT, 2, 2);
        g.node("Add", "a", "b").name("add_1").output("y");
        g.output("y", GraphBuilder.FLOAT, 2, 3);
        GraphInterpreter gi = prepare(g, 14);
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> gi.run(Map.of("a", HostTensor.zeros(2, 3), "b", HostTensor.zeros(2, 2))));
        assertTrue(
                e.getMessage().startsWith("Add (node 'add_1'): Add: shapes [2, 3] and [2, 2] do not broadcast"),
                e.getMessage());
        IllegalArgumentException missing =
                assertThrows(IllegalArgumentException.class, () -> gi.run(Map.of("a", HostTensor.zeros(2, 3))));
        assertTrue(missing.getMessage().startsWith("missing input 'b'"), missing.getMessage());
    }
}
