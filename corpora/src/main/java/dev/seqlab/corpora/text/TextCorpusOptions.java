package dev.seqlab.corpora.text;

import dev.seqlab.core.options.Checks;
import dev.seqlab.core.options.Withers;
import java.util.Objects;

/**
 * How a {@link TextCorpus} turns text into sentences.
 *
 * @param tokenizer         makes tokens of a line ({@link Tokenizers#simple()} by default)
 * @param lowercase         lower-case text (in the root locale) before tokenising
 * @param maxSentenceLength longer lines are cut into sentences of at most this many tokens.
 *                          The default, {@value #DEFAULT_MAX_SENTENCE_LENGTH}, is gensim's
 *                          limit ({@code MAX_WORDS_IN_BATCH}); the word2vec C tool cuts at 1000
 *                          in-vocabulary words. It matters only for corpora that are one long
 *                          line, like text8, where it also bounds the memory a sentence takes.
 */
public record TextCorpusOptions(Tokenizers.Factory tokenizer, boolean lowercase, int maxSentenceLength) {
    /** gensim's cap on the tokens of one sentence. */
    public static final int DEFAULT_MAX_SENTENCE_LENGTH = 10_000;

    /**
     * @throws IllegalArgumentException if {@code maxSentenceLength < 1}
     * @throws NullPointerException if {@code tokenizer} is null
     */
    public TextCorpusOptions {
        Objects.requireNonNull(tokenizer, "tokenizer");
        Checks.atLeast("maxSentenceLength", maxSentenceLength, 1);
    }

    /** OpenNLP's simple tokenizer, case kept, sentences of at most 10,000 tokens. */
    public static TextCorpusOptions defaults() {
        return new TextCorpusOptions(Tokenizers.simple(), false, DEFAULT_MAX_SENTENCE_LENGTH);
    }

    /** These options with another tokenizer. */
    public TextCorpusOptions withTokenizer(Tokenizers.Factory t) {
        return Withers.with(this, "tokenizer", t);
    }

    /** These options with lower-casing on or off. */
    public TextCorpusOptions withLowercase(boolean on) {
        return Withers.with(this, "lowercase", on);
    }

    /** These options with another sentence length cap. */
    public TextCorpusOptions withMaxSentenceLength(int tokens) {
        return Withers.with(this, "maxSentenceLength", tokens);
    }
}
