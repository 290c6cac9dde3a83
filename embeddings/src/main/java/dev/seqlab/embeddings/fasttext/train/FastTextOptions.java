package dev.seqlab.embeddings.fasttext.train;

import dev.seqlab.core.options.Checks;
import dev.seqlab.core.options.Withers;
import dev.seqlab.embeddings.fasttext.FastTextArchitecture;
import dev.seqlab.embeddings.fasttext.FastTextArgs;
import dev.seqlab.embeddings.fasttext.FastTextLoss;
import java.util.Objects;

/**
 * Hyperparameters of {@link FastText}. The defaults ({@link #defaults()}) are the fastText tool's
 * for {@code fasttext skipgram} (its unsupervised mode): 100 dimensions, window 5, 5 negative
 * samples, min-count 5, character n-grams of 3 to 6 characters hashed into 2,000,000 buckets,
 * 5 epochs, learning rate 0.05 decaying linearly to 0, subsampling threshold 1e-4.
 *
 * @param architecture skip-gram or CBOW (not supervised)
 * @param dim          vector dimension
 * @param ws           largest context distance; each position draws its window from 1..ws
 * @param neg          negative samples per prediction
 * @param minCount     words seen fewer times are dropped
 * @param minn         shortest character n-gram, in characters
 * @param maxn         longest character n-gram; 0 for no n-grams (plain word vectors)
 * @param bucket       hashed n-gram rows of the input matrix (unused, and stored as 0, when maxn is 0)
 * @param epoch        passes over the corpus
 * @param lr           initial learning rate, falling linearly to 0 over all epochs
 * @param t            subsampling threshold for frequent words (0: off)
 * @param threads      training threads
 * @param seed         seeds the initial vectors and every random choice
 */
public record FastTextOptions(
        FastTextArchitecture architecture,
        int dim,
        int ws,
        int neg,
        int minCount,
        int minn,
        int maxn,
        int bucket,
        int epoch,
        double lr,
        double t,
        int threads,
        long seed) {

    /** fastText's {@code lrUpdateRate} default, stored in the {@code .bin} (learning rates here change per job). */
    static final int LR_UPDATE_RATE = 100;

    /**
     * @throws IllegalArgumentException naming the first option out of range
     */
    public FastTextOptions {
        Objects.requireNonNull(architecture, "architecture");
        if (architecture == FastTextArchitecture.SUPERVISED) {
            throw new IllegalArgumentException("architecture must be SKIPGRAM or CBOW, got SUPERVISED");
        }
        Checks.atLeast("dim", dim, 1);
        Checks.atLeast("ws", ws, 1);
        Checks.atLeast("neg", neg, 1);
        Checks.atLeast("minCount", minCount, 1);
        Checks.zeroOrPositive("maxn", maxn);
        Checks.atLeast("epoch", epoch, 1);
        Checks.atLeast("threads", threads, 1);
        if (maxn > 0) {
            Checks.inRange("minn", minn, 1, maxn);
            Checks.atLeast("bucket", bucket, 1);
        } else {
            Checks.zeroOrPositive("minn", minn);
            Checks.zeroOrPositive("bucket", bucket);
        }
        if (!(lr > 0) || Double.isInfinite(lr)) {
            throw new IllegalArgumentException("lr must be positive, got " + lr);
        }
        if (!(t >= 0) || Double.isInfinite(t)) {
            throw new IllegalArgumentException("t must be 0 (off) or positive, got " + t);
        }
    }

    /** The fastText tool's skip-gram defaults (see the class comment), one thread, seed 1. */
    public static FastTextOptions defaults() {
        return new FastTextOptions(FastTextArchitecture.SKIPGRAM, 100, 5, 5, 5, 3, 6, 2_000_000, 5, 0.05, 1e-4, 1, 1);
    }

    /** Whether the architecture is CBOW. */
    public boolean cbow() {
        return architecture == FastTextArchitecture.CBOW;
    }

    /** The n-gram buckets the model has: {@link #bucket} with n-grams, 0 without (as fastText stores it). */
    public int buckets() {
        return maxn > 0 ? bucket : 0;
    }

    /** The args a {@code .bin} of a model trained with these options stores. */
    public FastTextArgs args() {
        return new FastTextArgs(
                dim,
                ws,
                epoch,
                minCount,
                neg,
                1,
                FastTextLoss.NS,
                architecture,
                buckets(),
                minn,
                maxn,
                LR_UPDATE_RATE,
                t);
    }

    /** These options with another architecture. */
    public FastTextOptions withArchitecture(FastTextArchitecture a) {
        return Withers.with(this, "architecture", a);
    }

    /** These options with another dimension. */
    public FastTextOptions withDim(int d) {
        return Withers.with(this, "dim", d);
    }

    /** These options with another window. */
    public FastTextOptions withWs(int w) {
        return Withers.with(this, "ws", w);
    }

    /** These options with another number of negative samples. */
    public FastTextOptions withNeg(int n) {
        return Withers.with(this, "neg", n);
    }

    /** These options with another minimum count. */
    public FastTextOptions withMinCount(int c) {
        return Withers.with(this, "minCount", c);
    }

    /** These options with other character n-gram lengths ({@code max} 0: none). */
    public FastTextOptions withNgrams(int min, int max) {
        return Withers.with(this, "minn", min, "maxn", max);
    }

    /** These options with another number of n-gram buckets. */
    public FastTextOptions withBucket(int b) {
        return Withers.with(this, "bucket", b);
    }

    /** These options with another number of epochs. */
    public FastTextOptions withEpoch(int e) {
        return Withers.with(this, "epoch", e);
    }

    /** These options with another initial learning rate. */
    public FastTextOptions withLr(double rate) {
        return Withers.with(this, "lr", rate);
    }

    /** These options with another subsampling threshold. */
    public FastTextOptions withT(double threshold) {
        return Withers.with(this, "t", threshold);
    }

    /** These options with another number of threads. */
    public FastTextOptions withThreads(int n) {
        return Withers.with(this, "threads", n);
    }

    /** These options with another seed. */
    public FastTextOptions withSeed(long s) {
        return Withers.with(this, "seed", s);
    }
}
