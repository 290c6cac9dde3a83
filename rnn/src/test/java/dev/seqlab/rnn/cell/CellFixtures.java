package dev.seqlab.rnn.cell;

import dev.seqlab.core.random.SeededRandom;

/** Cells for the tests, all from seeds (random inputs: dev.seqlab.core.testing.TestTensors). */
final class CellFixtures {

    private CellFixtures() {}

    static RecurrentCell cell(String kind, int in, int hid, long seed) {
        RecurrentCell c =
                switch (kind) {
                    case "rnn" -> new RnnCell("cell", in, hid);
                    case "lstm" -> new LstmCell("cell", in, hid);
                    case "gru0" -> new GruCell("cell", in, hid, false);
                    case "gru1" -> new GruCell("cell", in, hid, true);
                    default -> throw new IllegalArgumentException(kind);
                };
        SeededRandom rng = new SeededRandom(seed);
        c.initialize(rng);
        // non-zero biases so every bias path is exercised
        for (float[] b : new float[][] {c.wb().value().data(), c.rb().value().data()}) {
            for (int i = 0; i < b.length; i++) {
                b[i] += (float) (0.3 * rng.nextGaussian());
            }
        }
        return c;
    }
}
