package dev.seqlab.classify.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.seqlab.classify.options.ClassWeighting;
import org.junit.jupiter.api.Test;

class ClassWeightsTest {
    @Test
    void balancedGivesEveryClassTheSameTotalWeight() {
        // 3 of class 0, 1 of class 1: n / (k n_c) = 4/6 and 4/2
        float[] w = ClassWeights.of(ClassWeighting.BALANCED, new int[] {0, 0, 1, 0}, 2);
        assertArrayEquals(new float[] {4 / 6f, 4 / 6f, 2f, 4 / 6f}, w, 1e-6f);
        assertNull(ClassWeights.of(ClassWeighting.NONE, new int[] {0, 1}, 2));
    }
}
