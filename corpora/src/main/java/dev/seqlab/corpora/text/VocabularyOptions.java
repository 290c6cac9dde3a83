package dev.seqlab.corpora.text;

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
        if (minCount < 1) {
            throw new IllegalArgumentException("minCount must be at least 1, got " + minCount);
        }
        if (maxSize < 0) {
            throw new IllegalArgumentException("maxSize must be 0 (no limit) or positive, got " + maxSize);
        }
    }

    /** Words seen at least {@code minCount} times, no size limit. */
    public static VocabularyOptions minCount(int minCount) {
        return new VocabularyOptions(minCount, 0);
    }
}
