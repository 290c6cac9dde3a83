package dev.seqlab.embeddings.word2vec;

/**
 * One negative-sampling step of a training thread: the positive target and {@code negative}
 * words drawn from a {@link NegativeSamplingTable} are scored against a hidden layer, their output
 * rows updated, and the gradient for the hidden layer accumulated. Shared by word2vec and
 * fastText, which differ only in what they do when a draw hits the target: word2vec drops the
 * draw (as gensim does), fastText draws again.
 */
public final class NegativeStep {
    private final Word2VecKernel k = Word2VecKernels.KERNEL;
    private final NegativeSamplingTable negatives;
    private final float[] output;
    private final int stride;
    private final int negative;
    private final boolean redrawTarget;
    private final SigmoidFunction sigmoid;
    private final float maxExp;
    private final int[] targetRows;
    private final float[] targetDots;
    private final float[] targetGradients;

    /**
     * @param negatives    the noise distribution
     * @param output       the output vectors, rows of {@code stride} floats
     * @param stride       the padded row length, a multiple of the kernel's lanes
     * @param negative     draws per step
     * @param redrawTarget a draw that hits the target is drawn again (fastText) instead of dropped
     */
    public NegativeStep(
            NegativeSamplingTable negatives, float[] output, int stride, int negative, boolean redrawTarget) {
        this(negatives, output, stride, negative, redrawTarget, SigmoidFunction.WORD2VEC);
    }

    /**
     * As {@link #NegativeStep(NegativeSamplingTable, float[], int, int, boolean)}, scoring with
     * {@code sigmoid} instead of word2vec's.
     */
    public NegativeStep(
            NegativeSamplingTable negatives,
            float[] output,
            int stride,
            int negative,
            boolean redrawTarget,
            SigmoidFunction sigmoid) {
        this.negatives = negatives;
        this.output = output;
        this.stride = stride;
        this.negative = negative;
        this.redrawTarget = redrawTarget && negatives.size() > 1;
        this.sigmoid = sigmoid;
        this.maxExp = sigmoid.saturation();
        this.targetRows = new int[negative + 1];
        this.targetDots = new float[negative + 1];
        this.targetGradients = new float[negative + 1];
    }

    /**
     * One step with {@code word} as the positive target and {@code in[io..io+stride)} as the hidden
     * layer at learning rate {@code alpha}: adds the hidden layer's gradient (times alpha) to
     * {@code acc[0..stride)} and updates the output rows. The dot products of all targets are
     * taken first, then the updates made, so a negative drawn twice in one step sees the other
     * draw's value from before the step (the C tool and gensim update between draws; the
     * difference is one repeated row in a few thousand steps).
     */
    public void step(int word, float[] in, int io, float alpha, float[] acc, JobRandom random) {
        int count = 0;
        targetRows[count++] = word * stride;
        for (int d = 0; d < negative; d++) {
            int target = negatives.sample(random.next());
            while (redrawTarget && target == word) {
                target = negatives.sample(random.next());
            }
            if (target != word) {
                targetRows[count++] = target * stride;
            }
        }
        k.dots(in, io, output, targetRows, count, targetDots, stride);
        int updates = 0;
        for (int t = 0; t < count; t++) {
            float label = t == 0 ? 1f : 0f;
            float f = targetDots[t];
            float g;
            if (f > maxExp) {
                g = (label - 1f) * alpha;
            } else if (f < -maxExp) {
                g = label * alpha;
            } else {
                g = (label - sigmoid.at(f)) * alpha;
            }
            if (g == 0f) {
                continue;
            }
            int row = targetRows[t];
            boolean repeated = false;
            for (int u = 0; u < updates; u++) {
                repeated |= targetRows[u] == row;
            }
            if (repeated) {
                k.update(g, in, io, output, row, acc, stride); // a row drawn twice: its own step
            } else {
                targetRows[updates] = row;
                targetGradients[updates++] = g;
            }
        }
        k.updates(targetGradients, in, io, output, targetRows, updates, acc, stride);
    }
}
