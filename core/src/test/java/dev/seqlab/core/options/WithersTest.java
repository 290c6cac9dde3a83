package dev.seqlab.core.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class WithersTest {

    record Range(int low, int high, String name) {
        Range {
            if (low > high) {
                throw new IllegalArgumentException("low must be at most high (" + high + "), got " + low);
            }
        }
    }

    @Test
    void changesOnlyTheNamedComponents() {
        Range r = new Range(1, 5, "a");
        assertEquals(new Range(1, 5, "b"), Withers.with(r, "name", "b"));
        assertEquals(new Range(7, 9, "a"), Withers.with(r, "low", 7, "high", 9));
        assertEquals(new Range(1, 5, null), Withers.with(r, "name", null));
    }

    @Test
    void runsTheRecordsValidationAndRejectsUnknownNames() {
        Range r = new Range(1, 5, "a");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Withers.with(r, "low", 6));
        assertEquals("low must be at most high (5), got 6", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Withers.with(r, "lo", 6));
        assertEquals("Range has no component 'lo'", e.getMessage());
    }
}
