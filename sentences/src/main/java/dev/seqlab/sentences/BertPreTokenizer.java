package dev.seqlab.sentences;

import java.util.function.Consumer;

/**
 * The {@code BertPreTokenizer} of Hugging Face tokenizers: splits on white space (dropped) and
 * on punctuation (each punctuation character a word of its own). Punctuation is every ASCII
 * punctuation character (including {@code $ + < = > ^ ` | ~}, which Unicode calls symbols) and
 * every character of a Unicode punctuation category; other symbols (€, ©, emoji) stay inside
 * their word.
 */
final class BertPreTokenizer {

    private BertPreTokenizer() {}

    /** Calls {@code word} for each word of {@code text} in order. */
    static void split(String text, Consumer<String> word) {
        int start = -1;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            int n = Character.charCount(c);
            if (BertNormalizer.isWhitespace(c)) {
                if (start >= 0) {
                    word.accept(text.substring(start, i));
                    start = -1;
                }
            } else if (isPunctuation(c)) {
                if (start >= 0) {
                    word.accept(text.substring(start, i));
                    start = -1;
                }
                word.accept(text.substring(i, i + n));
            } else if (start < 0) {
                start = i;
            }
            i += n;
        }
        if (start >= 0) {
            word.accept(text.substring(start));
        }
    }

    /** ASCII punctuation or a Unicode punctuation category (Pc, Pd, Ps, Pe, Pi, Pf, Po). */
    static boolean isPunctuation(int c) {
        if (c < 0x80) {
            return (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126);
        }
        return switch (Character.getType(c)) {
            case Character.CONNECTOR_PUNCTUATION,
                    Character.DASH_PUNCTUATION,
                    Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION,
                    Character.INITIAL_QUOTE_PUNCTUATION,
                    Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION -> true;
            default -> false;
        };
    }
}
