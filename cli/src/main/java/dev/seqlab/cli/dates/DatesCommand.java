package dev.seqlab.cli.dates;

import dev.seqlab.attention.plot.AttentionMap;
import dev.seqlab.cli.CliCommand;
import dev.seqlab.cli.Declined;
import dev.seqlab.cli.options.JsonOption;
import dev.seqlab.cli.training.Checkpointing;
import dev.seqlab.generators.dates.DateNormalizer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code seqlab dates}: the course's "Neural Machine Translation with Attention" as a command. */
@Command(
        name = "dates",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        subcommands = DatesExportCommand.class,
        description = {
            "Turn dates as people write them into ISO dates (yyyy-mm-dd) with an attention model.",
            "Prints one line per date, in order: input<TAB>iso, or input<TAB><TAB>reason for a date it",
            "declines (not understood, or not a date at all); the exit status is then 2, with a count on stderr.",
            "--json: one record per date, a declined one with \"iso\": null and \"declined\": the reason.",
            "The model is trained on first use (about two minutes, either architecture) and cached in $SEQLAB_HOME;",
            "Ctrl-C then stops the training with a checkpoint there (exit 130), and the next run resumes from it."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  seqlab dates \"3 May 1979\" \"Tue 10 Jul 2007\" \"5/3/79\"",
            "  seqlab dates --attention-png map.png \"saturday 9 may 2018\"",
            "  seqlab dates --arch transformer \"21th of August 2016\"",
            "  cut -f1 messy.tsv | seqlab dates --json",
            "  seqlab dates export --out dates.onnx          (the model as a standard ONNX file)"
        })
public final class DatesCommand extends CliCommand {

    @Parameters(paramLabel = "DATE", description = "Dates to normalise; without any, one per line from standard input.")
    List<String> dates = new ArrayList<>();

    @Option(
            names = "--arch",
            defaultValue = "attention",
            paramLabel = "attention|transformer",
            description = "The model: attention (the course's Bi-LSTM + attention + LSTM, default) or transformer.")
    DateNormalizer.Architecture arch;

    @Option(
            names = "--attention-png",
            paramLabel = "FILE",
            description = "Draw the attention map of the first date to this PNG.")
    Path attentionPng;

    @Mixin
    JsonOption json;

    @Override
    protected int run() throws Exception {
        Optional<DateNormalizer> loaded = DefaultDateModel.load(arch, err(), progress(), json.enabled());
        if (loaded.isEmpty()) {
            return Checkpointing.STOPPED;
        }
        DateNormalizer normalizer = loaded.get();
        Declined declined = new Declined("dates");
        List<Map<String, Object>> results = new ArrayList<>();
        boolean[] drawn = {false};
        if (dates.isEmpty()) {
            // a filter: each line is answered (and flushed) as it comes
            BufferedReader r = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                answer(normalizer, line, declined, results, drawn);
            }
        } else {
            for (String in : dates) {
                answer(normalizer, in, declined, results, drawn);
            }
        }
        if (json.enabled()) {
            printJson(Map.of("results", results));
        }
        out().flush();
        return declined.finish(
                err(),
                json.enabled()
                        ? "\"iso\": null and the reason in \"declined\""
                        : "empty ISO field, reason in the third column");
    }

    /**
     * Answers one date: {@code input<TAB>iso}, or {@code input<TAB><TAB>reason} when declined (and
     * in JSON {@code "iso": null, "declined": reason}), so line i of the output is about input i.
     */
    private void answer(
            DateNormalizer normalizer, String in, Declined declined, List<Map<String, Object>> results, boolean[] drawn)
            throws Exception {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("input", in);
        results.add(row);
        DateNormalizer.Result r;
        try {
            r = normalizer.normalize(in);
        } catch (IllegalArgumentException e) {
            decline(in, e.getMessage(), row, declined);
            return;
        }
        row.put("iso", r.understood() ? r.iso() : null);
        row.put("understood", r.understood());
        row.put("probability", Math.round(r.probability() * 1e4) / 1e4);
        List<Double> chars = new ArrayList<>();
        for (double p : r.probabilities()) {
            chars.add(Math.round(p * 1e4) / 1e4);
        }
        row.put("char_probabilities", chars);
        if (r.understood()) {
            declined.answered();
            if (!json.enabled()) {
                out().println(in + "\t" + r.iso());
                out().flush();
            }
        } else {
            decline(
                    in,
                    "not understood: "
                            + (r.valid()
                                    ? String.format(
                                            Locale.ROOT,
                                            "the best guess %s has only %.0f%% confidence",
                                            r.iso(),
                                            100 * r.probability())
                                    : "the model's answer " + r.iso() + " is not a date"),
                    row,
                    declined);
        }
        if (attentionPng != null && !drawn[0]) {
            List<String> labels = DateNormalizer.inputLabels(in);
            List<String> outs = new ArrayList<>();
            for (char c : r.iso().toCharArray()) {
                outs.add(String.valueOf(c));
            }
            AttentionMap.write(
                    attentionPng, r.attention(), outs, labels, "attention: \"" + in.strip() + "\" → " + r.iso());
            drawn[0] = true;
        }
    }

    private void decline(String in, String reason, Map<String, Object> row, Declined declined) {
        declined.declined();
        row.putIfAbsent("iso", null);
        row.put("declined", reason);
        if (!json.enabled()) {
            out().println(in + "\t\t" + reason);
            out().flush();
        }
    }
}
