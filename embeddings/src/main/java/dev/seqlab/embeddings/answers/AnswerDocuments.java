package dev.seqlab.embeddings.answers;

import dev.seqlab.embeddings.AnalogyMethod;
import dev.seqlab.embeddings.Neighbor;
import dev.seqlab.embeddings.debias.BiasDirection;
import dev.seqlab.embeddings.debias.WordPair;
import dev.seqlab.embeddings.debias.WordProjection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Answers to word-vector queries as JSON-ready documents (ordered maps of strings, numbers and
 * lists), one shape per query. Serialise them with any JSON library; keys keep their order.
 */
public final class AnswerDocuments {

    private AnswerDocuments() {}

    /** The neighbours as objects {@code {"word": …, scoreName: …}} in rank order. */
    public static List<Map<String, Object>> neighbors(List<Neighbor> neighbors, String scoreName) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Neighbor n : neighbors) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("word", n.word());
            m.put(scoreName, n.score());
            list.add(m);
        }
        return list;
    }

    /** {@code {"positive", "negative", "neighbors": [{"word", "similarity"}…]}}. */
    public static Map<String, Object> similar(List<String> positive, List<String> negative, List<Neighbor> result) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("positive", positive);
        doc.put("negative", negative);
        doc.put("neighbors", neighbors(result, "similarity"));
        return doc;
    }

    /** {@code {"a", "b", "c", "method": "add"|"mul", "answers": [{"word", "score"}…]}}. */
    public static Map<String, Object> analogy(
            String a, String b, String c, AnalogyMethod method, List<Neighbor> answers) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("a", a);
        doc.put("b", b);
        doc.put("c", c);
        doc.put("method", method.name().toLowerCase(Locale.ROOT));
        doc.put("answers", neighbors(answers, "score"));
        return doc;
    }

    /** {@code {"words", "doesnt_match"}}. */
    public static Map<String, Object> doesntMatch(List<String> words, String odd) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("words", words);
        doc.put("doesnt_match", odd);
        return doc;
    }

    /** {@code {"word1", "word2", "similarity"}}. */
    public static Map<String, Object> similarity(String word1, String word2, double similarity) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("word1", word1);
        doc.put("word2", word2);
        doc.put("similarity", similarity);
        return doc;
    }

    /**
     * {@code {"direction_pairs", "explained_ratio", "projections": [{"word", "change", "before",
     * "after"}…], "missing"}}: what debiasing did to the listed words.
     */
    public static Map<String, Object> biasProjections(
            BiasDirection direction, List<WordPair> pairs, List<WordProjection> projections, List<String> missing) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (WordProjection p : projections) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("word", p.word());
            m.put("change", p.role().name().toLowerCase(Locale.ROOT));
            m.put("before", p.before());
            m.put("after", p.after());
            list.add(m);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("direction_pairs", pairs.stream().map(WordPair::toString).toList());
        doc.put("explained_ratio", direction.explainedRatio());
        doc.put("projections", list);
        doc.put("missing", missing);
        return doc;
    }
}
