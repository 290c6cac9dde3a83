package dev.seqlab.rnn.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class WeightedCrossEntropyTest {
    private static final float[] LOGITS = {0.5f, -1f, 2f, 1.5f, 0.2f, -0.3f, 0f, 0f, 1f};
    private static final int[] TARGETS = {2, 0, 1};

    @Test
    void equalWeightsAreTheMeanLoss() {
        float[] d1 = new float[9];
        float[] d2 = new float[9];
        double plain = SoftmaxCrossEntropy.lossAndGradient(3, 3, LOGITS, TARGETS, SoftmaxCrossEntropy.IGNORE_NONE, d1);
        double weighted = SoftmaxCrossEntropy.weightedLossAndGradient(3, 3, LOGITS, TARGETS, new float[] {2, 2, 2}, d2);
        assertEquals(plain, weighted, 1e-6);
        assertArrayEquals(d1, d2, 1e-6f);
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        float[] w = {1f, 3f, 0.5f};
        float[] d = new float[9];
        SoftmaxCrossEntropy.weightedLossAndGradient(3, 3, LOGITS, TARGETS, w, d);
        double h = 1e-3;
        for (int i = 0; i < LOGITS.length; i++) {
            float[] up = LOGITS.clone();
            float[] down = LOGITS.clone();
            up[i] += (float) h;
            down[i] -= (float) h;
            double numeric = (SoftmaxCrossEntropy.weightedLossAndGradient(3, 3, up, TARGETS, w, null)
                            - SoftmaxCrossEntropy.weightedLossAndGradient(3, 3, down, TARGETS, w, null))
                    / (2 * h);
            assertEquals(numeric, d[i], 1e-3, "logit " + i);
        }
    }

    @Test
    void aZeroWeightRowIsLeftOutAndANegativeOneRefused() {
        double two =
                SoftmaxCrossEntropy.weightedLossAndGradient(2, 3, LOGITS, new int[] {2, 0}, new float[] {1, 1}, null);
        double withZero =
                SoftmaxCrossEntropy.weightedLossAndGradient(3, 3, LOGITS, TARGETS, new float[] {1, 1, 0}, null);
        assertEquals(two, withZero, 1e-9);
        assertThrows(
                IllegalArgumentException.class,
                () -> SoftmaxCrossEntropy.weightedLossAndGradient(3, 3, LOGITS, TARGETS, new float[] {1, -1, 1}, null));
    }
}
