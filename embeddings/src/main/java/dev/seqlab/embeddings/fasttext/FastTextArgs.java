package dev.seqlab.embeddings.fasttext;

import dev.seqlab.core.options.Checks;
import dev.seqlab.core.options.Withers;
import java.util.Objects;

/**
 * The hyperparameters a fastText {@code .bin} stores, in the order of fastText's {@code Args::save}
 * (the learning rate, thread count and seed are not stored). {@link #defaults()} are the fastText
 * tool's for {@code fasttext skipgram}.
 *
 * @param dim          vector dimension
 * @param ws           context window
 * @param epoch        passes over the corpus
 * @param minCount     words seen fewer times were dropped
 * @param neg          negative samples
 * @param wordNgrams   word n-grams (supervised models; 1 for unsupervised)
 * @param loss         the loss
 * @param model        the architecture
 * @param bucket       number of hashed n-gram rows in the input matrix
 * @param minn         shortest character n-gram (in characters)
 * @param maxn         longest character n-gram; 0 for none
 * @param lrUpdateRate words between learning-rate updates
 * @param t            subsampling threshold
 */
public record FastTextArgs(
        int dim,
        int ws,
        int epoch,
        int minCount,
        int neg,
        int wordNgrams,
        FastTextLoss loss,
        FastTextArchitecture model,
        int bucket,
        int minn,
        int maxn,
        int lrUpdateRate,
        double t) {

    /**
     * @throws IllegalArgumentException naming the first value out of range
     */
    public FastTextArgs {
        Objects.requireNonNull(loss, "loss");
        Objects.requireNonNull(model, "model");
        Checks.atLeast("dim", dim, 1);
        Checks.zeroOrPositive("ws", ws);
        Checks.zeroOrPositive("epoch", epoch);
        Checks.zeroOrPositive("minCount", minCount);
        Checks.zeroOrPositive("neg", neg);
        Checks.zeroOrPositive("wordNgrams", wordNgrams);
        Checks.zeroOrPositive("bucket", bucket);
        Checks.zeroOrPositive("minn", minn);
        Checks.zeroOrPositive("maxn", maxn);
        Checks.zeroOrPositive("lrUpdateRate", lrUpdateRate);
        Checks.nonNegative("t", t);
        if (maxn > 0 && bucket == 0) {
            throw new IllegalArgumentException("maxn " + maxn + " needs n-gram buckets, but bucket is 0");
        }
    }

    /** The fastText tool's defaults for {@code skipgram}: dim 100, ws 5, 5 epochs, minCount 5, neg 5, 2M buckets, n-grams 3 to 6. */
    public static FastTextArgs defaults() {
        return new FastTextArgs(
                100, 5, 5, 5, 5, 1, FastTextLoss.NS, FastTextArchitecture.SKIPGRAM, 2_000_000, 3, 6, 100, 1e-4);
    }

    /** Whether words get character n-grams ({@code maxn > 0}). */
    public boolean hasSubwords() {
        return maxn > 0 && bucket > 0;
    }

    /** These args with another dimension. */
    public FastTextArgs withDim(int d) {
        return Withers.with(this, "dim", d);
    }

    /** These args with another window. */
    public FastTextArgs withWs(int w) {
        return Withers.with(this, "ws", w);
    }

    /** These args with another number of epochs. */
    public FastTextArgs withEpoch(int e) {
        return Withers.with(this, "epoch", e);
    }

    /** These args with another minimum count. */
    public FastTextArgs withMinCount(int c) {
        return Withers.with(this, "minCount", c);
    }

    /** These args with another number of negative samples. */
    public FastTextArgs withNeg(int n) {
        return Withers.with(this, "neg", n);
    }

    /** These args with another word n-gram length. */
    public FastTextArgs withWordNgrams(int n) {
        return Withers.with(this, "wordNgrams", n);
    }

    /** These args with another loss. */
    public FastTextArgs withLoss(FastTextLoss l) {
        return Withers.with(this, "loss", l);
    }

    /** These args with another architecture. */
    public FastTextArgs withModel(FastTextArchitecture m) {
        return Withers.with(this, "model", m);
    }

    /** These args with another number of buckets. */
    public FastTextArgs withBucket(int b) {
        return Withers.with(this, "bucket", b);
    }

    /** These args with other character n-gram lengths ({@code maxn} 0: none). */
    public FastTextArgs withNgrams(int min, int max) {
        return Withers.with(this, "minn", min, "maxn", max);
    }

    /** These args with another learning-rate update interval. */
    public FastTextArgs withLrUpdateRate(int r) {
        return Withers.with(this, "lrUpdateRate", r);
    }

    /** These args with another subsampling threshold. */
    public FastTextArgs withT(double threshold) {
        return Withers.with(this, "t", threshold);
    }
}
