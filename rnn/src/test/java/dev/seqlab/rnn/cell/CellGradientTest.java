package dev.seqlab.rnn.cell;

import static dev.seqlab.core.testing.TestTensors.dot;
import static dev.seqlab.core.testing.TestTensors.normal;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.seqlab.core.gradcheck.GradientCheckReport;
import dev.seqlab.core.gradcheck.GradientChecker;
import dev.seqlab.core.param.Parameter;
import dev.seqlab.core.param.Parameters;
import dev.seqlab.core.random.SeededRandom;
import dev.seqlab.core.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Finite-difference checks of every cell's backward pass through whole sequences, for weights,
 * inputs and initial states. The loss is a fixed random projection of all outputs and final
 * states, so every output matters. The forward pass is float32, so the checker runs with
 * {@link GradientChecker.Options#float32()}: step 1e-2, and disagreement within the numeric
 * estimate's rounding noise (64 ulp·max(|L|, 1)/h) not counted. Correct passes show norm ratios near
 * 1e-5; a wrong term shows errors of order 1 on the entries it touches.
 */
class CellGradientTest {
    private static final double TOLERANCE = 2e-3;

    @ParameterizedTest(name = "{0} {1} lengths={2}")
    @CsvSource({
        "rnn, FORWARD, false",
        "rnn, REVERSE, true",
        "lstm, FORWARD, false",
        "lstm, REVERSE, false",
        "lstm, FORWARD, true",
        "lstm, REVERSE, true",
        "gru0, FORWARD, false",
        "gru0, REVERSE, true",
        "gru1, FORWARD, false",
        "gru1, REVERSE, true",
        "gru1, FORWARD, true",
    })
    void sequenceBackwardMatchesFiniteDifferences(String kind, Direction dir, boolean ragged) {
        int steps = 5;
        int batch = 3;
        int in = 4;
        int hid = 6;
        SeededRandom rng = new SeededRandom(kind.hashCode() * 31L + dir.ordinal());
        RecurrentCell cell = CellFixtures.cell(kind, in, hid, 7);
        Parameter x = Parameter.of("x", normal(rng, 1.0, steps, batch, in));
        Parameter h0 = Parameter.of("h0", normal(rng, 0.5, batch, hid));
        Parameter c0 = Parameter.of("c0", normal(rng, 0.5, batch, hid));
        boolean lstm = cell.kind().hasCellState();
        int[] lengths = ragged ? new int[] {5, 2, 4} : null;
        Tensor wy = normal(rng, 1.0, steps, batch, hid);
        Tensor wh = normal(rng, 1.0, batch, hid);
        Tensor wc = normal(rng, 1.0, batch, hid);

        List<Parameter> checked = new ArrayList<>(cell.parameters().list());
        checked.add(x);
        checked.add(h0);
        if (lstm) {
            checked.add(c0);
        }
        Parameters all = new Parameters();
        checked.forEach(all::add);

        GradientCheckReport report = GradientChecker.check(
                checked,
                () -> {
                    CellOutput o = cell.forward(x.value(), h0.value(), lstm ? c0.value() : null, lengths, dir);
                    return dot(o.outputs(), wy) + dot(o.lastHidden(), wh) + (lstm ? dot(o.lastCell(), wc) : 0);
                },
                () -> {
                    all.zeroGrads();
                    CellOutput o = cell.forward(x.value(), h0.value(), lstm ? c0.value() : null, lengths, dir);
                    CellGradients g = cell.backward(o.cache(), wy, wh, lstm ? wc : null);
                    x.grad().copyFrom(g.inputs());
                    h0.grad().copyFrom(g.initialHidden());
                    if (lstm) {
                        c0.grad().copyFrom(g.initialCell());
                    }
                },
                GradientChecker.Options.float32());
        System.out.println(kind + " " + dir + (ragged ? " ragged" : "") + "\n" + report);
        report.assertBelow(TOLERANCE);
    }

    @ParameterizedTest(name = "{0} one step")
    @CsvSource({"rnn", "lstm", "gru0", "gru1"})
    void stepBackwardMatchesFiniteDifferences(String kind) {
        int batch = 2;
        int in = 3;
        int hid = 5;
        SeededRandom rng = new SeededRandom(kind.length());
        RecurrentCell cell = CellFixtures.cell(kind, in, hid, 11);
        boolean lstm = cell.kind().hasCellState();
        Parameter x = Parameter.of("x", normal(rng, 1.0, batch, in));
        Parameter hp = Parameter.of("h_prev", normal(rng, 0.5, batch, hid));
        Parameter cp = Parameter.of("c_prev", normal(rng, 0.5, batch, hid));
        Tensor wh = normal(rng, 1.0, batch, hid);
        Tensor wc = normal(rng, 1.0, batch, hid);
        List<Parameter> checked = new ArrayList<>(cell.parameters().list());
        checked.addAll(lstm ? List.of(x, hp, cp) : List.of(x, hp));
        Parameters all = new Parameters();
        checked.forEach(all::add);
        GradientChecker.check(
                        checked,
                        () -> {
                            CellOutput o = cell.step(x.value(), hp.value(), lstm ? cp.value() : null);
                            return dot(o.lastHidden(), wh) + (lstm ? dot(o.lastCell(), wc) : 0);
                        },
                        () -> {
                            all.zeroGrads();
                            CellOutput o = cell.step(x.value(), hp.value(), lstm ? cp.value() : null);
                            CellGradients g = cell.stepBackward(o, wh, lstm ? wc : null);
                            x.grad().copyFrom(g.inputs().reshape(batch, in));
                            hp.grad().copyFrom(g.initialHidden());
                            if (lstm) {
                                cp.grad().copyFrom(g.initialCell());
                            }
                        },
                        GradientChecker.Options.float32())
                .assertBelow(TOLERANCE);
    }

    /**
     * One-hot inputs (with zero rows, as before a text's first character) take the row-picking
     * projection and row-sum weight gradient of {@link OneHotRows}: the weights' gradients still
     * match finite differences, and the outputs match those of the same inputs with one entry
     * nudged off one, which goes through the dense products.
     */
    @ParameterizedTest(name = "{0} one-hot inputs")
    @CsvSource({"lstm", "gru1"})
    void oneHotInputsMatchFiniteDifferencesAndTheDenseProduct(String kind) {
        int steps = 4;
        int batch = 3;
        int in = 5;
        int hid = 4;
        SeededRandom rng = new SeededRandom(kind.length() + 100L);
        RecurrentCell cell = CellFixtures.cell(kind, in, hid, 13);
        Tensor x = Tensor.zeros(steps, batch, in);
        for (int r = 1; r < steps * batch; r++) {
            x.data()[r * in + (r * 7) % in] = 1f;
        }
        Tensor wy = normal(rng, 1.0, steps, batch, hid);
        assertArrayEquals(new int[] {-1, 2}, Arrays.copyOf(OneHotRows.of(x.data(), steps * batch, in), 2));
        Tensor nudged = Tensor.wrap(x.data().clone(), steps, batch, in);
        nudged.data()[in + 2] = Math.nextUp(1f);
        assertEquals(null, OneHotRows.of(nudged.data(), steps * batch, in));
        float[] picked =
                cell.forward(x, null, null, null, Direction.FORWARD).outputs().data();
        float[] dense = cell.forward(nudged, null, null, null, Direction.FORWARD)
                .outputs()
                .data();
        for (int i = 0; i < picked.length; i++) {
            assertEquals(dense[i], picked[i], 1e-5f, "output " + i);
        }
        Parameters params = cell.parameters();
        GradientChecker.check(
                        params.list(),
                        () -> dot(
                                cell.forward(x, null, null, null, Direction.FORWARD)
                                        .outputs(),
                                wy),
                        () -> {
                            params.zeroGrads();
                            CellOutput o = cell.forward(x, null, null, null, Direction.FORWARD);
                            cell.backward(o.cache(), wy, null, null, false);
                        },
                        GradientChecker.Options.float32())
                .assertBelow(TOLERANCE);
        CellOutput o = cell.forward(x, null, null, null, Direction.FORWARD);
        assertEquals(null, cell.backward(o.cache(), wy, null, null, false).inputs());
    }
}
