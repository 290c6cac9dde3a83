package dev.seqlab.embeddings.fasttext.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * fastText's training sigmoid (loss.cc: {@code MAX_SIGMOID} 8, {@code SIGMOID_TABLE_SIZE} 512,
 * index {@code int((x + 8) * 512 / 8 / 2)}) against values of 1/(1+e^-x) at the table points,
 * computed outside Java.
 */
class FastTextSigmoidTest {
    private static final FastTextSigmoid S = FastTextSigmoid.INSTANCE;

    @Test
    void saturatesBeyondEight() {
        assertEquals(8f, S.saturation());
        assertEquals(0f, S.at(-8.01f));
        assertEquals(1f, S.at(8.01f));
        assertEquals(0.0003353501304664781, S.at(-8f), 1e-9);
        assertEquals(0.9996646498695336, S.at(8f), 1e-7);
    }

    @Test
    void takesTheLeftEndOfTheBin() {
        assertEquals(0.5f, S.at(0f));
        assertEquals(0.5f, S.at(0.03f)); // bin 256 spans [0, 1/32)
        assertEquals(0.4921881357207956, S.at(-0.01f), 1e-7); // bin 255 starts at -1/32
        assertEquals(0.9994472213630764, S.at(7.5f), 1e-7); // bin 496, exactly on its point
        assertEquals(0.9994472213630764, S.at(7.52f), 1e-7);
    }

    @Test
    void trainsBetweenSixAndEightWhereWord2VecSaturates() {
        float x = 6.5f;
        assertEquals(0.998498817743263, S.at(x), 1e-6); // sigma(6.5): point 464 = 6.5 exactly
    }
}
