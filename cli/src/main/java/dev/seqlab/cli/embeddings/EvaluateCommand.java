package dev.seqlab.cli.embeddings;

import dev.seqlab.cli.TextTable;
import dev.seqlab.cli.options.JsonOption;
import dev.seqlab.cli.options.Overrides;
import dev.seqlab.cli.options.ShownDefaults;
import dev.seqlab.embeddings.AnalogyMethod;
import dev.seqlab.embeddings.WordVectors;
import dev.seqlab.embeddings.eval.AnalogyEvaluation;
import dev.seqlab.embeddings.eval.AnalogyEvaluationOptions;
import dev.seqlab.embeddings.eval.AnalogySection;
import dev.seqlab.embeddings.eval.WordPairEvaluation;
import dev.seqlab.embeddings.eval.WordPairOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code seqlab embeddings evaluate}: analogy accuracy and word-pair correlation, as gensim computes them. */
@Command(
        name = "evaluate",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Measure how good the vectors are on analogies and word-pair judgements.",
            "Analogy accuracy on a questions-words file (': section' headers, 'a b c d' lines)",
            "and Spearman/Pearson correlation with human judgements in a word-pair file",
            "(word1<TAB>word2<TAB>score, or commas; # comments). The figures equal gensim's",
            "evaluate_word_analogies and evaluate_word_pairs (unknown words skipped).",
            "For a fastText .bin model, whose unknown words have n-gram vectors, the figures",
            "over all questions and pairs (unknown words answered from their n-grams) follow",
            "(--json: analogies_all_questions, pairs_all)."
        },
        footerHeading = "%nExample:%n",
        footer =
                "  seqlab embeddings evaluate --vectors glove.6B.100d.txt --analogies questions-words.txt --pairs wordsim353.tsv")
public final class EvaluateCommand extends VectorsCommand {

    @Option(
            names = "--analogies",
            paramLabel = "FILE",
            order = 1,
            description = "Analogy questions (questions-words format).")
    Path analogies;

    @Option(
            names = "--pairs",
            paramLabel = "FILE",
            order = 2,
            description = "Word pairs with similarity judgements (e.g. WordSim-353).")
    Path pairs;

    @Option(
            names = "--restrict",
            paramLabel = "N",
            order = 3,
            description =
                    "Only the first N words count as known and as answers (default: ${bundle:default.restrictVocab}, as gensim).")
    Integer restrict;

    @Option(
            names = "--case-sensitive",
            order = 4,
            description = "Compare words as written (default: case-insensitive, as gensim).")
    boolean caseSensitive;

    @Option(
            names = "--method",
            paramLabel = "add|mul",
            order = 5,
            description =
                    "How analogies are answered: 3CosAdd (add, gensim's) or 3CosMul (mul) (default: ${bundle:default.method}).")
    String method;

    @Mixin
    JsonOption json;

    @Override
    protected ShownDefaults shownDefaults() {
        return super.shownDefaults().and(AnalogyEvaluationOptions.defaults());
    }

    @Override
    protected int run() throws Exception {
        if (analogies == null && pairs == null) {
            throw new IllegalArgumentException("nothing to evaluate: give --analogies FILE, --pairs FILE or both");
        }
        if (restrict != null && restrict < 1) {
            throw new IllegalArgumentException("--restrict must be at least 1, got " + restrict);
        }
        AnalogyEvaluationOptions analogyOptions = Overrides.on(AnalogyEvaluationOptions.defaults())
                .set(restrict, AnalogyEvaluationOptions::withRestrictVocab)
                .set(method == null ? null : AnalogyMethod.fromName(method), AnalogyEvaluationOptions::withMethod)
                .get()
                .withCaseInsensitive(!caseSensitive);
        WordPairOptions pairOptions = Overrides.on(WordPairOptions.defaults())
                .set(restrict, WordPairOptions::withRestrictVocab)
                .get()
                .withCaseInsensitive(!caseSensitive);
        WordVectors wv = loadVectors();
        Map<String, Object> doc = new LinkedHashMap<>();
        if (analogies != null) {
            AnalogyEvaluation a = AnalogyEvaluation.run(wv, analogies, analogyOptions);
            doc.put("analogies", analogyJson(a));
            if (!json.enabled()) {
                printAnalogies(a);
            }
            if (wv.hasSubwords()) {
                AnalogyEvaluation all = AnalogyEvaluation.run(wv, analogies, analogyOptions.withOovVectors(true));
                doc.put("analogies_all_questions", analogyJson(all));
                if (!json.enabled()) {
                    out().printf(
                                    Locale.ROOT,
                                    "all %,d questions, unknown words from their n-grams: %,d correct, accuracy %s%n",
                                    all.total().evaluated(),
                                    all.total().correct(),
                                    percent(all.total()));
                }
            }
        }
        if (pairs != null) {
            WordPairEvaluation p = WordPairEvaluation.run(wv, pairs, pairOptions);
            doc.put("pairs", pairJson(p));
            if (!json.enabled()) {
                if (analogies != null) {
                    out().println();
                }
                out().printf(
                                Locale.ROOT,
                                "%s: Spearman %.4f, Pearson %.4f (%d pairs, %.1f%% with unknown words)%n",
                                pairs.getFileName(),
                                p.spearman(),
                                p.pearson(),
                                p.pairs(),
                                p.oovRatio());
            }
            if (wv.hasSubwords()) {
                WordPairEvaluation all = WordPairEvaluation.run(wv, pairs, pairOptions.withOovVectors(true));
                doc.put("pairs_all", pairJson(all));
                if (!json.enabled()) {
                    out().printf(
                                    Locale.ROOT,
                                    "all %d pairs, unknown words from their n-grams: Spearman %.4f, Pearson %.4f%n",
                                    all.pairs(),
                                    all.spearman(),
                                    all.pearson());
                }
            }
        }
        if (json.enabled()) {
            printJson(doc);
        }
        return 0;
    }

    private void printAnalogies(AnalogyEvaluation a) {
        TextTable t = new TextTable("section", "correct", "questions", "accuracy");
        for (AnalogySection s : a.sections()) {
            t.row(s.name(), s.correct(), s.evaluated(), percent(s));
        }
        t.row(a.total().name(), a.total().correct(), a.total().evaluated(), percent(a.total()));
        t.print(out());
        out().printf(
                        Locale.ROOT,
                        "%,d of %,d questions skipped for unknown words (%.1f%%)%n",
                        a.outOfVocabulary(),
                        a.questions(),
                        a.oovRatio());
    }

    private static String percent(AnalogySection s) {
        return s.evaluated() == 0 ? "-" : String.format(Locale.ROOT, "%.2f%%", 100 * s.accuracy());
    }

    private static Map<String, Object> analogyJson(AnalogyEvaluation a) {
        List<Map<String, Object>> sections = new ArrayList<>();
        for (AnalogySection s : a.sections()) {
            sections.add(sectionJson(s));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("accuracy", a.accuracy());
        m.put("total", sectionJson(a.total()));
        m.put("sections", sections);
        m.put("questions", a.questions());
        m.put("out_of_vocabulary", a.outOfVocabulary());
        m.put("oov_ratio", a.oovRatio());
        return m;
    }

    private static Map<String, Object> sectionJson(AnalogySection s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.name());
        m.put("correct", s.correct());
        m.put("incorrect", s.incorrect());
        m.put("accuracy", s.accuracy());
        return m;
    }

    private static Map<String, Object> pairJson(WordPairEvaluation p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("spearman", p.spearman());
        m.put("pearson", p.pearson());
        m.put("pairs", p.pairs());
        m.put("out_of_vocabulary", p.outOfVocabulary());
        m.put("oov_ratio", p.oovRatio());
        return m;
    }
}
