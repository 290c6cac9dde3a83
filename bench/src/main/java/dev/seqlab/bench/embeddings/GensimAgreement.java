package dev.seqlab.bench.embeddings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seqlab.embeddings.Neighbor;
import dev.seqlab.embeddings.WordVectors;
import dev.seqlab.embeddings.eval.AnalogyEvaluation;
import dev.seqlab.embeddings.eval.WordPairEvaluation;
import dev.seqlab.embeddings.io.LoadOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Asks seqlab the queries gensim answered in {@code bench/python/gensim_agreement.py} and compares:
 * every top-N list must hold the same words in the same order with scores within
 * {@value #SCORE_TOLERANCE}; single figures (similarity, evaluation) within {@value #FIGURE_TOLERANCE}.
 * Prints one line per disagreement and a JSON summary; exits 1 when anything disagrees.
 *
 * <p>Usage: {@code GensimAgreement VECTORS GENSIM.json [ANALOGIES PAIRS]}
 */
public final class GensimAgreement {
    static final double SCORE_TOLERANCE = 1e-5;
    static final double FIGURE_TOLERANCE = 1e-4;

    private int lists;
    private int figures;
    private int disagreements;
    private double maxScoreDiff;

    public static void main(String[] args) throws IOException {
        if (args.length != 2 && args.length != 4) {
            System.err.println("usage: GensimAgreement VECTORS GENSIM.json [ANALOGIES PAIRS]");
            System.exit(2);
        }
        JsonNode expected = new ObjectMapper().readTree(Path.of(args[1]).toFile());
        WordVectors wv = WordVectors.load(Path.of(args[0]), LoadOptions.DEFAULT);
        GensimAgreement g = new GensimAgreement();
        for (JsonNode q : expected.get("queries")) {
            g.check(wv, q);
        }
        String evaluation = "";
        if (args.length == 4 && expected.has("analogies")) {
            AnalogyEvaluation a = AnalogyEvaluation.run(wv, Path.of(args[2]));
            g.figure(
                    "analogy accuracy",
                    expected.get("analogies").get("accuracy").asDouble(),
                    a.accuracy());
            JsonNode sections = expected.get("analogies").get("sections");
            for (int i = 0; i < sections.size(); i++) {
                JsonNode s = sections.get(i);
                var mine = i < a.sections().size() ? a.sections().get(i) : a.total();
                g.figure(
                        "section " + s.get("name").asText() + " correct",
                        s.get("correct").asInt(),
                        mine.correct());
                g.figure(
                        "section " + s.get("name").asText() + " incorrect",
                        s.get("incorrect").asInt(),
                        mine.incorrect());
            }
            WordPairEvaluation p = WordPairEvaluation.run(wv, Path.of(args[3]));
            JsonNode ep = expected.get("pairs");
            g.figure("pairs pearson", ep.get("pearson").asDouble(), p.pearson());
            g.figure("pairs spearman", ep.get("spearman").asDouble(), p.spearman());
            g.figure("pairs oov ratio", ep.get("oov_ratio").asDouble(), p.oovRatio());
            evaluation = String.format(
                    Locale.ROOT,
                    ", \"analogy\": %.6f, \"gensim_analogy\": %.6f, \"spearman\": %.6f,"
                            + " \"gensim_spearman\": %.6f, \"pearson\": %.6f, \"gensim_pearson\": %.6f",
                    a.accuracy(),
                    expected.get("analogies").get("accuracy").asDouble(),
                    p.spearman(),
                    ep.get("spearman").asDouble(),
                    p.pearson(),
                    ep.get("pearson").asDouble());
        }
        System.out.printf(
                Locale.ROOT,
                "{\"vectors\": \"%s\", \"top_n_lists\": %d, \"figures\": %d, \"disagreements\": %d,"
                        + " \"max_score_diff\": %.3g%s}%n",
                args[0],
                g.lists,
                g.figures,
                g.disagreements,
                g.maxScoreDiff,
                evaluation);
        System.exit(g.disagreements == 0 ? 0 : 1);
    }

    private void check(WordVectors wv, JsonNode q) {
        String kind = q.get("kind").asText();
        switch (kind) {
            case "most_similar" -> list(
                    q,
                    wv.mostSimilar(
                            strings(q.get("positive")),
                            strings(q.get("negative")),
                            q.get("topn").asInt(),
                            q.get("restrict").asInt()));
            case "cosmul" -> list(
                    q,
                    wv.mostSimilarCosMul(
                            strings(q.get("positive")),
                            strings(q.get("negative")),
                            q.get("topn").asInt()));
            case "similar_by_vector" -> {
                JsonNode v = q.get("vector");
                float[] vec = new float[v.size()];
                for (int i = 0; i < vec.length; i++) {
                    vec[i] = (float) v.get(i).asDouble();
                }
                list(q, wv.similarByVector(vec, q.get("topn").asInt()));
            }
            case "doesnt_match" -> {
                figures++;
                String mine = wv.doesntMatch(strings(q.get("words")));
                if (!mine.equals(q.get("result").asText())) {
                    disagree(q, "seqlab " + mine);
                }
            }
            case "similarity" -> {
                List<String> w = strings(q.get("words"));
                figure("similarity " + w, q.get("result").asDouble(), wv.similarity(w.get(0), w.get(1)));
            }
            case "n_similarity" -> figure(
                    "n_similarity " + q.get("words") + q.get("words2"),
                    q.get("result").asDouble(),
                    wv.nSimilarity(strings(q.get("words")), strings(q.get("words2"))));
            default -> throw new IllegalArgumentException("unknown query kind " + kind);
        }
    }

    private void list(JsonNode q, List<Neighbor> mine) {
        lists++;
        JsonNode expected = q.get("result");
        boolean same = expected.size() == mine.size();
        for (int i = 0; same && i < mine.size(); i++) {
            double diff =
                    Math.abs(expected.get(i).get(1).asDouble() - mine.get(i).score());
            maxScoreDiff = Math.max(maxScoreDiff, diff);
            same = expected.get(i).get(0).asText().equals(mine.get(i).word()) && diff <= SCORE_TOLERANCE;
        }
        if (!same) {
            disagree(q, "seqlab " + mine);
        }
    }

    private void figure(String what, double expected, double mine) {
        figures++;
        if (!(Math.abs(expected - mine) <= FIGURE_TOLERANCE)) {
            disagreements++;
            System.out.println("DISAGREE " + what + ": gensim " + expected + ", seqlab " + mine);
        }
    }

    private void disagree(JsonNode q, String mine) {
        disagreements++;
        String s = q.toString();
        System.out.println("DISAGREE " + (s.length() > 400 ? s.substring(0, 400) + "..." : s) + " vs " + mine);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
