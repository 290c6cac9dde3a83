package dev.seqlab.cli.training;

import dev.seqlab.cli.embeddings.OutputFormats;
import dev.seqlab.embeddings.WordVectors;
import dev.seqlab.embeddings.io.VectorFormat;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Option;

/** Where a trainer writes its vectors and in which format (a picocli mixin). */
public final class VectorsOutput {

    @Option(
            names = "--out",
            required = true,
            paramLabel = "FILE",
            description =
                    "Vectors file to write; the format follows the name (.txt/.vec word2vec text, .bin word2vec binary, .seqlab, .gz) or --format.")
    Path out;

    @Option(
            names = "--format",
            paramLabel = "NAME",
            description = "Output format: word2vec, word2vec-bin, glove or seqlab.")
    String format;

    /** The file to write. */
    public Path path() {
        return out;
    }

    /**
     * The format: --format if given, else from the file name, word2vec text (with its header
     * line) for {@code .txt} and by default.
     */
    public VectorFormat format() {
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (format == null && (name.endsWith(".txt") || name.endsWith(".txt.gz"))) {
            return VectorFormat.WORD2VEC;
        }
        return OutputFormats.choose(format, out, VectorFormat.WORD2VEC);
    }

    /** Writes {@code vectors} (atomically) and returns the format used. */
    public VectorFormat save(WordVectors vectors) throws IOException {
        VectorFormat f = format();
        vectors.save(out, f);
        return f;
    }

    /** Adds {@code out} (the file written) and {@code format} (its format's name) to a command's summary. */
    public void describe(Map<String, Object> summary) {
        summary.put("out", out.toString());
        summary.put("format", format().cliName());
    }
}
