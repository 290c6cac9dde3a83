package dev.seqlab.core.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/** Every iteration runs exactly once, in ranges no smaller than asked, and failures come back. */
class ParallelRangesTest {

    @Test
    void everyIterationRunsOnceInLargeEnoughRanges() {
        for (int n : new int[] {0, 1, 7, 15, 16, 17, 64, 1001}) {
            AtomicIntegerArray seen = new AtomicIntegerArray(n);
            AtomicInteger ranges = new AtomicInteger();
            ParallelRanges.forEach(n, 8, (from, to) -> {
                ranges.incrementAndGet();
                assertTrue(to - from >= Math.min(8, n), n + ": range " + from + ".." + to);
                for (int i = from; i < to; i++) {
                    seen.incrementAndGet(i);
                }
            });
            for (int i = 0; i < n; i++) {
                assertEquals(1, seen.get(i), n + ": iteration " + i);
            }
            assertTrue(ranges.get() <= Math.max(1, Kernels.defaultThreads()), n + ": " + ranges + " ranges");
        }
    }

    @Test
    void aFailingRangeIsRethrown() {
        IllegalStateException e = assertThrows(
                IllegalStateException.class,
                () -> ParallelRanges.forEach(64, 1, (from, to) -> {
                    if (to == 64) {
                        throw new IllegalStateException("last range");
                    }
                }));
        assertTrue(e.getMessage().contains("last range"), e.getMessage());
    }

    @Test
    void badArgumentsAreNamed() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> ParallelRanges.forEach(4, 0, (from, to) -> {}));
        assertTrue(e.getMessage().contains("minPerTask 0"), e.getMessage());
    }
}
