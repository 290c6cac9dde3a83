package dev.seqlab.embeddings.eval;

import dev.seqlab.embeddings.WordVectors;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The words an evaluation may use, as gensim builds them: the first {@code restrictVocab} words,
 * keyed upper-case when case-insensitive, the first occurrence of a key winning.
 */
final class EvalVocabulary {
    private final Map<String, Integer> rows;
    private final boolean caseInsensitive;

    EvalVocabulary(WordVectors vectors, int restrictVocab, boolean caseInsensitive) {
        int n = Math.min(restrictVocab, vectors.size());
        this.caseInsensitive = caseInsensitive;
        this.rows = new HashMap<>(Math.max(16, (int) (n / 0.7)));
        for (int i = 0; i < n; i++) {
            rows.putIfAbsent(key(vectors.word(i)), i);
        }
    }

    /** The word as the evaluation compares it (upper-cased when case-insensitive). */
    String key(String word) {
        return caseInsensitive ? word.toUpperCase(Locale.ROOT) : word;
    }

    /** The row for a key, or -1. */
    int row(String key) {
        Integer r = rows.get(key);
        return r == null ? -1 : r;
    }

    /**
     * The form of a question word to look up: the vocabulary's word for its key, else the word
     * itself (lower-cased when case-insensitive), whose vector then comes from its subwords.
     */
    String lookupForm(WordVectors vectors, String word) {
        int r = row(key(word));
        if (r >= 0) {
            return vectors.word(r);
        }
        return caseInsensitive ? word.toLowerCase(Locale.ROOT) : word;
    }

    boolean contains(String key) {
        return rows.containsKey(key);
    }
}
