package dev.seqlab.embeddings.glove;

import dev.seqlab.core.options.Checks;
import dev.seqlab.core.options.Withers;
import dev.seqlab.corpora.text.VocabularyOptions;
import java.nio.file.Path;

/**
 * Hyperparameters of {@link GloVe}. The defaults ({@link #defaults()}) are those of the
 * {@code seqlab glove} command: 100 dimensions, window 10, x_max 100, alpha 0.75, learning rate
 * 0.05, 15 iterations, min-count 5, a 1 GiB counting budget (at most half the heap), one thread.
 *
 * @param dim            vector dimension
 * @param window         words on each side that count as context; a pair at distance d adds 1/d
 * @param xMax           counts at or above it get full weight in the loss
 * @param alpha          exponent of the weighting function f(x) = (x / xMax)^alpha below xMax
 * @param learningRate   AdaGrad's initial learning rate (eta)
 * @param iterations     passes over the co-occurrence records
 * @param minCount       words seen fewer times are ignored
 * @param maxVocabSize   keep at most this many words (the most frequent); 0 for no limit
 * @param memoryBytes    memory for co-occurrence counting and shuffling: counts beyond it are
 *                       spilled to sorted files on disk and merged
 * @param threads        training threads (lock-free updates when more than one)
 * @param seed           seeds the initial vectors and the shuffle
 * @param workDirectory  where temporary files go; null for the system's temporary directory
 */
public record GloVeOptions(
        int dim,
        int window,
        double xMax,
        double alpha,
        double learningRate,
        int iterations,
        int minCount,
        int maxVocabSize,
        long memoryBytes,
        int threads,
        long seed,
        Path workDirectory) {

    /** The smallest memory budget accepted: 64 KiB. */
    public static final long MIN_MEMORY_BYTES = 64 * 1024;

    /**
     * @throws IllegalArgumentException naming the first option out of range
     */
    public GloVeOptions {
        Checks.atLeast("dim", dim, 1);
        Checks.atLeast("window", window, 1);
        Checks.atLeast("iterations", iterations, 1);
        Checks.atLeast("minCount", minCount, 1);
        Checks.atLeast("threads", threads, 1);
        if (!(xMax > 0) || Double.isInfinite(xMax)) {
            throw new IllegalArgumentException("xMax must be positive, got " + xMax);
        }
        if (!(alpha > 0) || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException("alpha must be positive, got " + alpha);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learningRate must be positive, got " + learningRate);
        }
        if (maxVocabSize < 0) {
            throw new IllegalArgumentException("maxVocabSize must be 0 (no limit) or positive, got " + maxVocabSize);
        }
        if (memoryBytes < MIN_MEMORY_BYTES) {
            throw new IllegalArgumentException(
                    "memoryBytes must be at least " + MIN_MEMORY_BYTES + " (64 KiB), got " + memoryBytes);
        }
    }

    /** The command's defaults (see the class comment), seed 1. */
    public static GloVeOptions defaults() {
        long budget = Math.max(
                MIN_MEMORY_BYTES, Math.min(1L << 30, Runtime.getRuntime().maxMemory() / 2));
        VocabularyOptions vocabulary = VocabularyOptions.defaults();
        return new GloVeOptions(
                100, 10, 100, 0.75, 0.05, 15, vocabulary.minCount(), vocabulary.maxSize(), budget, 1, 1, null);
    }

    /** These options with another dimension. */
    public GloVeOptions withDim(int d) {
        return Withers.with(this, "dim", d);
    }

    /** These options with another window. */
    public GloVeOptions withWindow(int w) {
        return Withers.with(this, "window", w);
    }

    /** These options with another weighting function. */
    public GloVeOptions withWeighting(double max, double exponent) {
        return Withers.with(this, "xMax", max, "alpha", exponent);
    }

    /** These options with another learning rate. */
    public GloVeOptions withLearningRate(double eta) {
        return Withers.with(this, "learningRate", eta);
    }

    /** These options with another number of iterations. */
    public GloVeOptions withIterations(int n) {
        return Withers.with(this, "iterations", n);
    }

    /** These options with another vocabulary cut. */
    public GloVeOptions withVocabulary(int minimumCount, int maxSize) {
        return Withers.with(this, "minCount", minimumCount, "maxVocabSize", maxSize);
    }

    /** These options with another memory budget. */
    public GloVeOptions withMemoryBytes(long bytes) {
        return Withers.with(this, "memoryBytes", bytes);
    }

    /** These options with another number of threads. */
    public GloVeOptions withThreads(int t) {
        return Withers.with(this, "threads", t);
    }

    /** These options with another seed. */
    public GloVeOptions withSeed(long s) {
        return Withers.with(this, "seed", s);
    }

    /** These options with another directory for temporary files (null: the system's). */
    public GloVeOptions withWorkDirectory(Path dir) {
        return Withers.with(this, "workDirectory", dir);
    }
}
