package dev.seqlab.cli.embeddings;

import dev.seqlab.embeddings.ApproximateQueries;
import dev.seqlab.embeddings.WordVectors;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --approximate} and {@code --ef} options of the query commands (a picocli mixin). */
final class ApproximateOption {

    @Option(
            names = "--approximate",
            order = 80,
            description = "Search with the file's approximate index, built by seqlab embeddings index:"
                    + " much faster on large vocabularies, may miss a few of the exact neighbours.")
    boolean enabled;

    @Option(
            names = "--ef",
            paramLabel = "N",
            order = 81,
            description = "With --approximate: the search effort (the most lists an inverted-file index probes,"
                    + " the beam of an HNSW search); larger finds more of the exact neighbours, more slowly"
                    + " (default: the index's).")
    Integer ef;

    /**
     * The approximate queries over {@code wv} when {@code --approximate} is given, else null.
     *
     * @throws IllegalArgumentException if the file has no index, or {@code --ef} without {@code --approximate}
     */
    ApproximateQueries of(WordVectors wv, Path file) {
        if (!enabled) {
            if (ef != null) {
                throw new IllegalArgumentException("--ef only applies with --approximate");
            }
            return null;
        }
        if (!wv.hasApproximateIndex()) {
            throw new IllegalArgumentException(file + " has no approximate-search index; build it with: seqlab"
                    + " embeddings index --vectors " + file);
        }
        if (ef != null && ef < 1) {
            throw new IllegalArgumentException("--ef must be at least 1, got " + ef);
        }
        ApproximateQueries a = wv.approximate();
        return ef != null ? a.withEf(ef) : a;
    }
}
