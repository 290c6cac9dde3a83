package dev.seqlab.cli.dates;

import ai.onnx.proto.OnnxMl.ModelProto;
import dev.seqlab.attention.onnx.AttentionOnnxExport;
import dev.seqlab.cli.CliCommand;
import dev.seqlab.cli.options.JsonOption;
import dev.seqlab.cli.training.Checkpointing;
import dev.seqlab.corpora.dates.DateVocabulary;
import dev.seqlab.generators.dates.DateNormalizer;
import dev.seqlab.onnx.graph.OnnxFiles;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code seqlab dates export}: writes the date model as one standard ONNX file. */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Write the date model as one standard ONNX file for ONNX Runtime or any ONNX back end.",
            "Opset " + AttentionOnnxExport.OPSET + ": the attention model as LSTM, MatMul, Tanh, Softmax, Gemm; "
                    + "the Transformer as MatMul, Softmax and a decomposed layer norm, its greedy decoding unrolled "
                    + "(each step's ArgMax fed to the next).",
            "Input: tokens int64 [batch, 30] (0 = padding). Outputs: logits, probabilities [batch, 10, 11] and attention "
                    + "[batch, 10, 30] (for the Transformer, the last decoder layer's cross-attention averaged over heads). "
                    + "The input and output characters (and how to make ids) are kept in the file's metadata.",
            "Without --model, exports the default model of --arch (trained on first use and cached in $SEQLAB_HOME)."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  seqlab dates export --out dates.onnx",
            "  seqlab dates export --out dates.onnx --json",
            "  seqlab dates export --arch transformer --out dates-transformer.onnx",
            "  seqlab onnx inspect dates.onnx"
        })
public final class DatesExportCommand extends CliCommand {

    @Option(
            names = "--out",
            required = true,
            paramLabel = "FILE",
            description = "The ONNX file to write (replaced atomically).")
    Path out;

    @Option(
            names = "--arch",
            defaultValue = "attention",
            paramLabel = "attention|transformer",
            description = "Which default model to export (default: ${DEFAULT-VALUE}).")
    DateNormalizer.Architecture arch;

    @Option(
            names = "--model",
            paramLabel = "DIR",
            description = "Export this saved date model directory instead of the default model.")
    Path model;

    @Mixin
    JsonOption json;

    @Override
    protected int run() throws Exception {
        // refuse before spending minutes training a default model that could not be written
        Path dir = out.toAbsolutePath().getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            throw new NoSuchFileException(dir.toString());
        }
        DateNormalizer normalizer;
        if (model != null) {
            normalizer = DateNormalizer.load(model);
        } else {
            Optional<DateNormalizer> loaded = DefaultDateModel.load(arch, err(), progress(), false);
            if (loaded.isEmpty()) {
                return Checkpointing.STOPPED;
            }
            normalizer = loaded.get();
        }
        ModelProto proto = normalizer.onnx();
        OnnxFiles.write(proto, out);
        if (json.enabled()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("onnx", out.toString());
            doc.put("bytes", Files.size(out));
            doc.put("opset", proto.getOpsetImport(0).getVersion());
            doc.put("architecture", name(normalizer.architecture()));
            doc.put("input_length", DateVocabulary.INPUT_LENGTH);
            doc.put("output_length", DateVocabulary.OUTPUT_LENGTH);
            doc.put("input_vocabulary", DateVocabulary.inputSize());
            doc.put("output_vocabulary", DateVocabulary.outputSize());
            printJson(doc);
        } else {
            out().println("wrote " + out + " (" + name(normalizer.architecture()) + " date model, "
                    + DateVocabulary.INPUT_LENGTH + " input → " + DateVocabulary.OUTPUT_LENGTH + " output characters)");
        }
        out().flush();
        return 0;
    }

    private static String name(DateNormalizer.Architecture a) {
        return DefaultDateModel.name(a);
    }
}
