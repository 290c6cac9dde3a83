package dev.seqlab.embeddings;

import java.util.List;

/**
 * A query named a word the vectors do not contain. The message names the word and, when there
 * are any, the closest known spellings ({@code unknown word 'kign'; did you mean king, kin?}).
 */
public class UnknownWordException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String word;
    private final List<String> suggestions;

    /**
     * @param word        the word that is not in the vocabulary
     * @param suggestions known words spelled closest to it, best first (may be empty)
     */
    public UnknownWordException(String word, List<String> suggestions) {
        super(message(word, suggestions));
        this.word = word;
        this.suggestions = List.copyOf(suggestions);
    }

    /** The word that is not in the vocabulary. */
    public String word() {
        return word;
    }

    /** Known words spelled closest to it, best first. */
    public List<String> suggestions() {
        return suggestions;
    }

    private static String message(String word, List<String> suggestions) {
        String m = "unknown word '" + word + "'";
        return suggestions.isEmpty()
                ? m + " (no similar spelling in the vocabulary)"
                : m + "; did you mean " + String.join(", ", suggestions) + "?";
    }
}
