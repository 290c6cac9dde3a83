package dev.seqlab.rnn.cell;

import static dev.seqlab.core.testing.TestTensors.normal;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seqlab.core.random.SeededRandom;
import dev.seqlab.core.tensor.Tensor;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CellSemanticsTest {

    private static Tensor slice(Tensor x, int t) {
        int b = x.dim(1);
        int w = x.dim(2);
        return Tensor.wrap(Arrays.copyOfRange(x.data(), t * b * w, (t + 1) * b * w), b, w);
    }

    @ParameterizedTest
    @ValueSource(strings = {"rnn", "lstm", "gru0", "gru1"})
    void sequenceEqualsChainedSteps(String kind) {
        SeededRandom rng = new SeededRandom(1);
        RecurrentCell cell = CellFixtures.cell(kind, 3, 4, 2);
        Tensor x = normal(rng, 1, 6, 2, 3);
        CellOutput seq = cell.forward(x, null, null, null, Direction.FORWARD);
        Tensor h = null;
        Tensor c = null;
        for (int t = 0; t < 6; t++) {
            CellOutput st = cell.step(slice(x, t), h, c);
            h = st.lastHidden();
            c = st.lastCell();
            assertArrayEquals(slice(seq.outputs(), t).data(), h.data(), "step " + t);
        }
        assertArrayEquals(seq.lastHidden().data(), h.data());
    }

    @ParameterizedTest
    @ValueSource(strings = {"rnn", "lstm", "gru0", "gru1"})
    void reverseEqualsForwardOverReversedTime(String kind) {
        SeededRandom rng = new SeededRandom(3);
        RecurrentCell cell = CellFixtures.cell(kind, 3, 4, 4);
        int steps = 5;
        Tensor x = normal(rng, 1, steps, 2, 3);
        Tensor flipped = Tensor.zeros(steps, 2, 3);
        for (int t = 0; t < steps; t++) {
            System.arraycopy(x.data(), t * 6, flipped.data(), (steps - 1 - t) * 6, 6);
        }
        CellOutput rev = cell.forward(x, null, null, null, Direction.REVERSE);
        CellOutput fwd = cell.forward(flipped, null, null, null, Direction.FORWARD);
        for (int t = 0; t < steps; t++) {
            assertArrayEquals(
                    slice(fwd.outputs(), steps - 1 - t).data(),
                    slice(rev.outputs(), t).data());
        }
        assertArrayEquals(fwd.lastHidden().data(), rev.lastHidden().data());
    }

    @ParameterizedTest
    @ValueSource(strings = {"lstm", "gru1"})
    void paddedStepsAreIgnored(String kind) {
        SeededRandom rng = new SeededRandom(5);
        RecurrentCell cell = CellFixtures.cell(kind, 3, 4, 6);
        int steps = 6;
        Tensor x = normal(rng, 1, steps, 2, 3);
        int[] lengths = {6, 3};
        for (Direction dir : Direction.values()) {
            CellOutput padded = cell.forward(x, null, null, lengths, dir);
            // sequence 1 alone, truncated to its 3 steps
            Tensor alone = Tensor.zeros(3, 1, 3);
            for (int t = 0; t < 3; t++) {
                System.arraycopy(x.data(), (t * 2 + 1) * 3, alone.data(), t * 3, 3);
            }
            CellOutput ref = cell.forward(alone, null, null, null, dir);
            for (int t = 0; t < steps; t++) {
                float[] got = Arrays.copyOfRange(padded.outputs().data(), (t * 2 + 1) * 4, (t * 2 + 2) * 4);
                float[] want = t < 3 ? Arrays.copyOfRange(ref.outputs().data(), t * 4, (t + 1) * 4) : new float[4];
                assertArrayEquals(want, got, 1e-6f, dir + " t=" + t);
            }
            assertArrayEquals(
                    ref.lastHidden().data(),
                    Arrays.copyOfRange(padded.lastHidden().data(), 4, 8),
                    1e-6f);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"rnn", "lstm", "gru0"})
    void badShapesAreExplained(String kind) {
        RecurrentCell cell = CellFixtures.cell(kind, 3, 4, 6);
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> cell.forward(Tensor.zeros(2, 1, 5), null, null, null, Direction.FORWARD));
        assertTrue(e.getMessage().contains("[T, B, 3]"), e.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> cell.forward(Tensor.zeros(2, 1, 3), Tensor.zeros(1, 3), null, null, Direction.FORWARD));
        assertThrows(
                IllegalArgumentException.class,
                () -> cell.forward(Tensor.zeros(2, 2, 3), null, null, new int[] {2, 3}, Direction.FORWARD));
    }

    @ParameterizedTest
    @ValueSource(strings = {"lstm"})
    void lstmForgetBiasStartsAtOne(String kind) {
        RecurrentCell cell = CellFixtures.cell(kind, 3, 4, 6);
        LstmCell fresh = new LstmCell("l", 3, 4);
        fresh.initialize(new SeededRandom(1));
        float[] wb = fresh.wb().value().data();
        for (int j = 0; j < 16; j++) {
            assertEquals(j >= 8 && j < 12 ? 1f : 0f, wb[j]);
        }
        assertEquals(4 * 4 * 3, cell.w().size());
    }
}
