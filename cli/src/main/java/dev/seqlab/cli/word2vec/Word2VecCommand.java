package dev.seqlab.cli.word2vec;

import dev.seqlab.cli.CliCommand;
import dev.seqlab.cli.training.Checkpointing;
import dev.seqlab.cli.training.CorpusOptions;
import dev.seqlab.cli.training.VectorsOutput;
import dev.seqlab.embeddings.VectorFormat;
import dev.seqlab.embeddings.word2vec.Word2Vec;
import dev.seqlab.embeddings.word2vec.Word2VecArchitecture;
import dev.seqlab.embeddings.word2vec.Word2VecOptions;
import dev.seqlab.embeddings.word2vec.Word2VecReport;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code seqlab word2vec}: trains word vectors and writes them. */
@Command(name = "word2vec",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {"Train word2vec vectors (skip-gram by default, or CBOW) on a text file or",
            "a directory of text files (plain or gzip, one sentence per line), with",
            "negative sampling and/or hierarchical softmax, and write them for",
            "'seqlab embeddings'. The corpus is streamed, never held in memory.",
            "Ctrl-C or SIGTERM stops at the next job of ~10,000 words, leaves --out untouched,",
            "writes OUT.checkpoint and exits 130; --resume continues (same bytes with --threads 1)."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  seqlab word2vec --corpus corpus.txt --out vectors.txt",
            "  seqlab word2vec --corpus wiki/ --out wiki.bin --cbow --epochs 3 --threads 8 --lowercase",
            "  seqlab word2vec --corpus text8 --out text8.vec --tokenizer whitespace --hs --negative 0",
            "  seqlab embeddings similar --vectors vectors.txt king"
        })
public final class Word2VecCommand extends CliCommand {

    @Mixin
    CorpusOptions corpusOptions;

    @Mixin
    VectorsOutput output;

    @Mixin
    Checkpointing checkpointing;

    @Option(names = "--cbow", description = "Continuous bag of words instead of skip-gram.")
    boolean cbow;

    @Option(names = "--cbow-sum", description = "CBOW sums its context vectors instead of averaging them.")
    boolean cbowSum;

    @Option(names = "--dim", defaultValue = "100", description = "Vector dimension (default: ${DEFAULT-VALUE}).")
    int dim;

    @Option(names = "--window", defaultValue = "5", description = "Largest context distance (default: ${DEFAULT-VALUE}).")
    int window;

    @Option(names = "--negative", defaultValue = "5", description = "Negative samples per word, 0 for none (default: ${DEFAULT-VALUE}).")
    int negative;

    @Option(names = "--hs", description = "Also train with hierarchical softmax (Huffman tree).")
    boolean hs;

    @Option(names = "--sample", defaultValue = "1e-3", description = "Down-sampling threshold for frequent words, 0 for off (default: ${DEFAULT-VALUE}).")
    double sample;

    @Option(names = "--alpha", paramLabel = "RATE", description = "Initial learning rate (default: 0.025 skip-gram, 0.05 CBOW, as the original tool).")
    Double alpha;

    @Option(names = "--min-alpha", defaultValue = "0.0001", paramLabel = "RATE", description = "Final learning rate, reached linearly over all epochs (default: ${DEFAULT-VALUE}).")
    double minAlpha;

    @Option(names = "--epochs", defaultValue = "5", description = "Passes over the corpus (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--threads", paramLabel = "N", description = "Training threads (default: the number of processors).")
    Integer threads;

    @Option(names = "--seed", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}); with --threads 1 the output is the same bytes every run.")
    long seed;

    @Option(names = "--json", description = "Print a JSON summary instead of text.")
    boolean json;

    @Override
    protected int run() throws Exception {
        Word2VecArchitecture architecture = cbow ? Word2VecArchitecture.CBOW : Word2VecArchitecture.SKIP_GRAM;
        Word2VecOptions base = cbow ? Word2VecOptions.cbow() : Word2VecOptions.skipGram();
        Word2VecOptions options = new Word2VecOptions(architecture, !cbowSum, dim, window, negative, hs, corpusOptions.minCount(), corpusOptions.maxVocab(),
                sample, alpha != null ? alpha : base.alpha(), minAlpha, epochs,
                threads != null ? threads : Runtime.getRuntime().availableProcessors(), seed);
        Path out = output.path();
        Optional<Word2VecReport> done = checkpointing.train(spec(), err(), out,
                (stop, checkpoint) -> Word2Vec.train(corpusOptions.open(), options, progress(), stop, checkpoint),
                (stop, checkpoint) -> Word2Vec.resume(checkpoint, options, progress(), stop));
        if (done.isEmpty()) {
            return Checkpointing.STOPPED;
        }
        Word2VecReport r = done.get();
        VectorFormat vectorFormat = output.save(r.vectors());
        Checkpointing.finished(out);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("out", out.toString());
        summary.put("format", vectorFormat.cliName());
        summary.put("architecture", cbow ? "cbow" : "skip-gram");
        summary.put("vocabulary", r.vectors().size());
        summary.put("dim", dim);
        summary.put("corpus_words", r.corpusWords());
        summary.put("trained_words", r.trainedWords());
        summary.put("epochs", r.epochs());
        summary.put("words_per_s", Math.round(r.wordsPerSecond()));
        summary.put("seconds", Math.round((r.vocabularySeconds() + r.trainingSeconds()) * 100) / 100.0);
        if (json) {
            printJson(summary);
        } else {
            out().printf(Locale.ROOT, "Trained %s vectors for %,d words (dim %d) on %,d corpus words x %d epochs:%n"
                            + "%,d words/s, %.1f s. Written to %s (%s).%nTry: seqlab embeddings similar --vectors %s %s%n",
                    cbow ? "CBOW" : "skip-gram", r.vectors().size(), dim, r.corpusWords(), r.epochs(),
                    Math.round(r.wordsPerSecond()), r.vocabularySeconds() + r.trainingSeconds(), out,
                    vectorFormat.cliName(), out, r.vectors().words().get(Math.min(100, r.vectors().size() - 1)));
        }
        return 0;
    }
}
