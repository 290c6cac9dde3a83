package dev.seqlab.cli.embeddings;

import dev.seqlab.embeddings.io.VectorFormat;
import java.nio.file.Path;
import java.util.Locale;

/** Chooses the format of a vectors file to write from {@code --format} or the file's name (also for the trainers). */
public final class OutputFormats {

    private OutputFormats() {}

    /**
     * The format named by {@code format} when given; else the one the name of {@code out} implies
     * ({@code .seqlab}, {@code .bin}, {@code .vec}, {@code .txt}, each optionally {@code .gz});
     * else {@code fallback}.
     *
     * @throws IllegalArgumentException if nothing decides the format ({@code fallback} null)
     */
    public static VectorFormat choose(String format, Path out, VectorFormat fallback) {
        if (format != null) {
            return VectorFormat.fromCliName(format);
        }
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".gz")) {
            name = name.substring(0, name.length() - 3);
        }
        if (name.endsWith(".seqlab")) {
            return VectorFormat.SEQLAB;
        }
        if (name.endsWith(".bin")) {
            return VectorFormat.WORD2VEC_BINARY;
        }
        if (name.endsWith(".vec")) {
            return VectorFormat.WORD2VEC;
        }
        if (name.endsWith(".txt")) {
            return VectorFormat.GLOVE;
        }
        if (fallback != null) {
            return fallback;
        }
        throw new IllegalArgumentException("cannot tell the output format from the name '" + out.getFileName()
                + "': give --format glove, word2vec, word2vec-bin or seqlab");
    }
}
