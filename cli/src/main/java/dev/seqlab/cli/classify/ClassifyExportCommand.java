package dev.seqlab.cli.classify;

import dev.seqlab.classify.TextClassifier;
import dev.seqlab.cli.CliCommand;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code seqlab classify export}: writes a trained classifier as an ONNX model. */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Export a trained sentence classifier as an ONNX model.",
            "lstm/bilstm: input 'tokens' [batch, time] int64 ids (0 padding, 1 unknown, 2… the",
            "words of vocabulary.txt in order), outputs 'logits' and 'probabilities'.",
            "average (Tribuo's export): input [batch, features], Tribuo's features in name order:",
            "with word features (the default) one per line of words.txt, then the d components of",
            "the mean of the sentence's known word vectors; without, that mean alone, [batch, d]."
        },
        footerHeading = "%nExample:%n",
        footer = {"  seqlab classify export --model emoji --out emoji.onnx"})
public final class ClassifyExportCommand extends CliCommand {

    @Mixin
    ModelOptions model;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The ONNX file to write.")
    Path out;

    @Override
    protected int run() throws Exception {
        TextClassifier c = model.load(progress());
        c.exportOnnx(out);
        out().println("Wrote " + out + " (" + c.options().arch().name().toLowerCase(Locale.ROOT) + ", "
                + c.labels().size() + " classes: " + String.join(", ", c.labels()) + ")");
        return 0;
    }
}
