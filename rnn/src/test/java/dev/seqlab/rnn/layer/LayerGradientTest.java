package dev.seqlab.rnn.layer;

import static dev.seqlab.core.testing.TestTensors.dot;
import static dev.seqlab.core.testing.TestTensors.normal;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.seqlab.core.gradcheck.GradientCheckReport;
import dev.seqlab.core.gradcheck.GradientChecker;
import dev.seqlab.core.param.Parameter;
import dev.seqlab.core.param.Parameters;
import dev.seqlab.core.random.SeededRandom;
import dev.seqlab.core.tensor.Tensor;
import dev.seqlab.rnn.cell.CellKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Finite-difference checks of every layer (float32 forward passes: {@link GradientChecker.Options#float32()}). */
class LayerGradientTest {
    private static final double TOLERANCE = 2e-3;

    @ParameterizedTest(name = "{0} layers={1} bidirectional={2} dropout={3} lengths={4}")
    @CsvSource({
        "LSTM, 2, true, 0.0, true",
        "LSTM, 2, false, 0.3, false",
        "GRU, 2, true, 0.2, true",
        "RNN, 3, true, 0.0, false",
    })
    void recurrentLayer(CellKind kind, int layers, boolean bidi, float dropout, boolean ragged) {
        int steps = 4;
        int batch = 3;
        int in = 3;
        int hid = 4;
        SeededRandom rng = new SeededRandom(42);
        RecurrentOptions o = RecurrentOptions.of(kind, in, hid)
                .withLayers(layers)
                .withBidirectional(bidi)
                .withDropout(dropout);
        RecurrentLayer layer = RecurrentLayer.create("rnn", o, rng);
        int slots = layers * o.directions();
        boolean lstm = kind == CellKind.LSTM;
        Parameter x = Parameter.of("x", normal(rng, 1, steps, batch, in));
        Parameter h0 = Parameter.of("h0", normal(rng, 0.5, slots, batch, hid));
        Parameter c0 = Parameter.of("c0", normal(rng, 0.5, slots, batch, hid));
        int[] lengths = ragged ? new int[] {4, 1, 3} : null;
        Tensor wy = normal(rng, 1, steps, batch, o.outputSize());
        Tensor wh = normal(rng, 1, slots, batch, hid);
        Tensor wc = normal(rng, 1, slots, batch, hid);
        List<Parameter> checked = new ArrayList<>(layer.parameters().list());
        checked.add(x);
        checked.add(h0);
        if (lstm) {
            checked.add(c0);
        }
        Parameters all = new Parameters();
        checked.forEach(all::add);
        // the same dropout masks on every evaluation: a fresh generator with one seed
        GradientCheckReport r = GradientChecker.check(
                checked,
                () -> {
                    RecurrentOutput out = layer.forward(
                            x.value(), lengths, h0.value(), lstm ? c0.value() : null, true, new SeededRandom(9));
                    return dot(out.outputs(), wy) + dot(out.lastHidden(), wh) + (lstm ? dot(out.lastCell(), wc) : 0);
                },
                () -> {
                    all.zeroGrads();
                    RecurrentOutput out = layer.forward(
                            x.value(), lengths, h0.value(), lstm ? c0.value() : null, true, new SeededRandom(9));
                    RecurrentGradients g = layer.backward(out.cache(), wy, wh, lstm ? wc : null);
                    x.grad().copyFrom(g.inputs());
                    h0.grad().copyFrom(g.initialHidden());
                    if (lstm) {
                        c0.grad().copyFrom(g.initialCell());
                    }
                },
                GradientChecker.Options.float32());
        System.out.println(kind + " x" + layers + (bidi ? " bidirectional" : "") + " dropout " + dropout + "\n" + r);
        r.assertBelow(TOLERANCE);
    }

    @Test
    void backwardWithoutInputGradientGivesTheSameWeightGradients() {
        SeededRandom rng = new SeededRandom(5);
        RecurrentLayer layer = RecurrentLayer.create(
                "rnn", RecurrentOptions.of(CellKind.LSTM, 3, 4).withLayers(2).withBidirectional(true), rng);
        Tensor x = normal(rng, 1, 5, 2, 3);
        Tensor wy = normal(rng, 1, 5, 2, 8);
        Parameters params = layer.parameters();
        RecurrentOutput out = layer.forward(x, new int[] {5, 2}, null, null, false, null);
        params.zeroGrads();
        RecurrentGradients full = layer.backward(out.cache(), wy, null, null);
        List<float[]> expected = new ArrayList<>();
        params.list().forEach(p -> expected.add(p.grad().data().clone()));
        params.zeroGrads();
        RecurrentGradients skipped = layer.backward(out.cache(), wy, null, null, false);
        assertEquals(null, skipped.inputs());
        assertArrayEquals(full.initialHidden().data(), skipped.initialHidden().data());
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(
                    expected.get(i),
                    params.list().get(i).grad().data(),
                    params.list().get(i).name());
        }
    }

    @Test
    void denseLayer() {
        SeededRandom rng = new SeededRandom(1);
        Dense dense = new Dense("out", 5, 3);
        dense.initialize(rng);
        dense.b().value().data()[1] = 0.7f;
        Parameter x = Parameter.of("x", normal(rng, 1, 4, 5));
        Tensor w = normal(rng, 1, 4, 3);
        List<Parameter> checked = new ArrayList<>(dense.parameters().list());
        checked.add(x);
        Parameters all = new Parameters();
        checked.forEach(all::add);
        GradientChecker.check(
                        checked,
                        () -> dot(dense.forward(x.value()), w),
                        () -> {
                            all.zeroGrads();
                            x.grad().copyFrom(dense.backward(x.value(), w));
                        },
                        GradientChecker.Options.float32())
                .assertBelow(TOLERANCE);
    }

    @Test
    void embeddingWithPadding() {
        SeededRandom rng = new SeededRandom(2);
        Embedding emb = new Embedding("emb", 6, 3, 0);
        emb.initialize(rng);
        int[] ids = {1, 0, 5, 1, 2};
        Tensor w = normal(rng, 1, 5, 3);
        GradientCheckReport r = GradientChecker.check(
                emb.parameters().list(),
                () -> dot(emb.forward(ids), w),
                () -> {
                    emb.parameters().zeroGrads();
                    emb.backward(ids, w);
                },
                GradientChecker.Options.float32());
        r.assertBelow(TOLERANCE);
        // padding row: zero vectors out, no gradient in
        assertArrayEquals(new float[3], Arrays.copyOfRange(emb.forward(ids).data(), 3, 6));
        assertArrayEquals(new float[3], Arrays.copyOfRange(emb.table().grad().data(), 0, 3));
        assertThrows(IllegalArgumentException.class, () -> emb.forward(new int[] {7}));
    }

    @Test
    void softmaxCrossEntropyIgnoresPadding() {
        SeededRandom rng = new SeededRandom(3);
        int rows = 5;
        int classes = 4;
        Parameter z = Parameter.of("logits", normal(rng, 2, rows, classes));
        int[] y = {2, -1, 0, 3, -1};
        GradientChecker.check(
                        List.of(z),
                        () -> SoftmaxCrossEntropy.lossAndGradient(
                                rows, classes, z.value().data(), y, -1, null),
                        () -> SoftmaxCrossEntropy.lossAndGradient(
                                rows, classes, z.value().data(), y, -1, z.grad().data()),
                        GradientChecker.Options.float32())
                .assertBelow(TOLERANCE);
        // hand-computed: uniform logits give log(V) per counted row
        float[] flat = new float[2 * 3];
        assertEquals(Math.log(3), SoftmaxCrossEntropy.lossAndGradient(2, 3, flat, new int[] {1, 2}, -1, null), 1e-6);
        float[] d = new float[6];
        SoftmaxCrossEntropy.lossAndGradient(2, 3, flat, new int[] {1, -1}, -1, d);
        assertArrayEquals(new float[] {1f / 3, 1f / 3 - 1, 1f / 3, 0, 0, 0}, d, 1e-6f);
        assertThrows(
                IllegalArgumentException.class,
                () -> SoftmaxCrossEntropy.lossAndGradient(1, 3, new float[3], new int[] {3}, -1, null));
    }

    @Test
    void dropoutIsOffAtInferenceAndSeeded() {
        SeededRandom rng = new SeededRandom(4);
        RecurrentLayer layer = RecurrentLayer.create(
                "l", RecurrentOptions.of(CellKind.LSTM, 3, 4).withLayers(2).withDropout(0.5f), rng);
        Tensor x = normal(rng, 1, 3, 2, 3);
        Tensor a = layer.forward(x, null, null, null, false, null).outputs();
        Tensor b = layer.forward(x, null, null, null, false, null).outputs();
        assertArrayEquals(a.data(), b.data());
        Tensor t1 =
                layer.forward(x, null, null, null, true, new SeededRandom(5)).outputs();
        Tensor t2 =
                layer.forward(x, null, null, null, true, new SeededRandom(5)).outputs();
        assertArrayEquals(t1.data(), t2.data());
        assertThrows(IllegalArgumentException.class, () -> layer.forward(x, null, null, null, true, null));
        assertThrows(IllegalArgumentException.class, () -> RecurrentOptions.of(CellKind.GRU, 3, 4)
                .withDropout(1.0f));
    }
}
