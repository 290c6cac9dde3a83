package dev.seqlab.rnn.onnx;

import static dev.seqlab.rnn.onnx.OnnxGraphs.FLOAT;
import static dev.seqlab.rnn.onnx.OnnxGraphs.INT32;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.onnx.proto.OnnxMl;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.seqlab.core.random.SeededRandom;
import dev.seqlab.core.tensor.Tensor;
import dev.seqlab.rnn.cell.CellOutput;
import dev.seqlab.rnn.cell.Direction;
import dev.seqlab.rnn.cell.GruCell;
import dev.seqlab.rnn.cell.LstmCell;
import dev.seqlab.rnn.cell.RecurrentCell;
import dev.seqlab.rnn.cell.RnnCell;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * seqlab's cells against ONNX Runtime running the standard {@code LSTM}, {@code GRU} and
 * {@code RNN} operators with the same weights: outputs and final states agree within 1e-5.
 */
class OnnxRuntimeReferenceTest {
    private static final double TOLERANCE = 1e-5;
    private static final int T = 7;
    private static final int B = 3;
    private static final int I = 5;
    private static final int H = 4;

    private static OrtEnvironment env;

    @BeforeAll
    static void start() {
        env = OrtEnvironment.getEnvironment();
    }

    private static RecurrentCell cell(String kind, int in, long seed) {
        RecurrentCell c =
                switch (kind) {
                    case "RNN" -> new RnnCell("c", in, H);
                    case "LSTM" -> new LstmCell("c", in, H);
                    case "GRU0" -> new GruCell("c", in, H, false);
                    case "GRU1" -> new GruCell("c", in, H, true);
                    default -> throw new IllegalArgumentException(kind);
                };
        SeededRandom rng = new SeededRandom(seed);
        c.initialize(rng);
        for (float[] b : new float[][] {c.wb().value().data(), c.rb().value().data()}) {
            for (int i = 0; i < b.length; i++) {
                b[i] += (float) (0.5 * rng.nextGaussian());
            }
        }
        return c;
    }

    private static float[] random(SeededRandom rng, int n) {
        float[] d = new float[n];
        for (int i = 0; i < n; i++) {
            d[i] = (float) rng.nextGaussian();
        }
        return d;
    }

    /** Adds one recurrent node reading {@code x} ([T, B, in]) to the graph. */
    private static void addNode(
            GraphProto.Builder g,
            String prefix,
            String kind,
            List<RecurrentCell> cells,
            String x,
            String direction,
            boolean lengths,
            boolean initial) {
        int dirs = cells.size();
        int gh = cells.get(0).gateWidth();
        int in = cells.get(0).inputSize();
        List<float[]> w = new ArrayList<>();
        List<float[]> r = new ArrayList<>();
        List<float[]> b = new ArrayList<>();
        for (RecurrentCell c : cells) {
            w.add(c.w().value().data());
            r.add(c.r().value().data());
            b.add(RecurrentFixtures.concat(
                    List.of(c.wb().value().data(), c.rb().value().data())));
        }
        g.addInitializer(OnnxGraphs.floats(prefix + "W", RecurrentFixtures.concat(w), dirs, gh, in));
        g.addInitializer(OnnxGraphs.floats(prefix + "R", RecurrentFixtures.concat(r), dirs, gh, H));
        g.addInitializer(OnnxGraphs.floats(prefix + "B", RecurrentFixtures.concat(b), dirs, 2L * gh));
        boolean lstm = kind.equals("LSTM");
        List<String> inputs = new ArrayList<>(List.of(
                x, prefix + "W", prefix + "R", prefix + "B", lengths ? "seq_lens" : "", initial ? prefix + "h0" : ""));
        if (lstm) {
            inputs.add(initial ? prefix + "c0" : "");
        }
        List<String> outputs = new ArrayList<>(List.of(prefix + "Y", prefix + "Y_h"));
        if (lstm) {
            outputs.add(prefix + "Y_c");
        }
        List<OnnxMl.AttributeProto> attrs = new ArrayList<>(
                List.of(OnnxGraphs.intAttr("hidden_size", H), OnnxGraphs.stringAttr("direction", direction)));
        if (kind.startsWith("GRU")) {
            attrs.add(OnnxGraphs.intAttr("linear_before_reset", kind.equals("GRU1") ? 1 : 0));
        }
        String op = kind.startsWith("GRU") ? "GRU" : kind;
        g.addNode(OnnxGraphs.node(
                op,
                prefix + op,
                inputs.toArray(String[]::new),
                outputs.toArray(String[]::new),
                attrs.toArray(OnnxMl.AttributeProto[]::new)));
    }

    private static Map<String, float[]> run(byte[] model, Map<String, OnnxTensor> feeds) throws OrtException {
        try (OrtSession.SessionOptions opts = new OrtSession.SessionOptions();
                OrtSession session = env.createSession(model, opts);
                OrtSession.Result result = session.run(feeds)) {
            Map<String, float[]> out = new HashMap<>();
            for (Map.Entry<String, OnnxValue> e : result) {
                OnnxTensor t = (OnnxTensor) e.getValue();
                FloatBuffer fb = t.getFloatBuffer();
                float[] d = new float[fb.remaining()];
                fb.get(d);
                out.put(e.getKey(), d);
            }
            return out;
        }
    }

    private static void assertClose(float[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what + " length");
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            worst = Math.max(worst, Math.abs(expected[i] - actual[i]));
        }
        System.out.printf("%-40s max |onnxruntime − seqlab| = %.2e%n", what, worst);
        if (!(worst <= TOLERANCE)) {
            throw new AssertionError(what + ": max difference " + worst + " > " + TOLERANCE);
        }
    }

    @ParameterizedTest(name = "{0} {1} lengths={2} initial={3}")
    @CsvSource({
        "LSTM, forward, false, false",
        "LSTM, reverse, false, true",
        "LSTM, bidirectional, true, true",
        "LSTM, forward, true, false",
        "LSTM, reverse, true, false",
        "GRU0, forward, false, false",
        "GRU0, bidirectional, true, true",
        "GRU1, forward, false, true",
        "GRU1, reverse, true, false",
        "GRU1, bidirectional, false, false",
        "RNN, forward, false, true",
        "RNN, reverse, true, false",
        "RNN, bidirectional, true, true",
    })
    void singleLayerMatchesOnnxRuntime(String kind, String direction, boolean lengths, boolean initial)
            throws OrtException {
        SeededRandom rng = new SeededRandom(kind.hashCode() + direction.hashCode());
        int dirs = direction.equals("bidirectional") ? 2 : 1;
        boolean lstm = kind.equals("LSTM");
        List<RecurrentCell> cells = new ArrayList<>();
        for (int d = 0; d < dirs; d++) {
            cells.add(cell(kind, I, 100 + d + kind.length()));
        }
        float[] x = random(rng, T * B * I);
        int[] seqLens = {T, 2, 5};
        float[] h0 = random(rng, dirs * B * H);
        float[] c0 = random(rng, dirs * B * H);

        GraphProto.Builder g = GraphProto.newBuilder().setName("reference");
        g.addInput(OnnxGraphs.value("X", FLOAT, T, B, I));
        if (lengths) {
            g.addInput(OnnxGraphs.value("seq_lens", INT32, B));
        }
        if (initial) {
            g.addInput(OnnxGraphs.value("h0", FLOAT, dirs, B, H));
            if (lstm) {
                g.addInput(OnnxGraphs.value("c0", FLOAT, dirs, B, H));
            }
        }
        addNode(g, "", kind, cells, "X", direction, lengths, initial);
        g.addOutput(OnnxGraphs.untypedShape("Y"));
        g.addOutput(OnnxGraphs.untypedShape("Y_h"));
        if (lstm) {
            g.addOutput(OnnxGraphs.untypedShape("Y_c"));
        }
        Map<String, OnnxTensor> feeds = new HashMap<>();
        try {
            feeds.put("X", OnnxTensor.createTensor(env, FloatBuffer.wrap(x), new long[] {T, B, I}));
            if (lengths) {
                feeds.put("seq_lens", OnnxTensor.createTensor(env, IntBuffer.wrap(seqLens), new long[] {B}));
            }
            if (initial) {
                feeds.put("h0", OnnxTensor.createTensor(env, FloatBuffer.wrap(h0), new long[] {dirs, B, H}));
                if (lstm) {
                    feeds.put("c0", OnnxTensor.createTensor(env, FloatBuffer.wrap(c0), new long[] {dirs, B, H}));
                }
            }
            Map<String, float[]> ort = run(OnnxGraphs.model(g.build()), feeds);

            float[] y = new float[T * dirs * B * H];
            float[] yh = new float[dirs * B * H];
            float[] yc = new float[dirs * B * H];
            for (int d = 0; d < dirs; d++) {
                Direction dir = direction.equals("reverse") || d == 1 ? Direction.REVERSE : Direction.FORWARD;
                Tensor h0d = initial ? Tensor.of(Arrays.copyOfRange(h0, d * B * H, (d + 1) * B * H), B, H) : null;
                Tensor c0d =
                        initial && lstm ? Tensor.of(Arrays.copyOfRange(c0, d * B * H, (d + 1) * B * H), B, H) : null;
                CellOutput o = cells.get(d).forward(Tensor.wrap(x, T, B, I), h0d, c0d, lengths ? seqLens : null, dir);
                for (int t = 0; t < T; t++) {
                    System.arraycopy(o.outputs().data(), t * B * H, y, (t * dirs + d) * B * H, B * H);
                }
                System.arraycopy(o.lastHidden().data(), 0, yh, d * B * H, B * H);
                if (lstm) {
                    System.arraycopy(o.lastCell().data(), 0, yc, d * B * H, B * H);
                }
            }
            String what = kind + " " + direction + (lengths ? " lens" : "") + (initial ? " init" : "");
            assertClose(ort.get("Y"), y, what + " Y");
            assertClose(ort.get("Y_h"), yh, what + " Y_h");
            if (lstm) {
                assertClose(ort.get("Y_c"), yc, what + " Y_c");
            }
        } finally {
            feeds.values().forEach(OnnxTensor::close);
        }
    }

    /** Two stacked bidirectional layers: ONNX needs Transpose + Reshape between them. */
    @ParameterizedTest(name = "two bidirectional {0} layers")
    @CsvSource({"LSTM", "GRU1", "GRU0", "RNN"})
    void twoBidirectionalLayersMatchOnnxRuntime(String kind) throws OrtException {
        SeededRandom rng = new SeededRandom(77);
        List<RecurrentCell> l1 = List.of(cell(kind, I, 1), cell(kind, I, 2));
        List<RecurrentCell> l2 = List.of(cell(kind, 2 * H, 3), cell(kind, 2 * H, 4));
        float[] x = random(rng, T * B * I);
        GraphProto.Builder g = GraphProto.newBuilder().setName("stack");
        g.addInput(OnnxGraphs.value("X", FLOAT, T, B, I));
        addNode(g, "l1_", kind, l1, "X", "bidirectional", false, false);
        g.addNode(OnnxGraphs.node(
                "Transpose",
                "t1",
                new String[] {"l1_Y"},
                new String[] {"l1_T"},
                OnnxGraphs.intsAttr("perm", 0, 2, 1, 3)));
        g.addInitializer(OnnxGraphs.longs("shape2", new long[] {T, B, 2L * H}, 3));
        g.addNode(OnnxGraphs.node("Reshape", "r1", new String[] {"l1_T", "shape2"}, new String[] {"l2_in"}));
        addNode(g, "l2_", kind, l2, "l2_in", "bidirectional", false, false);
        g.addOutput(OnnxGraphs.untypedShape("l2_Y"));
        g.addOutput(OnnxGraphs.untypedShape("l2_Y_h"));
        if (kind.equals("LSTM")) {
            g.addOutput(OnnxGraphs.untypedShape("l2_Y_c"));
            g.addOutput(OnnxGraphs.untypedShape("l1_Y_h"));
        }
        Map<String, float[]> ort;
        try (OnnxTensor xt = OnnxTensor.createTensor(env, FloatBuffer.wrap(x), new long[] {T, B, I})) {
            ort = run(OnnxGraphs.model(g.build()), Map.of("X", xt));
        }
        // seqlab: concatenate the two directions' outputs per time step as layer 2's input
        Tensor in = Tensor.wrap(x, T, B, I);
        float[] y2 = null;
        for (List<RecurrentCell> layer : List.of(l1, l2)) {
            CellOutput f = layer.get(0).forward(in, null, null, null, Direction.FORWARD);
            CellOutput r = layer.get(1).forward(in, null, null, null, Direction.REVERSE);
            float[] cat = new float[T * B * 2 * H];
            y2 = new float[T * 2 * B * H];
            for (int t = 0; t < T; t++) {
                for (int b = 0; b < B; b++) {
                    System.arraycopy(f.outputs().data(), (t * B + b) * H, cat, (t * B + b) * 2 * H, H);
                    System.arraycopy(r.outputs().data(), (t * B + b) * H, cat, (t * B + b) * 2 * H + H, H);
                }
                System.arraycopy(f.outputs().data(), t * B * H, y2, (t * 2) * B * H, B * H);
                System.arraycopy(r.outputs().data(), t * B * H, y2, (t * 2 + 1) * B * H, B * H);
            }
            in = Tensor.wrap(cat, T, B, 2 * H);
        }
        assertClose(ort.get("l2_Y"), y2, "two bidirectional " + kind + " layers Y");
    }
}
