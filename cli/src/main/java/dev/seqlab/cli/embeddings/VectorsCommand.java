package dev.seqlab.cli.embeddings;

import dev.seqlab.cli.CliCommand;
import dev.seqlab.cli.options.Overrides;
import dev.seqlab.cli.options.ShownDefaults;
import dev.seqlab.embeddings.WordVectors;
import dev.seqlab.embeddings.io.LoadOptions;
import dev.seqlab.embeddings.query.KernelWarmUp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Base of the subcommands that read a vectors file: the {@code --vectors}, {@code --limit},
 * {@code --lowercase} and {@code --allow-non-finite} options and loading with a progress bar.
 */
abstract class VectorsCommand extends CliCommand {

    @Option(
            names = "--vectors",
            required = true,
            paramLabel = "FILE",
            order = 0,
            description =
                    "Word vectors: GloVe, word2vec text/binary, fastText .vec or .bin, gzip of these, or seqlab format.")
    Path vectorsFile;

    @Option(
            names = "--limit",
            paramLabel = "N",
            order = 90,
            description =
                    "Read only the first N words of the file (the most frequent ones); 0 reads all (default: ${bundle:default.limit}).")
    Integer limit;

    @Option(
            names = "--lowercase",
            order = 91,
            description = "Lower-case every word while reading (the first of words that then coincide is kept).")
    boolean lowercase;

    @Override
    protected ShownDefaults shownDefaults() {
        return ShownDefaults.of(LoadOptions.defaults());
    }

    @Option(
            names = "--allow-non-finite",
            order = 92,
            description = "Keep vectors with NaN or infinite components (with a warning) instead of refusing the file.")
    boolean allowNonFinite;

    /**
     * For the commands that search: starts compiling the search kernel on the idle core while the
     * command starts, when the {@code --vectors} file on the command line is large enough for its
     * first search to need it ({@link KernelWarmUp#startFor}).
     */
    protected static void warmUpSearchFor(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String file = a.startsWith("--vectors=")
                    ? a.substring("--vectors=".length())
                    : a.equals("--vectors") && i + 1 < args.size() ? args.get(i + 1) : null;
            if (file != null) {
                try {
                    KernelWarmUp.startFor(Files.size(Path.of(file)));
                } catch (IOException | InvalidPathException e) {
                    // not a file: the options are checked when parsed
                }
                return;
            }
        }
    }

    /** Reads {@code --vectors} with the options given, showing progress on stderr. */
    protected WordVectors loadVectors() throws IOException {
        if (limit != null && limit < 0) {
            throw new IllegalArgumentException("--limit must be 0 (all words) or positive, got " + limit);
        }
        LoadOptions options = Overrides.on(LoadOptions.defaults())
                .set(limit, LoadOptions::withLimit)
                .get()
                .withLowercase(lowercase)
                .withAllowNonFinite(allowNonFinite);
        return WordVectors.load(vectorsFile, options, progress());
    }
}
