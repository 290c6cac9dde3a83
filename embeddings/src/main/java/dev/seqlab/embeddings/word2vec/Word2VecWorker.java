package dev.seqlab.embeddings.word2vec;

import java.util.Arrays;

/**
 * Trains on one job at a time: subsamples its words, then runs skip-gram or CBOW with negative
 * sampling and/or hierarchical softmax over each sentence with dynamically shrunk windows. One
 * worker per thread; all workers update the shared {@link Word2VecWeights} without locks.
 *
 * <p>Skip-gram trains a whole window at once ({@link SharedNegativeStep}): the context words of a
 * centre word share its negative samples, and the step is two small matrix products on a copy of
 * the context rows. Hierarchical softmax runs along the centre word's path for each context row
 * of that copy. The loss (negative log-likelihood of the targets, summed over negative sampling
 * and the tree) is kept per epoch, per prediction: per (centre, context) pair in skip-gram, per
 * centre in CBOW.
 *
 * <p>Random choices (subsampling, window sizes, negative samples) come from a {@link JobRandom}
 * stream seeded by the run's seed and the job's sequence number, so a job's choices do not depend
 * on which thread trains it.
 */
final class Word2VecWorker implements TrainingRun.JobTrainer {
    private static final float MAX_EXP = SigmoidTable.MAX_EXP;

    private final float[] syn0;
    private final float[] syn1;
    private final int stride;
    private final int window;
    private final int negative;
    private final boolean cbow;
    private final boolean cbowMean;
    private final Subsampling subsampling;
    private final int[] codeOffsets;
    private final byte[] codes;
    private final int[] points;
    private final JobRandom random;
    private final float[] neu1;
    private final float[] neu1e;
    private final SharedNegativeStep sharedStep;
    private final float[] copy;
    private final int[] copyRows;
    private final int[] contextRows;
    private final double[] lossByEpoch;
    private final long[] predictionsByEpoch;
    private final int[] zero = {0};
    private double treeLoss;
    private long predictions;
    private volatile double recentLoss = Double.NaN;
    private int[] kept = new int[TrainingJob.TARGET_WORDS];
    private int[] keptEnds = new int[256];

    Word2VecWorker(
            Word2VecWeights weights,
            Word2VecOptions o,
            NegativeSamplingTable negatives,
            HuffmanTree tree,
            Subsampling subsampling) {
        this.syn0 = weights.input;
        this.syn1 = weights.treeOutput;
        this.stride = weights.stride;
        this.window = o.window();
        this.negative = o.negative();
        this.cbow = o.architecture() == Word2VecArchitecture.CBOW;
        this.cbowMean = o.cbowMean();
        int maxContexts = cbow ? 1 : 2 * window;
        this.sharedStep = negative > 0
                ? new SharedNegativeStep(negatives, weights.negativeOutput, weights.stride, negative, maxContexts)
                : null;
        this.copy = new float[2 * window * stride];
        this.copyRows = new int[2 * window];
        for (int i = 0; i < copyRows.length; i++) {
            copyRows[i] = i * stride;
        }
        this.contextRows = new int[2 * window];
        this.lossByEpoch = new double[o.epochs()];
        this.predictionsByEpoch = new long[o.epochs()];
        this.subsampling = subsampling;
        this.codeOffsets = tree == null ? null : tree.offsetArray();
        this.codes = tree == null ? null : tree.codeArray();
        this.points = tree == null ? null : tree.pointArray();
        this.random = new JobRandom(o.seed());
        this.neu1 = new float[stride];
        this.neu1e = new float[stride];
    }

    /** Trains on {@code job} at learning rate {@code alpha}; returns the number of words kept. */
    @Override
    public long train(TrainingJob job, float alpha) {
        random.startJob(job.sequence);
        double lossBefore = loss();
        long predictionsBefore = predictions;
        int sentences = subsample(job);
        int start = 0;
        for (int s = 0; s < sentences; s++) {
            int end = keptEnds[s];
            if (end - start > 1) {
                if (cbow) {
                    cbowSentence(start, end, alpha);
                } else {
                    skipGramSentence(start, end, alpha);
                }
            }
            start = end;
        }
        double jobLoss = loss() - lossBefore;
        long jobPredictions = predictions - predictionsBefore;
        int epoch = Math.min(job.epoch, lossByEpoch.length - 1);
        lossByEpoch[epoch] += jobLoss;
        predictionsByEpoch[epoch] += jobPredictions;
        if (jobPredictions > 0) {
            recentLoss = jobLoss / jobPredictions;
        }
        return sentences == 0 ? 0 : keptEnds[sentences - 1];
    }

    private double loss() {
        return treeLoss + (sharedStep == null ? 0 : sharedStep.loss());
    }

    /** Context-target pairs of negative sampling multiplied so far ({@link SharedNegativeStep#products()}). */
    long products() {
        return sharedStep == null ? 0 : sharedStep.products();
    }

    /** The loss summed over each epoch's predictions. */
    double[] lossByEpoch() {
        return lossByEpoch;
    }

    /** The predictions (skip-gram pairs or CBOW centres) trained in each epoch. */
    long[] predictionsByEpoch() {
        return predictionsByEpoch;
    }

    /** The mean loss per prediction of the last job finished (NaN before the first). */
    double recentLoss() {
        return recentLoss;
    }

    /** Copies the words that survive subsampling to {@link #kept}; returns the sentence count. */
    private int subsample(TrainingJob job) {
        if (kept.length < job.length) {
            kept = new int[job.length];
        }
        if (keptEnds.length < job.sentences) {
            keptEnds = new int[job.sentences];
        }
        int[] words = job.words;
        int n = 0;
        int start = 0;
        for (int s = 0; s < job.sentences; s++) {
            int end = job.sentenceEnds[s];
            for (int i = start; i < end; i++) {
                int word = words[i];
                if (subsampling.keep(word, random.next() >>> 32)) {
                    kept[n++] = word;
                }
            }
            keptEnds[s] = n;
            start = end;
        }
        return job.sentences;
    }

    private int reducedWindow() {
        return random.below(window);
    }

    private void skipGramSentence(int start, int end, float alpha) {
        Word2VecKernel k = Word2VecKernels.KERNEL;
        for (int i = start; i < end; i++) {
            int word = kept[i];
            int b = reducedWindow();
            int lo = Math.max(start, i - window + b);
            int hi = Math.min(end, i + window + 1 - b);
            int m = 0;
            for (int j = lo; j < hi; j++) {
                if (j != i) {
                    int row = kept[j] * stride;
                    contextRows[m] = row;
                    System.arraycopy(syn0, row, copy, m * stride, stride);
                    m++;
                }
            }
            if (m == 0) {
                continue;
            }
            predictions += m;
            if (syn1 != null) {
                for (int c = 0; c < m; c++) {
                    Arrays.fill(neu1e, 0f);
                    treeStep(word, copy, c * stride, alpha);
                    k.axpy(1f, neu1e, 0, syn0, contextRows[c], stride);
                }
            }
            if (sharedStep != null) {
                sharedStep.step(word, copy, copyRows, syn0, contextRows, m, alpha, random);
            }
        }
    }

    private void cbowSentence(int start, int end, float alpha) {
        Word2VecKernel k = Word2VecKernels.KERNEL;
        for (int i = start; i < end; i++) {
            int word = kept[i];
            int b = reducedWindow();
            int lo = Math.max(start, i - window + b);
            int hi = Math.min(end, i + window + 1 - b);
            Arrays.fill(neu1, 0f);
            int count = 0;
            for (int j = lo; j < hi; j++) {
                if (j != i) {
                    k.axpy(1f, syn0, kept[j] * stride, neu1, 0, stride);
                    count++;
                }
            }
            if (count == 0) {
                continue;
            }
            float inverse = 1f / count;
            if (cbowMean) {
                k.scale(inverse, neu1, stride);
            }
            Arrays.fill(neu1e, 0f);
            predictions++;
            if (syn1 != null) {
                treeStep(word, neu1, 0, alpha);
            }
            if (sharedStep != null) {
                sharedStep.step(word, neu1, zero, neu1e, zero, 1, alpha, random);
            }
            if (!cbowMean) {
                // gensim divides the error of a summed context among its words
                k.scale(inverse, neu1e, stride);
            }
            for (int j = lo; j < hi; j++) {
                if (j != i) {
                    k.axpy(1f, neu1e, 0, syn0, kept[j] * stride, stride);
                }
            }
        }
    }

    /** Hierarchical softmax along {@code word}'s Huffman path. */
    private void treeStep(int word, float[] in, int io, float alpha) {
        Word2VecKernel k = Word2VecKernels.KERNEL;
        for (int c = codeOffsets[word], end = codeOffsets[word + 1]; c < end; c++) {
            int l2 = points[c] * stride;
            float f = k.dot(in, io, syn1, l2, stride);
            treeLoss -= LogSigmoidTable.logSigmoid(codes[c] == 0 ? f : -f);
            if (f <= -MAX_EXP || f >= MAX_EXP) {
                continue;
            }
            float g = (1f - codes[c] - SigmoidTable.sigmoid(f)) * alpha;
            k.update(g, in, io, syn1, l2, neu1e, stride);
        }
    }
}
