package dev.seqlab.core.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class KernelPoolTest {
    @Test
    void everyTaskRunsOnceAndItsWritesAreVisibleToTheCaller() {
        for (int round = 0; round < 200; round++) {
            int[] out = new int[3];
            AtomicIntegerArray runs = new AtomicIntegerArray(3);
            Runnable[] tasks = new Runnable[3];
            for (int t = 0; t < tasks.length; t++) {
                int part = t;
                tasks[t] = () -> {
                    runs.incrementAndGet(part);
                    out[part] = part + 1;
                };
            }
            KernelPool.runAll(tasks);
            assertArrayEquals(new int[] {1, 2, 3}, out);
            for (int t = 0; t < tasks.length; t++) {
                assertEquals(1, runs.get(t));
            }
        }
    }

    @Test
    void aPoolTasksFailureReachesTheCallerWithTheOthersSuppressed() {
        IllegalStateException first = new IllegalStateException("part 0");
        IllegalArgumentException second = new IllegalArgumentException("part 2");
        Runnable[] tasks = {
            () -> {
                throw first;
            },
            () -> {},
            () -> {
                throw second;
            }
        };
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> KernelPool.runAll(tasks));
        assertSame(first, thrown);
        assertEquals(1, thrown.getSuppressed().length);
        assertSame(second, thrown.getSuppressed()[0]);

        Runnable[] poolOnly = {
            () -> {},
            () -> {
                throw second;
            }
        };
        assertSame(second, assertThrows(IllegalArgumentException.class, () -> KernelPool.runAll(poolOnly)));
    }
}
