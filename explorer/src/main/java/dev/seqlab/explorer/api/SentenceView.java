package dev.seqlab.explorer.api;

import dev.seqlab.sentences.SentenceEncoder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sentence similarity through a sentence encoder: {@code GET /api/sentences?query=Q&sentence=S…}
 * ranks the sentences by cosine to the query, in the shape of {@code seqlab sentences similar
 * --json} given the sentences as arguments.
 */
final class SentenceView {
    private static final int MAX_SENTENCE_LENGTH = 1000;

    private final SentenceEncoder encoder;

    SentenceView(SentenceEncoder encoder) {
        this.encoder = encoder;
    }

    Map<String, Object> rank(Params p) {
        String query = text(p.optional("query"), "query");
        List<String> sentences = p.texts("sentence", 0, MAX_SENTENCE_LENGTH);
        if (sentences.isEmpty()) {
            throw new ApiException(400, "give sentences to rank as 'sentence' parameters");
        }
        float[] q;
        float[][] v;
        synchronized (encoder) {
            q = encoder.encode(query);
            v = encoder.encode(sentences);
        }
        List<Map<String, Object>> results = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            double s = 0;
            for (int d = 0; d < q.length; d++) {
                s += (double) q[d] * v[i][d];
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("argument", i + 1);
            m.put("sentence", sentences.get(i));
            m.put("similarity", s);
            results.add(m);
        }
        // best first; equal scores keep their input order (as the command line)
        results.sort(Comparator.comparingDouble((Map<String, Object> m) -> (Double) m.get("similarity"))
                .reversed());
        int top = p.integer("top", 10, 1, p.limits().maxListSize());
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("query", query);
        doc.put("model", encoder.name());
        doc.put("sentences", sentences.size());
        doc.put("results", results.subList(0, Math.min(top, results.size())));
        return doc;
    }

    private static String text(String s, String name) {
        if (s == null || s.isBlank()) {
            throw new ApiException(400, "missing parameter '" + name + "' (a sentence)");
        }
        if (s.length() > MAX_SENTENCE_LENGTH) {
            throw new ApiException(
                    400, "'" + name + "' is " + s.length() + " characters long; the limit is " + MAX_SENTENCE_LENGTH);
        }
        return s.strip();
    }
}
