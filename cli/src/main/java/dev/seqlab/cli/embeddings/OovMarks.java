package dev.seqlab.cli.embeddings;

import dev.seqlab.embeddings.WordVectors;
import dev.seqlab.embeddings.shell.QueryShell;
import java.io.PrintWriter;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Marks answers that used a word out of the vocabulary, answered from its character n-grams
 * (vectors from a fastText model): {@code "oov": true, "oov_words": [...]} in a JSON document, a
 * note on stderr otherwise. Answers without such words are left exactly as before.
 */
final class OovMarks {

    private OovMarks() {}

    /** The words of {@code words} that are out of the vocabulary but have subword vectors, each once. */
    static List<String> of(WordVectors wv, Collection<String> words) {
        return words.stream().distinct().filter(wv::isOov).toList();
    }

    /** Adds the marks to a JSON document when there are OOV words. */
    static void mark(Map<String, Object> doc, List<String> oov) {
        if (!oov.isEmpty()) {
            doc.put("oov", true);
            doc.put("oov_words", oov);
        }
    }

    /** Says on {@code err} which words were answered from their n-grams, if any. */
    static void note(PrintWriter err, List<String> oov) {
        if (!oov.isEmpty()) {
            err.println(QueryShell.oovNote(oov));
            err.flush();
        }
    }
}
