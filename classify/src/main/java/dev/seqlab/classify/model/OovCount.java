package dev.seqlab.classify.model;

import java.util.List;
import java.util.function.Predicate;

/**
 * How many tokens of some sentences the word vectors do not know (skipped by {@code average},
 * read as the unknown-word vector by the LSTM).
 *
 * @param tokens  tokens seen
 * @param unknown of them, not in the vectors
 * @param sentencesWithoutKnownWords sentences none of whose tokens is known
 */
public record OovCount(long tokens, long unknown, long sentencesWithoutKnownWords) {

    /** Counts over {@code texts}, a token known when {@code known} says so. */
    public static OovCount of(List<String> texts, SentenceTokens tokens, Predicate<String> known) {
        long seen = 0;
        long unknown = 0;
        long blind = 0;
        for (String text : texts) {
            int found = 0;
            for (String t : tokens.of(text)) {
                seen++;
                if (known.test(t)) {
                    found++;
                } else {
                    unknown++;
                }
            }
            if (found == 0) {
                blind++;
            }
        }
        return new OovCount(seen, unknown, blind);
    }

    /** The share of tokens not in the vectors (0 when there are none). */
    public double rate() {
        return tokens == 0 ? 0 : unknown / (double) tokens;
    }
}
