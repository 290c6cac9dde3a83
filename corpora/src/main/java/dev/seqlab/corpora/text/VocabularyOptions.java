package dev.seqlab.corpora.text;

import dev.seqlab.core.options.Checks;
import dev.seqlab.core.options.Withers;

/**
 * Which words a {@link Vocabulary} keeps.
 *
 * @param minCount words seen fewer times are dropped (at least 1)
 * @param maxSize  at most this many words are kept, the most frequent; 0 for no limit. Unlike
 *                 the word2vec C tool and gensim's {@code max_vocab_size}, which prune while
 *                 counting, the cut is exact: all words are counted first.
 */
public record VocabularyOptions(int minCount, int maxSize) {
    /**
     * @throws IllegalArgumentException if {@code minCount < 1} or {@code maxSize < 0}
     */
    public VocabularyOptions {
        Checks.atLeast("minCount", minCount, 1);
        if (maxSize < 0) {
            throw new IllegalArgumentException("maxSize must be 0 (no limit) or positive, got " + maxSize);
        }
    }

    /** Words seen at least 5 times (gensim's and the word2vec tool's default), no size limit. */
    public static VocabularyOptions defaults() {
        return new VocabularyOptions(5, 0);
    }

    /** Words seen at least {@code minCount} times, no size limit. */
    public static VocabularyOptions minCount(int minCount) {
        return defaults().withMinCount(minCount);
    }

    /** These options with another minimum count. */
    public VocabularyOptions withMinCount(int n) {
        return Withers.with(this, "minCount", n);
    }

    /** These options keeping at most {@code n} words (0: no limit). */
    public VocabularyOptions withMaxSize(int n) {
        return Withers.with(this, "maxSize", n);
    }
}
