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
    private final float[] positiveGradient;
    private final float[] ownScores;
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
        this.positiveGradient = new float[maxContexts];
        this.ownScores = new float[maxContexts];
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
        apply(copy, copyRows, input, inputRows, m, t, alpha);
    }

    /**
     * As {@link #step}, for {@code m} rows each with its own positive target {@code words[i]}
     * (CBOW: the hidden layers of {@code m} consecutive centre words), sharing one draw of noise
     * words. Row {@code i} learns from its own word and the noise words other than its own word:
     * the noise words are one {@code m × negative} product, each row's own word one dot product
     * (not a column of the product, where the other rows' words would be computed and masked).
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
        for (int d = 0; d < negative; d++) {
            targetRows[t++] = negatives.sample(random.next()) * stride;
        }
        Word2VecKernel one = Word2VecKernels.KERNEL;
        // each row's own word first, in a loop of independent dot products: their output rows are
        // random rows of a large matrix, and nothing then waits on one fetch before the next starts
        for (int i = 0; i < m; i++) {
            ownScores[i] = one.dot(copy, copyRows[i], output, words[i] * stride, stride);
        }
        k.scores(copy, copyRows, m, output, targetRows, t, scores, stride);
        double sum = 0;
        long used = 0;
        for (int i = 0; i < m; i++) {
            int own = words[i] * stride;
            float f = ownScores[i];
            float g = f > MAX_EXP ? 0f : f < -MAX_EXP ? 1f : 1f - SigmoidTable.sigmoid(f);
            sum -= LogSigmoidTable.logSigmoid(f);
            positiveGradient[i] = g * alpha;
            used++;
            for (int j = 0; j < t; j++) {
                int ij = i * t + j;
                float s = scores[ij];
                float n = 0f; // a noise draw of this row's own word is dropped
                if (targetRows[j] != own) {
                    n = s > MAX_EXP ? -1f : s < -MAX_EXP ? 0f : -SigmoidTable.sigmoid(s);
                    sum -= LogSigmoidTable.logSigmoid(-s);
                    used++;
                }
                gradient[ij] = n * alpha;
                transposed[j * m + i] = n * alpha;
            }
        }
        loss += sum;
        products += used;
        // the input side first, from the output rows before the step
        k.accumulate(gradient, m, t, output, targetRows, input, inputRows, stride);
        for (int i = 0; i < m; i++) {
            one.axpy(positiveGradient[i], output, words[i] * stride, input, inputRows[i], stride);
        }
        k.accumulate(transposed, t, m, copy, copyRows, output, targetRows, stride);
        for (int i = 0; i < m; i++) {
            one.axpy(positiveGradient[i], copy, copyRows[i], output, words[i] * stride, stride);
        }
    }

    /**
     * The step proper: rows {@code i < m} against targets {@code j < t}, of which the first is the
     * positive target and the rest noise.
     */
    private void apply(float[] copy, int[] copyRows, float[] input, int[] inputRows, int m, int t, float alpha) {
        k.scores(copy, copyRows, m, output, targetRows, t, scores, stride);
        double sum = 0;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < t; j++) {
                int ij = i * t + j;
                float f = scores[ij];
                // a saturated score (|f| >= MAX_EXP) teaches nothing, as in gensim (the C tool
                // applies the full gradient when it is on the wrong side)
                float g = f >= MAX_EXP || f <= -MAX_EXP
                        ? 0f
                        : j == 0 ? 1f - SigmoidTable.sigmoid(f) : -SigmoidTable.sigmoid(f);
                sum -= LogSigmoidTable.logSigmoid(j == 0 ? f : -f);
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
