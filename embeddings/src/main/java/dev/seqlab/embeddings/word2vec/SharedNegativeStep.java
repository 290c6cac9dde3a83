package dev.seqlab.embeddings.word2vec;

/**
 * One negative-sampling step for a whole window, as small matrix products (Ji et al. 2016,
 * Intel's pWord2Vec): the {@code m} context vectors of a window predict one positive target and
 * {@code negative} noise words drawn once for the window, instead of once per context word. With
 * A the context rows ({@code m × dim}) and B the target rows ({@code t × dim}), the step is
 * {@code S = A·Bᵀ}, {@code G = (labels − σ(S))·alpha}, then {@code A += G·B} and
 * {@code B += Gᵀ·A}, all from the values before the step: the gradient of the window's summed
 * loss. It also sums that loss, {@code −log σ(s⁺) − Σ log σ(−s⁻)} per context word.
 */
final class SharedNegativeStep {
    private static final float MAX_EXP = SigmoidTable.MAX_EXP;

    private final WindowKernel k = WindowKernels.KERNEL;
    private final NegativeSamplingTable negatives;
    private final float[] output;
    private final int stride;
    private final int negative;
    private final int[] targetRows;
    private final float[] scores;
    private final float[] gradient;
    private final float[] transposed;
    private double loss;
    private long products;

    /**
     * @param negatives   the noise distribution
     * @param output      the output vectors, rows of {@code stride} floats
     * @param stride      the padded row length, a multiple of the kernel's lanes
     * @param negative    noise words per window
     * @param maxContexts the most context rows of one window
     */
    SharedNegativeStep(NegativeSamplingTable negatives, float[] output, int stride, int negative, int maxContexts) {
        this.negatives = negatives;
        this.output = output;
        this.stride = stride;
        this.negative = negative;
        this.targetRows = new int[negative + 1];
        this.scores = new float[maxContexts * (negative + 1)];
        this.gradient = new float[scores.length];
        this.transposed = new float[scores.length];
    }

    /**
     * Trains the {@code m} context rows {@code copy[copyRows[i]..)} (a copy of
     * {@code input[inputRows[i]..)}, taken before the step) to predict {@code word} against
     * noise drawn from {@code random}, at learning rate {@code alpha}: updates the input rows
     * and the output rows, and adds the window's loss to {@link #loss()}.
     */
    void step(
            int word,
            float[] copy,
            int[] copyRows,
            float[] input,
            int[] inputRows,
            int m,
            float alpha,
            JobRandom random) {
        int t = 0;
        targetRows[t++] = word * stride;
        for (int d = 0; d < negative; d++) {
            int target = negatives.sample(random.next());
            if (target != word) { // a draw of the target itself is dropped, as gensim and the C tool do
                targetRows[t++] = target * stride;
            }
        }
        k.scores(copy, copyRows, m, output, targetRows, t, scores, stride);
        double sum = 0;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < t; j++) {
                int ij = i * t + j;
                float f = scores[ij];
                float g;
                if (j == 0) {
                    g = f > MAX_EXP ? 0f : f < -MAX_EXP ? 1f : 1f - SigmoidTable.sigmoid(f);
                    sum -= LogSigmoidTable.logSigmoid(f);
                } else {
                    g = f > MAX_EXP ? -1f : f < -MAX_EXP ? 0f : -SigmoidTable.sigmoid(f);
                    sum -= LogSigmoidTable.logSigmoid(-f);
                }
                gradient[ij] = g * alpha;
                transposed[j * m + i] = g * alpha;
            }
        }
        loss += sum;
        products += (long) m * t;
        k.accumulate(gradient, m, t, output, targetRows, input, inputRows, stride);
        k.accumulate(transposed, t, m, copy, copyRows, output, targetRows, stride);
    }

    /**
     * Context-target pairs multiplied so far, summed over steps ({@code m × t} each): a step
     * costs {@code 6 × dim} floating-point operations per pair (the scores and the two updates,
     * a multiply and an add each).
     */
    long products() {
        return products;
    }

    /** The loss summed over all steps so far. */
    double loss() {
        return loss;
    }
}
