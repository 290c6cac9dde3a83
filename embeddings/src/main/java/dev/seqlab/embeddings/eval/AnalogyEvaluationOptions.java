package dev.seqlab.embeddings.eval;

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
 */
public record AnalogyEvaluationOptions(int restrictVocab, boolean caseInsensitive, boolean dummy4unknown,
                                       AnalogyMethod method) {
    /** gensim's defaults: 300,000 words, case-insensitive, unknown words skipped, 3CosAdd. */
    public static final AnalogyEvaluationOptions DEFAULT = new AnalogyEvaluationOptions(300_000, true, false,
            AnalogyMethod.ADD);

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
        return new AnalogyEvaluationOptions(restrictVocab, caseInsensitive, dummy4unknown, method);
    }

    /** These options with another method. */
    public AnalogyEvaluationOptions withMethod(AnalogyMethod method) {
        return new AnalogyEvaluationOptions(restrictVocab, caseInsensitive, dummy4unknown, method);
    }
}
