package dev.seqlab.cli.dates;

import dev.seqlab.attention.plot.AttentionMap;
import dev.seqlab.cli.CliCommand;
import dev.seqlab.cli.options.JsonOption;
import dev.seqlab.generators.cache.CachedModel;
import dev.seqlab.generators.dates.DateNormalizer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code seqlab dates}: the course's "Neural Machine Translation with Attention" as a command. */
@Command(name = "dates",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        subcommands = DatesExportCommand.class,
        description = {"Turn dates as people write them into ISO dates (yyyy-mm-dd) with an attention model.",
            "Prints input<TAB>iso per date; an answer that is not a real date is reported as not understood.",
            "The model is trained on first use (about two minutes, either architecture) and cached in $SEQLAB_HOME."},
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

    @Option(names = "--arch", defaultValue = "attention", paramLabel = "attention|transformer",
            description = "The model: attention (the course's Bi-LSTM + attention + LSTM, default) or transformer.")
    DateNormalizer.Architecture arch;

    @Option(names = "--attention-png", paramLabel = "FILE", description = "Draw the attention map of the first date to this PNG.")
    Path attentionPng;

    @Mixin
    JsonOption json;

    @Override
    protected int run() throws Exception {
        List<String> inputs = new ArrayList<>(dates);
        if (inputs.isEmpty()) {
            BufferedReader r = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                inputs.add(line);
            }
        }
        if (!DateNormalizer.cached(arch) && !json.enabled()) {
            err().println("seqlab: training the " + arch.name().toLowerCase(java.util.Locale.ROOT)
                    + " date model (first run only; cached in " + CachedModel.dir(arch.cacheName()) + ")");
        }
        DateNormalizer normalizer = DateNormalizer.load(arch, progress());
        int status = 0;
        List<Map<String, Object>> results = new ArrayList<>();
        boolean drawn = false;
        for (String in : inputs) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("input", in);
            DateNormalizer.Result r;
            try {
                r = normalizer.normalize(in);
            } catch (IllegalArgumentException e) {
                status = 2;
                err().println("seqlab: '" + in + "': " + e.getMessage());
                row.put("error", e.getMessage());
                results.add(row);
                continue;
            }
            row.put("iso", r.understood() ? r.iso() : null);
            row.put("understood", r.understood());
            row.put("probability", Math.round(r.probability() * 1e4) / 1e4);
            List<Double> chars = new ArrayList<>();
            for (double p : r.probabilities()) {
                chars.add(Math.round(p * 1e4) / 1e4);
            }
            row.put("char_probabilities", chars);
            results.add(row);
            if (!r.understood()) {
                status = 2;
                err().println("seqlab: '" + in + "': not understood (" + (r.valid()
                        ? String.format(java.util.Locale.ROOT, "the best guess %s has only %.0f%% confidence", r.iso(), 100 * r.probability())
                        : "the model's answer " + r.iso() + " is not a date") + ")");
            } else if (!json.enabled()) {
                out().println(in + "\t" + r.iso());
            }
            if (attentionPng != null && !drawn) {
                List<String> labels = DateNormalizer.inputLabels(in);
                List<String> outs = new ArrayList<>();
                for (char c : r.iso().toCharArray()) {
                    outs.add(String.valueOf(c));
                }
                AttentionMap.write(attentionPng, r.attention(), outs, labels, "attention: \"" + in.strip() + "\" → " + r.iso());
                drawn = true;
            }
        }
        if (json.enabled()) {
            printJson(Map.of("results", results));
        }
        out().flush();
        return status;
    }
}
