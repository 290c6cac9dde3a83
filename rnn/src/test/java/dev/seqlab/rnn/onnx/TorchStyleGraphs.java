package dev.seqlab.rnn.onnx;

import ai.onnx.proto.OnnxMl.ModelProto;
import dev.seqlab.core.random.SeededRandom;
import dev.seqlab.onnx.HostTensor;
import dev.seqlab.onnx.graph.GraphBuilder;
import dev.seqlab.rnn.cell.CellKind;
import dev.seqlab.rnn.cell.RecurrentCell;
import dev.seqlab.rnn.layer.Dense;
import dev.seqlab.rnn.layer.Embedding;
import dev.seqlab.rnn.layer.RecurrentLayer;
import dev.seqlab.rnn.layer.RecurrentOptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * ONNX graphs laid out as {@code torch.onnx.export} writes them (embedding Gather, Transpose to
 * time-major, one recurrent node per layer with Slice'd initial states and Squeeze or
 * Transpose+Reshape between layers, Concat'ed final states, MatMul+Add head), built from weights
 * held by seqlab's own layers; shared by the import tests here and the ONNX Runtime checks in
 * onnx-conformance.
 */
final class TorchStyleGraphs {
    static final int V = 9;   // vocabulary
    static final int E = 4;   // embedding width
    static final int H = 5;   // hidden
    static final int B = 3;
    static final int T = 6;

    private TorchStyleGraphs() {
    }

    /** A model held natively by seqlab layers. */
    record Native(Embedding embedding, RecurrentLayer rnn, Dense head) {
    }

    static Native nativeModel(CellKind kind, int layers, boolean bidirectional, boolean lbr, long seed) {
        SeededRandom rng = new SeededRandom(seed);
        Embedding e = new Embedding("emb", V, E, Embedding.NO_PADDING);
        e.initialize(rng);
        RecurrentLayer rnn = RecurrentLayer.create("rnn", new RecurrentOptions(kind, E, H, layers, bidirectional, 0f, lbr), rng);
        int dirs = bidirectional ? 2 : 1;
        Dense head = new Dense("head", dirs * H, V);
        head.initialize(rng);
        Compare.perturb(rnn.parameters(), rng, 0.3);
        Compare.perturb(head.parameters(), rng, 0.3);
        return new Native(e, rnn, head);
    }

    /** Writes one recurrent node per layer as torch does; returns the top layer's [T, B, dirs·H] output. */
    static String torchLayers(GraphBuilder g, RecurrentLayer rnn, String x, boolean initial, String seqLens,
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
            g.floats(p + "W", RecurrentFixtures.concat(w), dirs, gh, inSize);
            g.floats(p + "R", RecurrentFixtures.concat(r), dirs, gh, H);
            g.floats(p + "B", RecurrentFixtures.concat(b), dirs, 2L * gh);
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

    static Map<String, float[]> floatsOf(Map<String, HostTensor> out) {
        Map<String, float[]> m = new HashMap<>();
        out.forEach((k, v) -> m.put(k, v.floats()));
        return m;
    }
}
