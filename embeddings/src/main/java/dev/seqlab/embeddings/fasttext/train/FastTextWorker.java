package dev.seqlab.embeddings.fasttext.train;

import dev.seqlab.embeddings.word2vec.JobRandom;
import dev.seqlab.embeddings.word2vec.NegativeSamplingTable;
import dev.seqlab.embeddings.word2vec.NegativeStep;
import dev.seqlab.embeddings.word2vec.Subsampling;
import dev.seqlab.embeddings.word2vec.TrainingJob;
import dev.seqlab.embeddings.word2vec.TrainingRun;
import dev.seqlab.embeddings.word2vec.Word2VecKernel;
import dev.seqlab.embeddings.word2vec.Word2VecKernels;
import java.util.Arrays;

/**
 * One training thread of fastText's unsupervised model. A job's sentences become fastText's
 * lines: the sentence's words, then the end-of-sentence token, cut after {@value #LINE_TOKENS}
 * tokens as fastText's {@code getLine} cuts them; each token is kept with fastText's
 * subsampling probability; then every kept position trains with a window drawn from 1..ws.
 *
 * <p>The hidden layer of a word is the mean of its input rows ({@link SubwordTable}). Skip-gram
 * trains the centre word's hidden layer against each context word in turn; fastText recomputes
 * that mean and adds the gradient to every row after each context word. Here the mean is taken
 * once, moved by the gradient after each context word exactly as recomputing it would move it
 * ({@link SubwordTable#selfWeight}), and the gradients are summed and added to the rows once per
 * centre word: the same arithmetic on one thread, a third of the memory traffic. CBOW averages
 * the rows of all context words and adds the gradient to each, as fastText does. Gradients are
 * not divided by the number of rows (fastText divides only for supervised models).
 */
final class FastTextWorker implements TrainingRun.JobTrainer {
    /** fastText's {@code MAX_LINE_SIZE}: a line is cut after this many tokens plus one. */
    static final int LINE_TOKENS = 1024;

    private final Word2VecKernel k = Word2VecKernels.kernel();
    private final float[] input;
    private final int stride;
    private final int window;
    private final boolean cbow;
    private final SubwordTable subwords;
    private final int[] rowOffsets;
    private final Subsampling subsampling;
    private final NegativeStep negativeStep;
    private final JobRandom random;
    private final int eos;
    private final int[] dictionaryIds;
    private final float[] hidden;
    private final float[] grad;
    private final float[] gradSum;
    private final int[] line = new int[LINE_TOKENS + 1];

    /**
     * @param dictionaryIds the dictionary id of each corpus word id
     * @param eos           the dictionary id of the end-of-sentence token
     */
    FastTextWorker(
            FastTextWeights weights,
            FastTextOptions o,
            SubwordTable subwords,
            NegativeSamplingTable negatives,
            Subsampling subsampling,
            int[] dictionaryIds,
            int eos) {
        this.input = weights.input;
        this.stride = weights.stride;
        this.window = o.ws();
        this.cbow = o.cbow();
        this.subwords = subwords;
        this.rowOffsets = subwords.offsets();
        this.subsampling = subsampling;
        this.negativeStep =
                new NegativeStep(negatives, weights.output, stride, o.neg(), true, FastTextSigmoid.INSTANCE);
        this.random = new JobRandom(o.seed());
        this.eos = eos;
        this.dictionaryIds = dictionaryIds;
        this.hidden = new float[stride];
        this.grad = new float[stride];
        this.gradSum = new float[stride];
    }

    @Override
    public long train(TrainingJob job, float lr) {
        random.startJob(job.sequence());
        int[] words = job.words();
        long trained = 0;
        int start = 0;
        for (int s = 0; s < job.sentences(); s++) {
            int end = job.sentenceEnd(s);
            int tokens = 0;
            int kept = 0;
            for (int i = start; i <= end; i++) {
                int id = i == end ? eos : dictionaryIds[words[i]];
                tokens++;
                if (subsampling.keep(id, random.next() >>> 32)) {
                    line[kept++] = id;
                }
                if (tokens > LINE_TOKENS || i == end) {
                    trained += kept;
                    trainLine(kept, lr);
                    tokens = 0;
                    kept = 0;
                }
            }
            start = end;
        }
        return trained;
    }

    /**
     * Trains on the line {@code tokens[0..length)} of dictionary ids as they are (no subsampling,
     * no cut), with the random stream of job {@code job}: one step of the model, for tests.
     */
    void trainLine(int[] tokens, int length, float lr, long job) {
        random.startJob(job);
        System.arraycopy(tokens, 0, line, 0, length);
        trainLine(length, lr);
    }

    private void trainLine(int length, float lr) {
        for (int i = 0; i < length; i++) {
            int boundary = 1 + random.below(window);
            int lo = Math.max(0, i - boundary);
            int hi = Math.min(length, i + boundary + 1);
            if (cbow) {
                cbow(i, lo, hi, lr);
            } else {
                skipGram(i, lo, hi, lr);
            }
        }
    }

    private void skipGram(int i, int lo, int hi, float lr) {
        if (hi - lo < 2) {
            return;
        }
        int word = line[i];
        int from = subwords.start(word);
        int to = subwords.end(word);
        Arrays.fill(hidden, 0f);
        for (int r = from; r < to; r++) {
            k.axpy(1f, input, rowOffsets[r], hidden, 0, stride);
        }
        k.scale(subwords.inverse(word), hidden, stride);
        float self = subwords.selfWeight(word);
        Arrays.fill(gradSum, 0f);
        for (int j = lo; j < hi; j++) {
            if (j == i) {
                continue;
            }
            Arrays.fill(grad, 0f);
            negativeStep.step(line[j], hidden, 0, lr, grad, random);
            k.axpy(self, grad, 0, hidden, 0, stride);
            k.axpy(1f, grad, 0, gradSum, 0, stride);
        }
        for (int r = from; r < to; r++) {
            k.axpy(1f, gradSum, 0, input, rowOffsets[r], stride);
        }
    }

    private void cbow(int i, int lo, int hi, float lr) {
        int count = 0;
        Arrays.fill(hidden, 0f);
        for (int j = lo; j < hi; j++) {
            if (j == i) {
                continue;
            }
            int w = line[j];
            for (int r = subwords.start(w), e = subwords.end(w); r < e; r++) {
                k.axpy(1f, input, rowOffsets[r], hidden, 0, stride);
            }
            count += subwords.end(w) - subwords.start(w);
        }
        if (count == 0) {
            return;
        }
        k.scale(1f / count, hidden, stride);
        Arrays.fill(grad, 0f);
        negativeStep.step(line[i], hidden, 0, lr, grad, random);
        for (int j = lo; j < hi; j++) {
            if (j == i) {
                continue;
            }
            int w = line[j];
            for (int r = subwords.start(w), e = subwords.end(w); r < e; r++) {
                k.axpy(1f, grad, 0, input, rowOffsets[r], stride);
            }
        }
    }
}
