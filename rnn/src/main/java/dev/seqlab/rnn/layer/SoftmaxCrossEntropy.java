package dev.seqlab.rnn.layer;

import dev.seqlab.core.kernel.Softmax;
import java.util.Arrays;

/**
 * Softmax followed by cross-entropy against integer targets, averaged over the rows whose
 * target is not the ignored id (padding):
 * <pre>
 *   L = −(1/n) Σᵢ log softmax(zᵢ)[yᵢ]     over rows with yᵢ ≠ ignore
 *   ∂L/∂zᵢ = (softmax(zᵢ) − onehot(yᵢ)) / n   (zero for ignored rows)
 * </pre>
 * The log-softmax is computed stably (max subtracted), the sum in double.
 */
public final class SoftmaxCrossEntropy {
    /** Use as the ignored target when no row should be ignored. */
    public static final int IGNORE_NONE = Integer.MIN_VALUE;

    private SoftmaxCrossEntropy() {}

    /**
     * The mean loss; when {@code dLogits} is not null, also writes ∂L/∂logits there.
     *
     * @param rows    N
     * @param classes V
     * @param logits  {@code [N, V]}
     * @param targets N class ids (or {@code ignore})
     * @param ignore  the target id of rows to leave out (padding)
     * @return the mean over counted rows (0 when none counts)
     * @throws IllegalArgumentException naming the row of a target outside {@code [0, V)}
     */
    public static double lossAndGradient(
            int rows, int classes, float[] logits, int[] targets, int ignore, float[] dLogits) {
        float[] logp = new float[rows * classes];
        Softmax.logSoftmaxRows(rows, classes, logits, 0, classes, logp, 0, classes);
        int counted = 0;
        double sum = 0;
        for (int r = 0; r < rows; r++) {
            int y = targets[r];
            if (y == ignore) {
                continue;
            }
            if (y < 0 || y >= classes) {
                throw new IllegalArgumentException("target " + y + " in row " + r + " is outside 0.." + (classes - 1));
            }
            counted++;
            sum -= logp[r * classes + y];
        }
        if (dLogits != null) {
            float scale = counted == 0 ? 0f : 1f / counted;
            for (int r = 0; r < rows; r++) {
                int off = r * classes;
                if (targets[r] == ignore) {
                    Arrays.fill(dLogits, off, off + classes, 0f);
                    continue;
                }
                Softmax.fromLogSoftmax(classes, logp, off, scale, dLogits, off);
                dLogits[off + targets[r]] -= scale;
            }
        }
        return counted == 0 ? 0 : sum / counted;
    }

    /**
     * The weighted mean loss {@code Σᵢ wᵢ·ℓᵢ / Σᵢ wᵢ} (class weights for unbalanced data: each
     * row weighs what its class does); when {@code dLogits} is not null, also writes ∂L/∂logits.
     *
     * @param weights N non-negative row weights
     * @return the weighted mean (0 when the weights sum to 0)
     * @throws IllegalArgumentException naming the row of a target outside {@code [0, V)} or a
     *                                  negative weight
     */
    public static double weightedLossAndGradient(
            int rows, int classes, float[] logits, int[] targets, float[] weights, float[] dLogits) {
        float[] logp = new float[rows * classes];
        Softmax.logSoftmaxRows(rows, classes, logits, 0, classes, logp, 0, classes);
        double total = 0;
        double sum = 0;
        for (int r = 0; r < rows; r++) {
            int y = targets[r];
            if (y < 0 || y >= classes) {
                throw new IllegalArgumentException("target " + y + " in row " + r + " is outside 0.." + (classes - 1));
            }
            if (!(weights[r] >= 0)) {
                throw new IllegalArgumentException("weight " + weights[r] + " in row " + r + " is not >= 0");
            }
            total += weights[r];
            sum -= weights[r] * logp[r * classes + y];
        }
        if (dLogits != null) {
            for (int r = 0; r < rows; r++) {
                int off = r * classes;
                float scale = total == 0 ? 0f : (float) (weights[r] / total);
                Softmax.fromLogSoftmax(classes, logp, off, scale, dLogits, off);
                dLogits[off + targets[r]] -= scale;
            }
        }
        return total == 0 ? 0 : sum / total;
    }
}
