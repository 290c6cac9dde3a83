package dev.seqlab.spark.submit;

import dev.seqlab.embeddings.io.VectorFormat;
import dev.seqlab.spark.text.TextOptions;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Option;

/** What every training job reads and writes: the corpus, the output, the text options. */
final class JobInput {
    @Option(
            names = "--corpus",
            required = true,
            description =
                    "The corpus: a file or directory of text, one sentence a line (any Spark path: hdfs://, s3a://, file:).")
    String corpus;

    @Option(names = "--out", required = true, description = "The vectors file to write on the driver (.gz compresses).")
    Path out;

    @Option(
            names = "--format",
            description =
                    "Vector format: word2vec, word2vec-bin, glove, seqlab (default: from the name: .bin word2vec-bin,"
                            + " .seqlab seqlab, else word2vec text).")
    String format;

    @Option(
            names = "--tokenizer",
            description =
                    "simple, whitespace, english or an OpenNLP model file on every node (default: ${DEFAULT-VALUE}).")
    String tokenizer;

    @Option(names = "--lowercase", description = "Lower-case the text before tokenising.")
    boolean lowercase;

    @Option(names = "--partitions", description = "Partitions to train in (default: the input's).")
    int partitions;

    @Option(
            names = "--master",
            description = "The Spark master when not run by spark-submit (default: spark-submit's, else local[*]).")
    String master;

    TextOptions text() {
        return TextOptions.defaults().withTokenizer(tokenizer).withLowercase(lowercase);
    }

    VectorFormat vectorFormat() {
        if (format != null) {
            return VectorFormat.fromCliName(format);
        }
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".gz")) {
            name = name.substring(0, name.length() - 3);
        }
        if (name.endsWith(".bin")) {
            return VectorFormat.WORD2VEC_BINARY;
        }
        return name.endsWith(".seqlab") ? VectorFormat.SEQLAB : VectorFormat.WORD2VEC;
    }
}
