package dev.seqlab.cli.classify;

import dev.seqlab.classify.Prediction;
import dev.seqlab.classify.TextClassifier;
import dev.seqlab.classify.data.LabelledCsv;
import dev.seqlab.classify.data.LabelledText;
import dev.seqlab.cli.CliCommand;
import dev.seqlab.cli.Declined;
import dev.seqlab.cli.options.JsonOption;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code seqlab classify predict}: the class of each sentence, one output line per input
 * sentence in input order, declined ones included.
 */
@Command(
        name = "predict",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Predict the class of sentences with a trained classifier.",
            "Sentences come from the arguments, from --data (a CSV/TSV's text column), or else",
            "one per line from stdin. Prints one line per sentence, in order:",
            "text<TAB>label<TAB>probability (with --top K: K label<TAB>probability pairs).",
            "A sentence with no known word is declined: text<TAB><TAB>declined: reason",
            "(exit status 2 when any was declined)."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  seqlab classify predict --model emoji \"I love you\" \"lets play ball\"",
            "  seqlab classify predict --model emoji --top 3 < sentences.txt",
            "  seqlab classify predict --model emoji --data test.csv --json"
        })
public final class ClassifyPredictCommand extends CliCommand {

    @Mixin
    ModelOptions model;

    @Option(names = "--data", paramLabel = "FILE", description = "Read the sentences from this CSV/TSV's text column.")
    Path data;

    @Mixin
    CsvColumnOptions csv;

    @Option(names = "--top", paramLabel = "K", description = "Print the K most probable classes (default: 1).")
    int top = 1;

    @Mixin
    JsonOption json;

    @Parameters(paramLabel = "TEXT", arity = "0..*", description = "Sentences to classify.")
    List<String> texts = new ArrayList<>();

    @Override
    protected int run() throws Exception {
        if (top < 1) {
            throw new IllegalArgumentException("--top must be at least 1, got " + top);
        }
        if (data != null && !texts.isEmpty()) {
            throw new IllegalArgumentException("give sentences as arguments or --data FILE, not both");
        }
        List<String> given = texts;
        if (data != null) {
            given = LabelledCsv.readTexts(data, csv.columns()).stream()
                    .map(LabelledText::text)
                    .toList();
        }
        TextClassifier c = model.load(progress());
        Declined declined = new Declined("sentences");
        List<Map<String, Object>> results = new ArrayList<>();
        if (given.isEmpty()) {
            // a filter: each line is answered (and flushed) as it comes
            BufferedReader r = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                answer(c, List.of(line), declined, results);
            }
        } else {
            answer(c, given, declined, results);
        }
        if (json.enabled()) {
            printJson(Map.of("predictions", results));
        }
        out().flush();
        return declined.finish(
                err(),
                json.enabled()
                        ? "\"label\": null and the reason in \"declined\""
                        : "empty label, reason in the third column");
    }

    private void answer(TextClassifier c, List<String> batch, Declined declined, List<Map<String, Object>> results) {
        List<Prediction> predictions = c.predict(batch, top);
        for (int i = 0; i < batch.size(); i++) {
            String text = batch.get(i);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("text", text);
            results.add(row);
            String shown = text.replaceAll("[\\t\\r\\n]+", " ");
            if (c.oov(List.of(text)).sentencesWithoutKnownWords() > 0) {
                String reason = text.isBlank() ? "empty sentence" : "no word of it is known to the model";
                declined.declined();
                row.put("label", null);
                row.put("declined", reason);
                if (!json.enabled()) {
                    out().println(shown + "\t\tdeclined: " + reason);
                }
                continue;
            }
            declined.answered();
            Prediction p = predictions.get(i);
            row.put("label", p.label());
            row.put("probability", round(p.probability()));
            List<Map<String, Object>> topList = new ArrayList<>();
            StringBuilder line = new StringBuilder(shown);
            for (Prediction.ClassScore s : p.top()) {
                topList.add(Map.of("label", s.label(), "probability", round(s.probability())));
                line.append('\t')
                        .append(s.label())
                        .append('\t')
                        .append(String.format(Locale.ROOT, "%.4f", s.probability()));
            }
            if (top > 1) {
                row.put("top", topList);
            }
            if (!json.enabled()) {
                out().println(line);
            }
        }
        out().flush();
    }

    private static double round(double v) {
        return Math.round(v * 1e4) / 1e4;
    }
}
