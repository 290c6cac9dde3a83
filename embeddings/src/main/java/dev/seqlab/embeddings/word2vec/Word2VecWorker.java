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
 * of that copy. CBOW trains {@value #CBOW_BATCH} consecutive centres at once, sharing their
 * noise words: two small matrix products again, on their hidden layers; each context row of the
 * batch's overlapping windows is read and written once for the batch. The loss (negative
 * log-likelihood of the targets, summed over negative sampling and the tree) is kept per epoch, per prediction: per (centre, context) pair in skip-gram, per
 * centre in CBOW.
 *
 * <p>Random choices (subsampling, window sizes, negative samples) come from a {@link JobRandom}
 * stream seeded by the run's seed and the job's sequence number, so a job's choices do not depend
 * on which thread trains it.
 */
final class Word2VecWorker implements TrainingRun.JobTrainer {
    private static final float MAX_EXP = SigmoidTable.MAX_EXP;
    /**
     * CBOW centres trained together, sharing their noise words. Sixteen: the noise rows (random
     * rows of a large matrix) are fetched and updated once per sixteen centres. Each doubling
     * trades some analogy accuracy for speed: on the bench corpus, four centres scored
     * 10.2–10.4%, eight 9.1–10.0% (WS353 0.53–0.57), sixteen 8.5% / 0.56 (seed 1) — still above
     * gensim's 7.3–7.7% / 0.43–0.45 at its default CBOW settings (bench/README, word2vec against
     * gensim).
     */
    static final int CBOW_BATCH = 16;

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
    private final float[] neu1e;
    private final SharedNegativeStep sharedStep;
    private final float[] copy;
    private final int[] copyRows;
    private final int[] contextRows;
    private final double[] lossByEpoch;
    private final long[] predictionsByEpoch;
    private final float[] errors;
    private final int[] centres = new int[CBOW_BATCH];
    private final int[] centreWords = new int[CBOW_BATCH];
    private final int[] windowStarts = new int[CBOW_BATCH];
    private final int[] windowEnds = new int[CBOW_BATCH];
    private final int[] counts = new int[CBOW_BATCH];
    private int batch;
    private double treeLoss;
    private long predictions;
    private volatile double recentLoss = Double.NaN;
    private int[] kept = new int[TrainingJob.TARGET_WORDS];
    private int[] keptEnds = new int[256];
    private final float[] shares = new float[CBOW_BATCH];
    private final int[] errorRows = new int[CBOW_BATCH];

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
        int maxContexts = cbow ? CBOW_BATCH : 2 * window;
        this.sharedStep = negative > 0
                ? new SharedNegativeStep(negatives, weights.negativeOutput, weights.stride, negative, maxContexts)
                : null;
        int rows = Math.max(2 * window, CBOW_BATCH);
        this.copy = new float[rows * stride];
        this.copyRows = new int[rows];
        this.errors = new float[CBOW_BATCH * stride];
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
        if (batch > 0) {
            cbowBatch(batch, alpha);
            batch = 0;
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

    /**
     * Adds the sentence's centres to the batch, training it whenever it fills (a batch may span
     * sentences; each centre keeps its own sentence's window).
     */
    private void cbowSentence(int start, int end, float alpha) {
        for (int i = start; i < end; i++) {
            int b = reducedWindow();
            int lo = Math.max(start, i - window + b);
            int hi = Math.min(end, i + window + 1 - b);
            int count = hi - lo - 1;
            if (count == 0) {
                continue;
            }
            centres[batch] = i;
            centreWords[batch] = kept[i];
            windowStarts[batch] = lo;
            windowEnds[batch] = hi;
            counts[batch] = count;
            if (++batch == CBOW_BATCH) {
                cbowBatch(batch, alpha);
                batch = 0;
            }
        }
    }

    /**
     * Trains {@code size} consecutive centres at once. Each hidden layer (a row of {@link #copy})
     * is the sum (or mean) of its window's context rows, each row read once into registers; the
     * hidden layers share one draw of noise words ({@link SharedNegativeStep#stepEach}). Then,
     * since the centres' windows overlap, each position of the windows' union takes the errors
     * of all the centres it is a context of in one read-modify-write of its row, rather than one
     * per centre. No weight changes between the sums and the step, so this is the per-centre
     * computation in another order.
     */
    private void cbowBatch(int size, float alpha) {
        Word2VecKernel k = Word2VecKernels.KERNEL;
        int from = windowStarts[0];
        int to = windowEnds[0];
        for (int c = 0; c < size; c++) {
            from = Math.min(from, windowStarts[c]);
            to = Math.max(to, windowEnds[c]);
            int m = 0;
            for (int j = windowStarts[c]; j < windowEnds[c]; j++) {
                if (j != centres[c]) {
                    contextRows[m++] = kept[j] * stride;
                }
            }
            k.sumRows(cbowMean ? 1f / m : 1f, syn0, contextRows, m, copy, c * stride, stride);
        }
        Arrays.fill(errors, 0, size * stride, 0f);
        predictions += size;
        if (syn1 != null) {
            for (int c = 0; c < size; c++) {
                Arrays.fill(neu1e, 0f);
                treeStep(centreWords[c], copy, c * stride, alpha);
                k.axpy(1f, neu1e, 0, errors, c * stride, stride);
            }
        }
        if (sharedStep != null) {
            sharedStep.stepEach(centreWords, copy, copyRows, errors, copyRows, size, alpha, random);
        }
        for (int j = from; j < to; j++) {
            int n = 0;
            for (int c = 0; c < size; c++) {
                if (j >= windowStarts[c] && j < windowEnds[c] && j != centres[c]) {
                    // gensim divides the error of a summed context among its words
                    shares[n] = cbowMean ? 1f : 1f / counts[c];
                    errorRows[n++] = c * stride;
                }
            }
            if (n > 0) {
                k.addRows(shares, errors, errorRows, n, syn0, kept[j] * stride, stride);
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
