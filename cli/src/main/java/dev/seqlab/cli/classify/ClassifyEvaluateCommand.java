package dev.seqlab.cli.classify;

import dev.seqlab.classify.TextClassifier;
import dev.seqlab.classify.data.LabelledCsv;
import dev.seqlab.classify.data.LabelledText;
import dev.seqlab.classify.eval.ClassMetrics;
import dev.seqlab.classify.eval.ConfusionMatrixPng;
import dev.seqlab.classify.eval.ConfusionMatrixTable;
import dev.seqlab.classify.eval.Evaluation;
import dev.seqlab.classify.model.OovCount;
import dev.seqlab.cli.CliCommand;
import dev.seqlab.cli.options.JsonOption;
import dev.seqlab.core.io.MalformedFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code seqlab classify evaluate}: scores a trained classifier on labelled sentences. */
@Command(
        name = "evaluate",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Score a trained sentence classifier on labelled sentences.",
            "Prints accuracy, per-class precision, recall and F1, their macro averages and the",
            "confusion matrix, and draws the matrix as a PNG. With --json, one JSON document."
        },
        footerHeading = "%nExample:%n",
        footer = {"  seqlab classify evaluate --model emoji --data test.csv --png confusion.png"})
public final class ClassifyEvaluateCommand extends CliCommand {

    @Mixin
    ModelOptions model;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "Labelled sentences (CSV or TSV).")
    Path data;

    @Mixin
    CsvColumnOptions csv;

    @Option(
            names = "--png",
            paramLabel = "FILE",
            description = "Where to draw the confusion matrix (default: DIR/confusion.png).")
    Path png;

    @Mixin
    JsonOption json;

    @Override
    protected int run() throws Exception {
        List<LabelledText> rows = LabelledCsv.read(data, csv.columns());
        TextClassifier c = model.load(progress());
        Set<String> known = new HashSet<>(c.labels());
        for (LabelledText r : rows) {
            if (!known.contains(r.label())) {
                throw new MalformedFileException(
                        data,
                        r.line(),
                        "class '" + r.label() + "' is not one the model knows (" + String.join(", ", c.labels()) + ")");
            }
        }
        long start = System.nanoTime();
        Evaluation e = c.evaluate(rows);
        double seconds = (System.nanoTime() - start) / 1e9;
        OovCount oov = c.oov(rows.stream().map(LabelledText::text).toList());
        Path picture = png != null ? png : model.model().resolve("confusion.png");
        ConfusionMatrixPng.write(
                picture, e, "seqlab classify: " + model.model().getFileName() + " on " + data.getFileName());
        if (json.enabled()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("model", model.model().toString());
            doc.put("data", data.toString());
            doc.put("sentences", e.sentences());
            doc.put("accuracy", round(e.accuracy()));
            doc.put("macro_precision", round(e.macroPrecision()));
            doc.put("macro_recall", round(e.macroRecall()));
            doc.put("macro_f1", round(e.macroF1()));
            List<Map<String, Object>> classes = new ArrayList<>();
            for (ClassMetrics m : e.classes()) {
                Map<String, Object> cm = new LinkedHashMap<>();
                cm.put("label", m.label());
                cm.put("precision", round(m.precision()));
                cm.put("recall", round(m.recall()));
                cm.put("f1", round(m.f1()));
                cm.put("support", m.support());
                classes.add(cm);
            }
            doc.put("classes", classes);
            doc.put("labels", e.labels());
            doc.put("confusion", e.confusion());
            doc.put("unknown_tokens", oov.unknown());
            doc.put("tokens", oov.tokens());
            doc.put("unknown_rate", round(oov.rate()));
            doc.put("seconds", round(seconds));
            doc.put("png", picture.toString());
            printJson(doc);
        } else {
            out().print(ConfusionMatrixTable.format(e));
            out().printf(
                            Locale.ROOT,
                            "%nUnknown words: %,d of %,d tokens (%.1f%%). Confusion matrix: %s%n",
                            oov.unknown(),
                            oov.tokens(),
                            100 * oov.rate(),
                            picture);
        }
        return 0;
    }

    private static double round(double v) {
        return Math.round(v * 1e4) / 1e4;
    }
}
