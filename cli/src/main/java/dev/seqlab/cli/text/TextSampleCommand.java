package dev.seqlab.cli.text;

import dev.seqlab.cli.CliCommand;
import dev.seqlab.core.random.SeededRandom;
import dev.seqlab.rnn.lm.CharLanguageModel;
import dev.seqlab.rnn.lm.CharSampler;
import dev.seqlab.rnn.lm.SamplingOptions;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code seqlab text sample}: generates text from a trained character model. */
@Command(name = "sample",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Generate text from a model trained with 'seqlab text train'.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  seqlab text sample --model book-model --prime \"The \" --length 300",
            "  seqlab text sample --model book-model --temperature 0.7 --top-p 0.9 --seed 42"
        })
public final class TextSampleCommand extends CliCommand {

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "Model directory (config.json + model.safetensors).")
    Path model;

    @Option(names = "--prime", defaultValue = "", description = "Text to start from; it is printed before the generated text.")
    String prime;

    @Option(names = "--length", defaultValue = "200", description = "Characters to generate (default: ${DEFAULT-VALUE}).")
    int length;

    @Option(names = "--temperature", defaultValue = "1.0", description = "Below 1 safer, above 1 wilder (default: ${DEFAULT-VALUE}).")
    double temperature;

    @Option(names = "--top-k", defaultValue = "0", description = "Sample only among the k likeliest characters, 0 for all (default: ${DEFAULT-VALUE}).")
    int topK;

    @Option(names = "--top-p", defaultValue = "1.0", description = "Sample only within the smallest set of likeliest characters reaching probability p (default: ${DEFAULT-VALUE}).")
    double topP;

    @Option(names = "--seed", description = "Seed: the same seed gives the same text (default: a new one each run).")
    Long seed;

    @Option(names = "--json", description = "Print one JSON document with the prime, the text and the seed.")
    boolean json;

    @Override
    protected int run() throws Exception {
        CharLanguageModel m = CharLanguageModel.load(model);
        long s = seed != null ? seed : System.nanoTime();
        String text = CharSampler.sample(m, prime, new SamplingOptions(length, temperature, topK, topP, false), new SeededRandom(s));
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("prime", prime);
            doc.put("text", text);
            doc.put("seed", s);
            printJson(doc);
        } else {
            out().println(prime + text);
        }
        return 0;
    }
}
