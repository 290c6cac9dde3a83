package dev.seqlab.spark.text;

import dev.seqlab.core.options.Checks;
import dev.seqlab.core.options.Withers;
import dev.seqlab.corpora.text.TextCorpusOptions;
import java.io.Serializable;
import java.util.Objects;

/**
 * How lines of text become sentences on the executors, as seqlab's {@link TextCorpusOptions} do
 * on one machine, but serializable (the tokenizer is named, and made on each executor).
 *
 * @param tokenizer         {@code simple}, {@code whitespace}, {@code english} or the path of an
 *                          OpenNLP model file present on every executor
 * @param lowercase         lower-case text (root locale) before tokenising
 * @param maxSentenceLength longer lines are cut into sentences of at most this many tokens
 */
public record TextOptions(String tokenizer, boolean lowercase, int maxSentenceLength) implements Serializable {
    /**
     * @throws IllegalArgumentException naming the bad value
     */
    public TextOptions {
        Objects.requireNonNull(tokenizer, "tokenizer");
        if (tokenizer.isBlank()) {
            throw new IllegalArgumentException("tokenizer must be named, got '" + tokenizer + "'");
        }
        Checks.atLeast("maxSentenceLength", maxSentenceLength, 1);
    }

    /** seqlab's defaults: the simple tokenizer, case kept, sentences of at most 10,000 tokens. */
    public static TextOptions defaults() {
        return new TextOptions("simple", false, TextCorpusOptions.DEFAULT_MAX_SENTENCE_LENGTH);
    }

    /** These options with another tokenizer. */
    public TextOptions withTokenizer(String name) {
        return Withers.with(this, "tokenizer", name);
    }

    /** These options with lower-casing on or off. */
    public TextOptions withLowercase(boolean on) {
        return Withers.with(this, "lowercase", on);
    }
}
