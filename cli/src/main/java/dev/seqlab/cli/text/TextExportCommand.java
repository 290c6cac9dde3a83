package dev.seqlab.cli.text;

import dev.seqlab.cli.CliCommand;
import dev.seqlab.cli.options.JsonOption;
import dev.seqlab.rnn.lm.CharLanguageModel;
import dev.seqlab.rnn.lm.VocabularyFiles;
import dev.seqlab.rnn.onnx.RecurrentOnnxExport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code seqlab text export}: writes a trained character model as a standard ONNX file. */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Write a model trained with 'seqlab text train' as a standard ONNX file (LSTM/GRU/RNN, MatMul, Softmax; "
                    + "opset " + RecurrentOnnxExport.OPSET + ") for ONNX Runtime or any ONNX back end.",
            "Inputs: tokens int64 [batch, time] (-1 = no character), h0 (and c0 for LSTM) float [layers, batch, hidden]. "
                    + "Outputs: logits, probabilities [batch, time, vocabulary], h_out (and c_out): feed them back as h0 (c0) "
                    + "to generate one character at a time. The vocabulary is kept in the file's metadata."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  seqlab text export --model book-model --out book.onnx",
            "  seqlab text export --model book-model --out book.onnx --vocab book.vocab.txt --json",
            "  seqlab text sample --onnx book.onnx --prime \"It was \""
        })
public final class TextExportCommand extends CliCommand {

    @Option(
            names = "--model",
            required = true,
            paramLabel = "DIR",
            description = "Model directory (config.json + model.safetensors).")
    Path model;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "FILE",
            description = "The ONNX file to write (replaced atomically).")
    Path out;

    @Option(
            names = "--vocab",
            paramLabel = "FILE",
            description = "Also write the vocabulary, one character per line in id order (\\\\n for a newline).")
    Path vocab;

    @Mixin
    JsonOption json;

    @Override
    protected int run() throws Exception {
        CharLanguageModel m = CharLanguageModel.load(model);
        RecurrentOnnxExport.writeCharModel(m, out);
        if (vocab != null) {
            VocabularyFiles.write(m.vocabulary(), vocab);
        }
        if (json.enabled()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("onnx", out.toString());
            doc.put("bytes", Files.size(out));
            doc.put("opset", RecurrentOnnxExport.OPSET);
            doc.put("cell", m.options().cell().name().toLowerCase(Locale.ROOT));
            doc.put("layers", m.options().layers());
            doc.put("hidden", m.options().hidden());
            doc.put("vocabulary", m.vocabulary().size());
            if (vocab != null) {
                doc.put("vocab_file", vocab.toString());
            }
            printJson(doc);
        } else {
            out().println("wrote " + out + " (" + m.options().cell().name().toLowerCase(Locale.ROOT) + ", "
                    + m.options().layers() + " × " + m.options().hidden() + ", "
                    + m.vocabulary().size() + " characters)"
                    + (vocab != null ? " and " + vocab : ""));
        }
        return 0;
    }
}
