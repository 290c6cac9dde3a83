package dev.seqlab.cli.training;

import dev.seqlab.corpora.text.Corpus;
import dev.seqlab.corpora.text.TextCorpusOptions;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --corpus}: the text a trainer learns from, a file or a directory of files (a picocli mixin). */
public final class CorpusPath {

    @Option(
            names = "--corpus",
            required = true,
            paramLabel = "FILE|DIR",
            description = "Text to learn from (a file or a directory; gzip recognised).")
    Path corpus;

    /** The corpus, streamed as {@code options} say. */
    public Corpus open(TextCorpusOptions options) throws IOException {
        return Corpus.of(corpus, options);
    }
}
