package dev.seqlab.embeddings.eval;

import dev.seqlab.core.options.Withers;
import dev.seqlab.embeddings.AnalogyMethod;

/**
 * How analogy questions are evaluated; the defaults are gensim's.
 *
 * @param restrictVocab   only the first this many words are known (questions with other words
 *                        are out of vocabulary) and searched for answers; 300,000 by default
 * @param caseInsensitive compare upper-cased words (a word's first case variant in the
 *                        vocabulary gives the vector); true by default
 * @param dummy4unknown   count questions with unknown words as wrong instead of skipping them
 * @param method          3CosAdd (gensim's only method) or 3CosMul
 * @param oovVectors      answer questions with unknown words too, from the words' subword vectors
 *                        when the vectors have them (a fastText model): the all-questions figure;
 *                        off by default (gensim's figure, unknown words skipped)
 */
public record AnalogyEvaluationOptions(
        int restrictVocab, boolean caseInsensitive, boolean dummy4unknown, AnalogyMethod method, boolean oovVectors) {
    /** gensim's defaults: 300,000 words, case-insensitive, unknown words skipped, 3CosAdd. */
    public static final AnalogyEvaluationOptions DEFAULT =
            new AnalogyEvaluationOptions(300_000, true, false, AnalogyMethod.ADD, false);

    /** Validates the options. */
    public AnalogyEvaluationOptions {
        if (restrictVocab < 1) {
            throw new IllegalArgumentException("restrictVocab must be at least 1, got " + restrictVocab);
        }
        if (method == null) {
            throw new IllegalArgumentException("method must be given (ADD or MUL)");
        }
    }

    /** These options with another vocabulary cut-off. */
    public AnalogyEvaluationOptions withRestrictVocab(int restrictVocab) {
        return Withers.with(this, "restrictVocab", restrictVocab);
    }

    /** {@link #DEFAULT}: gensim's settings. */
    public static AnalogyEvaluationOptions defaults() {
        return DEFAULT;
    }

    /** These options comparing words case-insensitively or not. */
    public AnalogyEvaluationOptions withCaseInsensitive(boolean on) {
        return Withers.with(this, "caseInsensitive", on);
    }

    /** These options counting questions with unknown words as wrong (true) or skipping them. */
    public AnalogyEvaluationOptions withDummy4unknown(boolean on) {
        return Withers.with(this, "dummy4unknown", on);
    }

    /** These options answering questions with unknown words from subword vectors (true) or not. */
    public AnalogyEvaluationOptions withOovVectors(boolean on) {
        return Withers.with(this, "oovVectors", on);
    }

    /** These options with another method. */
    public AnalogyEvaluationOptions withMethod(AnalogyMethod method) {
        return Withers.with(this, "method", method);
    }
}
