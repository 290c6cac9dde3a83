package dev.seqlab.cli.text;

import dev.seqlab.cli.CliCommand;
import dev.seqlab.core.random.SeededRandom;
import dev.seqlab.rnn.lm.CharLanguageModel;
import dev.seqlab.rnn.lm.CharSampler;
import dev.seqlab.rnn.lm.CharVocabulary;
import dev.seqlab.rnn.lm.VocabularyFiles;
import dev.seqlab.rnn.onnx.ImportedCharModel;
import dev.seqlab.rnn.onnx.ImportedModel;
import dev.seqlab.rnn.onnx.RecurrentOnnxImport;
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
        description = {"Generate text from a model trained with 'seqlab text train' (--model DIR), or from a character-level "
                + "ONNX model (--onnx FILE: one exported by 'seqlab text export', or an LSTM/GRU/RNN char model such as "
                + "torch.onnx.export writes, run on seqlab's own cells)."},
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

    @Option(names = "--onnx", paramLabel = "FILE", description = "A character-level ONNX model instead of --model: token ids [batch, time] in, logits out "
            + "(initial-state inputs and final-state outputs, if any, carry the state between characters).")
    Path onnx;

    @Option(names = "--vocab", paramLabel = "FILE", description = "With --onnx: the characters in id order, one per line (\\n for a newline). "
            + "Optional for models exported by seqlab, which carry their vocabulary.")
    Path vocab;

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
        if ((model == null) == (onnx == null)) {
            throw new IllegalArgumentException("give either --model DIR or --onnx FILE");
        }
        if (vocab != null && onnx == null) {
            throw new IllegalArgumentException("--vocab goes with --onnx (a --model directory holds its vocabulary)");
        }
        long s = seed != null ? seed : System.nanoTime();
        SamplingOptions options = new SamplingOptions(length, temperature, topK, topP, false);
        String text;
        if (model != null) {
            text = CharSampler.sample(CharLanguageModel.load(model), prime, options, new SeededRandom(s));
        } else {
            text = sampleOnnx(options, s);
        }
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

    private String sampleOnnx(SamplingOptions options, long s) throws Exception {
        ImportedModel imported = RecurrentOnnxImport.read(onnx);
        CharVocabulary v;
        if (vocab != null) {
            v = VocabularyFiles.read(vocab);
        } else {
            v = ImportedCharModel.storedVocabulary(imported);
            if (v == null) {
                throw new IllegalArgumentException(onnx + ": the model carries no vocabulary; give --vocab FILE (one character per line)");
            }
        }
        ImportedCharModel m = ImportedCharModel.of(imported, v);
        return m.sample(prime, options, new SeededRandom(s));
    }
}
