package dev.seqlab.core.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LearningRateScheduleTest {

    @Test
    void constant() {
        LearningRateSchedule s = LearningRateSchedule.constant(0.01);
        assertEquals(0.01, s.rate(0));
        assertEquals(0.01, s.rate(1_000_000));
    }

    @Test
    void linearDecayThenHold() {
        LearningRateSchedule s = LearningRateSchedule.linear(0.025, 0.0001, 1000);
        assertEquals(0.025, s.rate(0), 1e-15);
        assertEquals(0.025 - (0.025 - 0.0001) * 0.25, s.rate(250), 1e-15);
        assertEquals(0.01255, s.rate(500), 1e-15);
        assertEquals(0.0001, s.rate(1000), 1e-15);
        assertEquals(0.0001, s.rate(5000), 1e-15);
    }

    @Test
    void exponentialDecay() {
        LearningRateSchedule s = LearningRateSchedule.exponential(0.1, 0.5, 100);
        assertEquals(0.1, s.rate(0), 1e-15);
        assertEquals(0.05, s.rate(100), 1e-15);
        assertEquals(0.1 * Math.sqrt(0.5), s.rate(50), 1e-15);
    }

    @Test
    void stepDecay() {
        LearningRateSchedule s = LearningRateSchedule.step(1.0, 0.1, 10);
        assertEquals(1.0, s.rate(9), 1e-15);
        assertEquals(0.1, s.rate(10), 1e-15);
        assertEquals(0.01, s.rate(29), 1e-15);
    }

    @Test
    void invalidSchedulesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.constant(0));
        assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.linear(0.1, 0.0, 0));
        assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.step(0.1, 0.5, 0));
    }
}
