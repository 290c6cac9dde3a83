package dev.seqlab.cli.dinos;

import dev.seqlab.cli.CliCommand;
import dev.seqlab.cli.options.JsonOption;
import dev.seqlab.cli.options.ShownDefaults;
import dev.seqlab.cli.options.TemperatureOption;
import dev.seqlab.generators.cache.CachedModel;
import dev.seqlab.generators.names.NameGenerator;
import dev.seqlab.rnn.lm.SamplingOptions;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code seqlab dinos}: the course's "Dinosaurus Island" as a command. */
@Command(
        name = "dinos",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Invent new dinosaur names with a character-level LSTM, or names in the style of any list.",
            "The dinosaur model is trained on first use (a few seconds) and cached in $SEQLAB_HOME."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  seqlab dinos                                   ten new dinosaur names",
            "  seqlab dinos -n 5 --seed 42 --temperature 0.8  reproducible, a little safer",
            "  seqlab dinos --train pokemon.txt -n 10         names in the style of your own list",
            "  seqlab dinos --train cities.txt --model cities-model   ...and keep that model"
        })
public final class DinosCommand extends CliCommand {

    @Option(
            names = {"-n", "--count"},
            defaultValue = "10",
            description = "How many names (default: ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--seed", description = "Seed: the same seed gives the same names (default: a new one each run).")
    Long seed;

    @Mixin
    TemperatureOption temperature;

    @Option(
            names = "--train",
            paramLabel = "NAMES_FILE",
            description = "Learn from this list instead (one name per line, UTF-8).")
    Path train;

    @Option(
            names = "--model",
            paramLabel = "DIR",
            description = "With --train: save the model here; without: use the model saved here.")
    Path modelDir;

    @Option(names = "--include-known", description = "Allow names that are in the training list.")
    boolean includeKnown;

    @Mixin
    JsonOption json;

    @Override
    protected ShownDefaults shownDefaults() {
        return ShownDefaults.none()
                .with("temperature", SamplingOptions.defaults().temperature());
    }

    @Override
    protected int run() throws Exception {
        if (count < 1 || count > 100_000) {
            throw new IllegalArgumentException("--count must be in 1..100000, got " + count);
        }
        double t = temperature.value();
        NameGenerator gen;
        String source;
        if (train != null) {
            gen = NameGenerator.train(NameGenerator.readNames(train), progress());
            source = train.toString();
            if (modelDir != null) {
                gen.save(modelDir);
                source = modelDir.toString();
            }
        } else if (modelDir != null) {
            gen = NameGenerator.load(modelDir);
            source = modelDir.toString();
        } else {
            if (!NameGenerator.dinosaursCached() && !json.enabled()) {
                err().println("seqlab: training the dinosaur-name model (first run only; cached in "
                        + CachedModel.dir(NameGenerator.DINOSAUR_MODEL) + ")");
            }
            gen = NameGenerator.dinosaurs(progress());
            source = "dinosaurs (built in)";
        }
        long s = seed != null ? seed : System.nanoTime();
        List<String> names = gen.generate(count, t, s, !includeKnown);
        if (names.size() < count) {
            err().println("seqlab: found only " + names.size() + " new names of " + count
                    + " (the list is small or the temperature low)");
        }
        if (json.enabled()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("names", names);
            doc.put("seed", s);
            doc.put("temperature", t);
            doc.put("model", source);
            printJson(doc);
        } else {
            names.forEach(out()::println);
        }
        return 0;
    }
}
