package dev.seqlab.cli.training;

import dev.seqlab.corpora.text.Corpus;
import dev.seqlab.corpora.text.TextCorpusOptions;
import dev.seqlab.corpora.text.Tokenizers;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options that say what text a trainer reads and how it is tokenised (a picocli mixin). */
public final class CorpusOptions {

    @Option(names = "--corpus", required = true, paramLabel = "FILE|DIR", description = "Text to learn from (a file or a directory; gzip recognised).")
    Path corpus;

    @Option(names = "--tokenizer", defaultValue = "simple", paramLabel = "simple|whitespace|english|MODEL.bin",
            description = "OpenNLP tokenizer: simple (character classes, default), whitespace (already tokenised text), english (OpenNLP's learned English model: \"doesn't\" -> does n't, \"Mr.\" kept) or a learned model file.")
    String tokenizer;

    @Option(names = "--lowercase", description = "Lower-case the text before tokenising.")
    boolean lowercase;

    @Option(names = "--min-count", defaultValue = "5", description = "Ignore words seen fewer times (default: ${DEFAULT-VALUE}).")
    int minCount;

    @Option(names = "--max-vocab", defaultValue = "0", description = "Keep at most this many words, 0 for all (default: ${DEFAULT-VALUE}).")
    int maxVocab;

    /** The corpus, streamed with the chosen tokenizer. */
    public Corpus open() throws IOException {
        Tokenizers.Factory factory = switch (tokenizer) {
            case "simple" -> Tokenizers.simple();
            case "whitespace" -> Tokenizers.whitespace();
            case "english" -> Tokenizers.english();
            default -> Tokenizers.model(Path.of(tokenizer));
        };
        return Corpus.of(corpus, TextCorpusOptions.defaults().withTokenizer(factory).withLowercase(lowercase));
    }

    /** --min-count. */
    public int minCount() {
        return minCount;
    }

    /** --max-vocab. */
    public int maxVocab() {
        return maxVocab;
    }
}
