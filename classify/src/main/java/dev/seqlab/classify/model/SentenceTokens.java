package dev.seqlab.classify.model;

import java.util.List;
import java.util.Locale;
import org.tribuo.util.tokens.Tokenizer;
import org.tribuo.util.tokens.impl.BreakIteratorTokenizer;

/**
 * The one tokenisation of both architectures, the same as {@code AveragedWordVectorExtractor}'s:
 * Tribuo's break-iterator tokenizer (English rules), lower-cased unless told otherwise. Thread-safe.
 */
public final class SentenceTokens {
    private final Tokenizer tokenizer = new BreakIteratorTokenizer(Locale.ENGLISH);
    private final ThreadLocal<Tokenizer> tokenizers = Tokenizer.createThreadLocal(tokenizer);
    private final boolean lowercase;

    /** Tokens lower-cased when {@code lowercase}. */
    public SentenceTokens(boolean lowercase) {
        this.lowercase = lowercase;
    }

    /** The tokenizer (for Tribuo's feature extractor). */
    public Tokenizer tokenizer() {
        return tokenizer;
    }

    /** Whether tokens are lower-cased. */
    public boolean lowercase() {
        return lowercase;
    }

    /** The word tokens of {@code text}. */
    public List<String> of(String text) {
        List<String> raw = tokenizers.get().split(text);
        return lowercase ? raw.stream().map(t -> t.toLowerCase(Locale.ROOT)).toList() : raw;
    }
}
