package dev.seqlab.embeddings.word2vec;

import dev.seqlab.core.options.Checks;
import dev.seqlab.core.options.Withers;
import dev.seqlab.corpora.text.VocabularyOptions;
import java.util.Objects;

/**
 * Hyperparameters of {@link Word2Vec}. The defaults ({@link #defaults()}) are gensim 4's: skip-gram,
 * 100 dimensions, window 5, 5 negative samples, no hierarchical softmax, min-count 5, sample 1e-3,
 * alpha 0.025 decaying linearly to 0.0001, 5 epochs, CBOW averaging its context.
 *
 * @param architecture        skip-gram or CBOW
 * @param cbowMean            CBOW averages the context vectors (true) or sums them (false)
 * @param dim                 vector dimension
 * @param window              largest distance between centre and context word; each position
 *                            draws its actual window uniformly from 1..window
 * @param negative            negative samples per prediction (0: none)
 * @param hierarchicalSoftmax also (or instead) train with hierarchical softmax over a Huffman tree
 * @param minCount            words seen fewer times are ignored
 * @param maxVocabSize        keep at most this many words (the most frequent); 0 for no limit
 * @param sample              subsampling threshold for frequent words (0: off)
 * @param alpha               initial learning rate
 * @param minAlpha            final learning rate, reached linearly over all epochs
 * @param epochs              passes over the corpus
 * @param threads             training threads
 * @param seed                seeds initial vectors and every random choice
 * @param deterministic       several threads still give the same bytes for the same seed and
 *                            thread count: each trains its own replica and the replicas are merged
 *                            in order every few hundred thousand words ({@link ShardedRun}),
 *                            instead of all threads updating one copy without locks
 */
public record Word2VecOptions(
        Word2VecArchitecture architecture,
        boolean cbowMean,
        int dim,
        int window,
        int negative,
        boolean hierarchicalSoftmax,
        int minCount,
        int maxVocabSize,
        double sample,
        double alpha,
        double minAlpha,
        int epochs,
        int threads,
        long seed,
        boolean deterministic) {

    /**
     * @throws IllegalArgumentException naming the first option out of range
     */
    public Word2VecOptions {
        Objects.requireNonNull(architecture, "architecture");
        Checks.atLeast("dim", dim, 1);
        Checks.atLeast("window", window, 1);
        Checks.atLeast("minCount", minCount, 1);
        Checks.atLeast("epochs", epochs, 1);
        Checks.atLeast("threads", threads, 1);
        if (negative < 0) {
            throw new IllegalArgumentException("negative must be 0 or more, got " + negative);
        }
        if (negative == 0 && !hierarchicalSoftmax) {
            throw new IllegalArgumentException("negative is 0 and hierarchical softmax is off: nothing to train");
        }
        if (maxVocabSize < 0) {
            throw new IllegalArgumentException("maxVocabSize must be 0 (no limit) or positive, got " + maxVocabSize);
        }
        if (!(sample >= 0) || Double.isInfinite(sample)) {
            throw new IllegalArgumentException("sample must be 0 (off) or positive, got " + sample);
        }
        if (!(alpha > 0) || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException("alpha must be positive, got " + alpha);
        }
        if (!(minAlpha >= 0 && minAlpha <= alpha)) {
            throw new IllegalArgumentException("minAlpha must be between 0 and alpha (" + alpha + "), got " + minAlpha);
        }
    }

    /** gensim 4's defaults (skip-gram, see the class comment), one thread, seed 1. */
    public static Word2VecOptions defaults() {
        VocabularyOptions vocabulary = VocabularyOptions.defaults();
        return new Word2VecOptions(
                Word2VecArchitecture.SKIP_GRAM,
                true,
                100,
                5,
                5,
                false,
                vocabulary.minCount(),
                vocabulary.maxSize(),
                1e-3,
                0.025,
                0.0001,
                5,
                1,
                1,
                false);
    }

    /** Skip-gram as the original C tool and gensim default it: {@link #defaults()}. */
    public static Word2VecOptions skipGram() {
        return defaults();
    }

    /**
     * CBOW (averaged context) with the original C tool's learning rate for it, 0.05 (gensim uses
     * 0.025 for both architectures; on the 7.2M-token benchmark corpus, 3 epochs, 0.05 gives 10.1%
     * analogy accuracy against 5.7% for 0.025), otherwise {@link #defaults()}.
     */
    public static Word2VecOptions cbow() {
        return defaults().withArchitecture(Word2VecArchitecture.CBOW).withAlpha(0.05, 0.0001);
    }

    /** These options with another architecture. */
    public Word2VecOptions withArchitecture(Word2VecArchitecture a) {
        return Withers.with(this, "architecture", a);
    }

    /** These options with CBOW averaging (true) or summing (false) its context. */
    public Word2VecOptions withCbowMean(boolean mean) {
        return Withers.with(this, "cbowMean", mean);
    }

    /** These options with another dimension. */
    public Word2VecOptions withDim(int d) {
        return Withers.with(this, "dim", d);
    }

    /** These options with another window. */
    public Word2VecOptions withWindow(int w) {
        return Withers.with(this, "window", w);
    }

    /** These options with another number of negative samples and hierarchical softmax on or off. */
    public Word2VecOptions withObjective(int neg, boolean hs) {
        return Withers.with(this, "negative", neg, "hierarchicalSoftmax", hs);
    }

    /** These options with another vocabulary cut. */
    public Word2VecOptions withVocabulary(int minimumCount, int maxSize) {
        return Withers.with(this, "minCount", minimumCount, "maxVocabSize", maxSize);
    }

    /** These options with another subsampling threshold. */
    public Word2VecOptions withSample(double s) {
        return Withers.with(this, "sample", s);
    }

    /** These options with another learning-rate schedule. */
    public Word2VecOptions withAlpha(double start, double end) {
        return Withers.with(this, "alpha", start, "minAlpha", end);
    }

    /** These options with another number of epochs. */
    public Word2VecOptions withEpochs(int e) {
        return Withers.with(this, "epochs", e);
    }

    /** These options with another number of threads. */
    public Word2VecOptions withThreads(int t) {
        return Withers.with(this, "threads", t);
    }

    /** These options with deterministic multi-threaded training on (see the class comment) or off. */
    public Word2VecOptions withDeterministic(boolean d) {
        return Withers.with(this, "deterministic", d);
    }

    /** These options with another seed. */
    public Word2VecOptions withSeed(long s) {
        return Withers.with(this, "seed", s);
    }
}
