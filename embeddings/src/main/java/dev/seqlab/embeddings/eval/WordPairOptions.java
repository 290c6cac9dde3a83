package dev.seqlab.embeddings.eval;

import dev.seqlab.core.options.Withers;

/**
 * How word-pair similarity judgements are evaluated; the defaults are gensim's, except that the
 * delimiter is detected (tab when the first judgement line has one, else comma) unless given.
 *
 * @param delimiter       the field separator, or null to detect tab or comma
 * @param restrictVocab   only the first this many words are known; 300,000 by default
 * @param caseInsensitive compare upper-cased words; true by default
 * @param dummy4unknown   give pairs with unknown words similarity 0 instead of skipping them
 * @param oovVectors      score pairs with unknown words too, from the words' subword vectors when
 *                        the vectors have them (a fastText model); off by default (gensim's figure)
 */
public record WordPairOptions(
        String delimiter, int restrictVocab, boolean caseInsensitive, boolean dummy4unknown, boolean oovVectors) {
    /** Detected delimiter, 300,000 words, case-insensitive, unknown pairs skipped. */
    public static final WordPairOptions DEFAULT = new WordPairOptions(null, 300_000, true, false, false);

    /** Validates the options. */
    public WordPairOptions {
        if (delimiter != null && delimiter.isEmpty()) {
            throw new IllegalArgumentException("delimiter must not be empty (null detects tab or comma)");
        }
        if (restrictVocab < 1) {
            throw new IllegalArgumentException("restrictVocab must be at least 1, got " + restrictVocab);
        }
    }

    /** These options scoring pairs with unknown words from subword vectors (true) or not. */
    public WordPairOptions withOovVectors(boolean on) {
        return Withers.with(this, "oovVectors", on);
    }

    /** These options with another vocabulary cut-off. */
    public WordPairOptions withRestrictVocab(int restrictVocab) {
        return Withers.with(this, "restrictVocab", restrictVocab);
    }

    /** {@link #DEFAULT}: gensim's settings with a detected delimiter. */
    public static WordPairOptions defaults() {
        return DEFAULT;
    }

    /** These options comparing words case-insensitively or not. */
    public WordPairOptions withCaseInsensitive(boolean on) {
        return Withers.with(this, "caseInsensitive", on);
    }

    /** These options giving pairs with unknown words similarity 0 (true) or skipping them. */
    public WordPairOptions withDummy4unknown(boolean on) {
        return Withers.with(this, "dummy4unknown", on);
    }

    /** These options with a fixed delimiter. */
    public WordPairOptions withDelimiter(String delimiter) {
        return Withers.with(this, "delimiter", delimiter);
    }
}
