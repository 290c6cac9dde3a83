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
     * @param maxContexts the most rows of one step (context rows of a window, or CBOW centres)
     */
    SharedNegativeStep(NegativeSamplingTable negatives, float[] output, int stride, int negative, int maxContexts) {
        this.negatives = negatives;
        this.output = output;
        this.stride = stride;
        this.negative = negative;
        this.targetRows = new int[negative + maxContexts];
        this.scores = new float[maxContexts * (negative + maxContexts)];
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
        apply(copy, copyRows, input, inputRows, m, t, 1, null, alpha);
    }

    /**
     * As {@link #step}, for {@code m} rows each with its own positive target {@code words[i]}
     * (CBOW: the hidden layers of {@code m} consecutive centre words), sharing one draw of noise
     * words. Row {@code i} is scored against every target but learns only from its own word and
     * the noise words other than its own word; the others' words are masked out.
     */
    void stepEach(
            int[] words,
            float[] copy,
            int[] copyRows,
            float[] input,
            int[] inputRows,
            int m,
            float alpha,
            JobRandom random) {
        int t = 0;
        for (int i = 0; i < m; i++) {
            targetRows[t++] = words[i] * stride;
        }
        for (int d = 0; d < negative; d++) {
            targetRows[t++] = negatives.sample(random.next()) * stride;
        }
        apply(copy, copyRows, input, inputRows, m, t, m, words, alpha);
    }

    /**
     * The step proper: rows {@code i < m} against targets {@code j < t}, of which the first
     * {@code positives} are positive targets (all rows' if 1 and {@code words} is null, else row
     * {@code i}'s is target {@code i}) and the rest noise.
     */
    private void apply(
            float[] copy,
            int[] copyRows,
            float[] input,
            int[] inputRows,
            int m,
            int t,
            int positives,
            int[] words,
            float alpha) {
        k.scores(copy, copyRows, m, output, targetRows, t, scores, stride);
        double sum = 0;
        long used = 0;
        for (int i = 0; i < m; i++) {
            int own = words == null ? -1 : words[i] * stride;
            for (int j = 0; j < t; j++) {
                int ij = i * t + j;
                float f = scores[ij];
                float g;
                if (j < positives && (words == null || j == i)) {
                    g = f > MAX_EXP ? 0f : f < -MAX_EXP ? 1f : 1f - SigmoidTable.sigmoid(f);
                    sum -= LogSigmoidTable.logSigmoid(f);
                    used++;
                } else if (j < positives || targetRows[j] == own) {
                    g = 0f; // another row's word, or a noise draw of this row's own word (dropped)
                } else {
                    g = f > MAX_EXP ? -1f : f < -MAX_EXP ? 0f : -SigmoidTable.sigmoid(f);
                    sum -= LogSigmoidTable.logSigmoid(-f);
                    used++;
                }
                gradient[ij] = g * alpha;
                transposed[j * m + i] = g * alpha;
            }
        }
        loss += sum;
        products += used;
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
