package dev.seqlab.cli.text;

import dev.seqlab.cli.CliCommand;
import dev.seqlab.cli.options.JsonOption;
import dev.seqlab.cli.options.Overrides;
import dev.seqlab.cli.options.ShownDefaults;
import dev.seqlab.cli.options.TemperatureOption;
import dev.seqlab.core.random.SeededRandom;
import dev.seqlab.rnn.lm.CharLanguageModel;
import dev.seqlab.rnn.lm.CharSampler;
import dev.seqlab.rnn.lm.CharVocabulary;
import dev.seqlab.rnn.lm.SamplingOptions;
import dev.seqlab.rnn.lm.VocabularyFiles;
import dev.seqlab.rnn.onnx.ImportedCharModel;
import dev.seqlab.rnn.onnx.ImportedModel;
import dev.seqlab.rnn.onnx.RecurrentOnnxImport;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code seqlab text sample}: generates text from a trained character model. */
@Command(
        name = "sample",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Generate text from a model trained with 'seqlab text train' (--model DIR), or from a character-level "
                    + "ONNX model (--onnx FILE: one exported by 'seqlab text export', or an LSTM/GRU/RNN char model such as "
                    + "torch.onnx.export writes, run on seqlab's own cells)."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  seqlab text sample --model book-model --prime \"The \" --length 300",
            "  seqlab text sample --model book-model --temperature 0.7 --top-p 0.9 --seed 42",
            "  seqlab text sample --onnx book.onnx --prime \"The \" --length 300",
            "  seqlab text sample --onnx char_rnn.onnx --vocab chars.txt --prime \"ROMEO:\" --top-k 5"
        })
public final class TextSampleCommand extends CliCommand {

    @Option(names = "--model", paramLabel = "DIR", description = "Model directory (config.json + model.safetensors).")
    Path model;

    @Option(
            names = "--onnx",
            paramLabel = "FILE",
            description = "A character-level ONNX model instead of --model: token ids [batch, time] in, logits out "
                    + "(initial-state inputs and final-state outputs, if any, carry the state between characters).")
    Path onnx;

    @Option(
            names = "--vocab",
            paramLabel = "FILE",
            description = "With --onnx: the characters in id order, one per line (\\n for a newline). "
                    + "Optional for models exported by seqlab, which carry their vocabulary.")
    Path vocab;

    @Option(
            names = "--prime",
            defaultValue = "",
            description = "Text to start from; it is printed before the generated text.")
    String prime;

    @Option(
            names = "--length",
            paramLabel = "N",
            description = "Characters to generate (default: ${bundle:default.length}).")
    Integer length;

    @Mixin
    TemperatureOption temperature;

    @Option(
            names = "--top-k",
            paramLabel = "K",
            description = "Sample only among the k likeliest characters, 0 for all (default: ${bundle:default.topK}).")
    Integer topK;

    @Option(
            names = "--top-p",
            paramLabel = "P",
            description =
                    "Sample only within the smallest set of likeliest characters reaching probability p (default: ${bundle:default.topP}).")
    Double topP;

    @Option(names = "--seed", description = "Seed: the same seed gives the same text (default: a new one each run).")
    Long seed;

    @Mixin
    JsonOption json;

    @Override
    protected ShownDefaults shownDefaults() {
        return ShownDefaults.of(SamplingOptions.defaults());
    }

    @Override
    protected int run() throws Exception {
        if ((model == null) == (onnx == null)) {
            throw new IllegalArgumentException("give either --model DIR or --onnx FILE");
        }
        if (vocab != null && onnx == null) {
            throw new IllegalArgumentException("--vocab goes with --onnx (a --model directory holds its vocabulary)");
        }
        long s = seed != null ? seed : System.nanoTime();
        SamplingOptions options = Overrides.on(SamplingOptions.defaults())
                .set(length, SamplingOptions::withLength)
                .set(temperature.given(), SamplingOptions::withTemperature)
                .set(topK, SamplingOptions::withTopK)
                .set(topP, SamplingOptions::withTopP)
                .get();
        String text;
        if (model != null) {
            text = CharSampler.sample(CharLanguageModel.load(model), prime, options, new SeededRandom(s));
        } else {
            text = sampleOnnx(options, s);
        }
        if (json.enabled()) {
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

    private String sampleOnnx(SamplingOptions options, long s) throws Exception {
        ImportedModel imported = RecurrentOnnxImport.read(onnx);
        CharVocabulary v;
        if (vocab != null) {
            v = VocabularyFiles.read(vocab);
        } else {
            v = ImportedCharModel.storedVocabulary(imported);
            if (v == null) {
                throw new IllegalArgumentException(
                        onnx + ": the model carries no vocabulary; give --vocab FILE (one character per line)");
            }
        }
        ImportedCharModel m = ImportedCharModel.of(imported, v);
        return m.sample(prime, options, new SeededRandom(s));
    }
}
