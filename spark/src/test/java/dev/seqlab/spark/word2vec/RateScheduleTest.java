package dev.seqlab.spark.word2vec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * The learning rate of a task, computed by hand for 5 epochs from 0.025 to 0.0001 (a fall of
 * 0.0249): linear over all epochs with one part, a sawtooth with two.
 */
class RateScheduleTest {

    @Test
    void onePartFallsLinearlyOverAllEpochs() {
        RateSchedule linear = new RateSchedule(0.025, 0.0001, 5, 1);
        assertEquals(0.025f, linear.alpha(0, 0), 1e-9f);
        // epoch 2 (the third), half done: 2.5 / 5 of the fall
        assertEquals(0.025f - 0.0249f * 0.5f, linear.alpha(2, 0.5), 1e-7f);
        assertEquals(0.0001f, linear.alpha(4, 1), 1e-9f);
        assertEquals(0.0001f, linear.alpha(4, 1.3), 1e-9f, "past the end stays at the end rate");
    }

    @Test
    void twoPartsRunEachEpochOverHalfItsShareOfTheFall() {
        RateSchedule sawtooth = new RateSchedule(0.025, 0.0001, 5, 2);
        // epoch 1 starts where the linear fall does (1/5) ...
        assertEquals(0.025f - 0.0249f * 0.2f, sawtooth.alpha(1, 0), 1e-7f);
        // ... half done: (1 + 0.5 / 2) / 5 = 0.25 of the fall
        assertEquals(0.025f - 0.0249f * 0.25f, sawtooth.alpha(1, 0.5), 1e-7f);
        // ... and ends at (1 + 1/2) / 5 = 0.3, above the next epoch's start (0.4): a sawtooth
        assertEquals(0.025f - 0.0249f * 0.3f, sawtooth.alpha(1, 1), 1e-7f);
        // the last epoch ends at 0.9 of the fall, not at the end rate
        assertEquals(0.025f - 0.0249f * 0.9f, sawtooth.alpha(4, 1), 1e-7f);
        assertEquals(0.9, sawtooth.place(4, 2), 1e-12, "a task past its epoch's end stays at the epoch's last rate");
    }

    @Test
    void rejectsNoPart() {
        assertThrows(IllegalArgumentException.class, () -> new RateSchedule(0.025, 0.0001, 5, 0));
        assertThrows(IllegalArgumentException.class, () -> SparkWord2VecOptions.defaults()
                .withRateParts(0));
    }
}
