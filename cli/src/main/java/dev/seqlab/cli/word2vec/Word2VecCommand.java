package dev.seqlab.cli.word2vec;

import dev.seqlab.cli.CliCommand;
import dev.seqlab.cli.options.JsonOption;
import dev.seqlab.cli.options.Overrides;
import dev.seqlab.cli.options.ShownDefaults;
import dev.seqlab.cli.options.ThreadsOption;
import dev.seqlab.cli.options.TrainingOptions;
import dev.seqlab.cli.training.ArchitectureOption;
import dev.seqlab.cli.training.Checkpointing;
import dev.seqlab.cli.training.CorpusOptions;
import dev.seqlab.cli.training.DimOption;
import dev.seqlab.cli.training.VectorsOutput;
import dev.seqlab.cli.training.WordTrainingSummary;
import dev.seqlab.embeddings.word2vec.Word2Vec;
import dev.seqlab.embeddings.word2vec.Word2VecOptions;
import dev.seqlab.embeddings.word2vec.Word2VecReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code seqlab word2vec}: trains word vectors and writes them. */
@Command(
        name = "word2vec",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Train word2vec vectors (skip-gram or CBOW) for 'seqlab embeddings'.",
            "The text is a file or a directory of text files (plain or gzip, one sentence",
            "per line), streamed, never held in memory. Training uses negative sampling",
            "and/or hierarchical softmax.",
            "Ctrl-C or SIGTERM stops at the next job of ~10,000 words, leaves --out untouched,",
            "writes OUT.checkpoint and exits 130; --resume continues (same bytes with --threads 1)."
        },
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

    @Mixin
    ArchitectureOption architecture;

    @Option(names = "--cbow-sum", description = "CBOW sums its context vectors instead of averaging them.")
    boolean cbowSum;

    @Mixin
    DimOption dim;

    @Option(
            names = "--window",
            paramLabel = "N",
            description = "Largest context distance (default: ${bundle:default.window}).")
    Integer window;

    @Option(
            names = "--negative",
            paramLabel = "N",
            description = "Negative samples per word, 0 for none (default: ${bundle:default.negative}).")
    Integer negative;

    @Option(names = "--hs", description = "Also train with hierarchical softmax (Huffman tree).")
    boolean hs;

    @Option(
            names = "--sample",
            paramLabel = "T",
            description = "Down-sampling threshold for frequent words, 0 for off (default: ${bundle:default.sample}).")
    Double sample;

    @Option(
            names = "--alpha",
            paramLabel = "RATE",
            description =
                    "Initial learning rate (default: ${bundle:default.alpha} skip-gram, ${bundle:default.cbowAlpha} CBOW, as the original tool).")
    Double alpha;

    @Option(
            names = "--min-alpha",
            paramLabel = "RATE",
            description =
                    "Final learning rate, reached linearly over all epochs (default: ${bundle:default.minAlpha}).")
    Double minAlpha;

    @Option(
            names = "--deterministic",
            description = {
                "Same seed and thread count, same bytes, with any number of threads: each thread",
                "trains its own copy and the copies are merged in order every ~500,000 words",
                "(about half the speed of the default lock-free training on the benchmark corpus)."
            })
    boolean deterministic;

    @Mixin
    TrainingOptions training;

    @Mixin
    ThreadsOption threads;

    @Mixin
    JsonOption json;

    @Override
    protected ShownDefaults shownDefaults() {
        return ShownDefaults.of(Word2VecOptions.defaults())
                .with("cbowAlpha", Word2VecOptions.cbow().alpha());
    }

    @Override
    protected int run() throws Exception {
        Word2VecOptions base = architecture.cbow() ? Word2VecOptions.cbow() : Word2VecOptions.skipGram();
        Word2VecOptions given = Overrides.on(base.withCbowMean(!cbowSum)
                        .withThreads(threads.threads())
                        .withDeterministic(deterministic))
                .set(dim.given(), Word2VecOptions::withDim)
                .set(window, Word2VecOptions::withWindow)
                .set(sample, Word2VecOptions::withSample)
                .set(training.epochs(), Word2VecOptions::withEpochs)
                .set(training.seed(), Word2VecOptions::withSeed)
                .get();
        Word2VecOptions options = given.withObjective(negative != null ? negative : given.negative(), hs)
                .withVocabulary(corpusOptions.minCount(given.minCount()), corpusOptions.maxVocab(given.maxVocabSize()))
                .withAlpha(alpha != null ? alpha : given.alpha(), minAlpha != null ? minAlpha : given.minAlpha());
        Path out = output.path();
        Optional<Word2VecReport> done = checkpointing.train(
                out,
                (stop, checkpoint) -> Word2Vec.train(corpusOptions.open(), options, progress(), stop, checkpoint),
                (stop, checkpoint) -> Word2Vec.resume(checkpoint, options, progress(), stop),
                r -> output.save(r.vectors()));
        if (done.isEmpty()) {
            return Checkpointing.STOPPED;
        }
        Word2VecReport r = done.get();
        double seconds = r.vocabularySeconds() + r.trainingSeconds();
        Map<String, Object> summary = new LinkedHashMap<>();
        output.describe(summary);
        summary.put("architecture", architecture.key());
        summary.put("vocabulary", r.vectors().size());
        summary.put("dim", options.dim());
        WordTrainingSummary.put(summary, r.corpusWords(), r.trainedWords(), r.epochs(), r.wordsPerSecond(), seconds);
        summary.put("deterministic", options.deterministic());
        List<Double> losses = new ArrayList<>();
        for (double l : r.epochLoss()) {
            losses.add(Double.isNaN(l) ? null : Math.round(l * 1e5) / 1e5);
        }
        summary.put("epoch_loss", losses);
        summary.put("kernel_gflops", Math.round(r.gflops() * 100) / 100.0);
        if (json.enabled()) {
            printJson(summary);
        } else {
            out().printf(
                            Locale.ROOT,
                            "Trained %s vectors for %,d words (dim %d) on %,d corpus words x %d epochs:%n"
                                    + "%,d words/s, %.1f s. Written to %s (%s).%nTry: seqlab embeddings similar --vectors %s %s%n",
                            architecture.title(),
                            r.vectors().size(),
                            options.dim(),
                            r.corpusWords(),
                            r.epochs(),
                            Math.round(r.wordsPerSecond()),
                            seconds,
                            out,
                            output.format().cliName(),
                            out,
                            r.vectors().words().get(Math.min(100, r.vectors().size() - 1)));
            out().printf(Locale.ROOT, "Loss per prediction by epoch: %s%n", losses);
        }
        return 0;
    }
}
