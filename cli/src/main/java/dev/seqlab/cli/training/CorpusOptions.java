package dev.seqlab.cli.training;

import dev.seqlab.corpora.text.Corpus;
import dev.seqlab.corpora.text.TextCorpusOptions;
import dev.seqlab.corpora.text.Tokenizers;
import java.io.IOException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options that say what text a trainer reads and how it is tokenised (a picocli mixin). Left
 * out, they leave {@link TextCorpusOptions#defaults()} and the trainer's vocabulary defaults as
 * they are.
 */
public final class CorpusOptions {

    @Mixin
    CorpusPath corpus;

    @Option(
            names = "--tokenizer",
            paramLabel = "simple|whitespace|english|MODEL.bin",
            description =
                    "OpenNLP tokenizer: simple (character classes, default), whitespace (already tokenised text), english (OpenNLP's learned English model: \"doesn't\" -> does n't, \"Mr.\" kept) or a learned model file.")
    String tokenizer;

    @Option(names = "--lowercase", description = "Lower-case the text before tokenising.")
    boolean lowercase;

    @Mixin
    MinCountOption minCount;

    @Option(
            names = "--max-vocab",
            paramLabel = "N",
            description = "Keep at most this many words, 0 for all (default: ${bundle:default.maxVocabSize}).")
    Integer maxVocab;

    /** The corpus, streamed with the chosen tokenizer. */
    public Corpus open() throws IOException {
        TextCorpusOptions defaults = TextCorpusOptions.defaults();
        Tokenizers.Factory factory = tokenizer == null ? defaults.tokenizer() : Tokenizers.named(tokenizer);
        return corpus.open(defaults.withTokenizer(factory).withLowercase(lowercase || defaults.lowercase()));
    }

    /** --min-count, or {@code otherwise} when it was not given. */
    public int minCount(int otherwise) {
        Integer given = minCount.given();
        return given != null ? given : otherwise;
    }

    /** --max-vocab, or {@code otherwise} when it was not given. */
    public int maxVocab(int otherwise) {
        return maxVocab != null ? maxVocab : otherwise;
    }
}
