package dev.seqlab.cli.fasttext;

import dev.seqlab.cli.CliCommand;
import dev.seqlab.cli.options.JsonOption;
import dev.seqlab.cli.options.Overrides;
import dev.seqlab.cli.options.ShownDefaults;
import dev.seqlab.cli.options.ThreadsOption;
import dev.seqlab.cli.training.ArchitectureOption;
import dev.seqlab.cli.training.Checkpointing;
import dev.seqlab.cli.training.CorpusPath;
import dev.seqlab.cli.training.DimOption;
import dev.seqlab.cli.training.MinCountOption;
import dev.seqlab.cli.training.WordTrainingSummary;
import dev.seqlab.corpora.text.Corpus;
import dev.seqlab.corpora.text.TextCorpusOptions;
import dev.seqlab.corpora.text.Tokenizers;
import dev.seqlab.embeddings.fasttext.FastTextArchitecture;
import dev.seqlab.embeddings.fasttext.FastTextBinary;
import dev.seqlab.embeddings.fasttext.train.FastText;
import dev.seqlab.embeddings.fasttext.train.FastTextOptions;
import dev.seqlab.embeddings.fasttext.train.FastTextReport;
import dev.seqlab.embeddings.io.VectorFormat;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code seqlab fasttext}: trains fastText subword vectors and writes {@code PREFIX.bin} and {@code PREFIX.vec}. */
@Command(
        name = "fasttext",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Train fastText subword vectors, the model of 'fasttext skipgram' / 'fasttext cbow'.",
            "Skip-gram or CBOW over words and their character n-grams, with negative sampling.",
            "The text is a file or a directory of text files (plain or gzip), split at",
            "whitespace as fastText splits it, one sentence per line, streamed.",
            "Writes PREFIX.bin (fastText's binary model: vectors for unseen words too) and",
            "PREFIX.vec (the dictionary words' vectors, word2vec text format).",
            "Ctrl-C or SIGTERM stops at the next job of ~10,000 words, writes PREFIX.checkpoint",
            "(the size of the model) and exits 130; --resume continues (same bytes with --threads 1)."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  seqlab fasttext --corpus corpus.txt --out model",
            "  seqlab fasttext --corpus wiki/ --out wiki --cbow --dim 300 --threads 8",
            "  seqlab embeddings similar --vectors model.vec king"
        })
public final class FastTextCommand extends CliCommand {

    @Mixin
    CorpusPath corpus;

    @Option(names = "--out", required = true, paramLabel = "PREFIX", description = "Writes PREFIX.bin and PREFIX.vec.")
    String out;

    @Mixin
    ArchitectureOption architecture;

    @Mixin
    DimOption dim;

    @Option(names = "--ws", paramLabel = "N", description = "Largest context distance (default: ${bundle:default.ws}).")
    Integer ws;

    @Option(names = "--neg", paramLabel = "N", description = "Negative samples (default: ${bundle:default.neg}).")
    Integer neg;

    @Mixin
    MinCountOption minCount;

    @Option(
            names = "--minn",
            paramLabel = "N",
            description = "Shortest character n-gram (default: ${bundle:default.minn}).")
    Integer minn;

    @Option(
            names = "--maxn",
            paramLabel = "N",
            description = "Longest character n-gram, 0 for none (default: ${bundle:default.maxn}).")
    Integer maxn;

    @Option(
            names = "--bucket",
            paramLabel = "N",
            description = "Hashed n-gram rows (default: ${bundle:default.bucket}).")
    Integer bucket;

    @Option(
            names = {"--epoch", "--epochs"},
            paramLabel = "N",
            description = "Passes over the corpus (default: ${bundle:default.epoch}).")
    Integer epoch;

    @Option(
            names = "--lr",
            paramLabel = "RATE",
            description = "Initial learning rate, falling linearly to 0 (default: ${bundle:default.lr}).")
    Double lr;

    @Option(
            names = "--t",
            paramLabel = "T",
            description = "Subsampling threshold for frequent words, 0 for off (default: ${bundle:default.t}).")
    Double t;

    @Option(names = "--seed", paramLabel = "N", description = "Random seed (default: ${bundle:default.seed}).")
    Long seed;

    @Mixin
    Checkpointing checkpointing;

    @Mixin
    ThreadsOption threads;

    @Mixin
    JsonOption json;

    @Override
    protected ShownDefaults shownDefaults() {
        return ShownDefaults.of(FastTextOptions.defaults());
    }

    @Override
    protected int run() throws Exception {
        FastTextOptions base = FastTextOptions.defaults()
                .withArchitecture(architecture.cbow() ? FastTextArchitecture.CBOW : FastTextArchitecture.SKIPGRAM)
                .withThreads(threads.threads());
        FastTextOptions given = Overrides.on(base)
                .set(dim.given(), FastTextOptions::withDim)
                .set(ws, FastTextOptions::withWs)
                .set(neg, FastTextOptions::withNeg)
                .set(minCount.given(), FastTextOptions::withMinCount)
                .set(bucket, FastTextOptions::withBucket)
                .set(epoch, FastTextOptions::withEpoch)
                .set(lr, FastTextOptions::withLr)
                .set(t, FastTextOptions::withT)
                .set(seed, FastTextOptions::withSeed)
                .get();
        FastTextOptions options =
                given.withNgrams(minn != null ? minn : given.minn(), maxn != null ? maxn : given.maxn());
        Corpus text = corpus.open(TextCorpusOptions.defaults().withTokenizer(Tokenizers.whitespace()));
        Path prefix = Path.of(out);
        Path bin = Path.of(out + ".bin");
        Path vec = Path.of(out + ".vec");
        Optional<FastTextReport> done = checkpointing.train(
                prefix,
                (stop, checkpoint) -> FastText.train(text, options, progress(), stop, checkpoint),
                (stop, checkpoint) -> FastText.resume(checkpoint, options, progress(), stop),
                r -> {
                    FastTextBinary.write(r.model(), bin);
                    r.vectors().save(vec, VectorFormat.WORD2VEC);
                });
        if (done.isEmpty()) {
            return Checkpointing.STOPPED;
        }
        FastTextReport r = done.get();
        double seconds = r.countSeconds() + r.trainingSeconds();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("bin", bin.toString());
        summary.put("vec", vec.toString());
        summary.put("architecture", architecture.key());
        summary.put("words", r.vectors().size());
        summary.put("dim", options.dim());
        WordTrainingSummary.put(summary, r.corpusWords(), r.trainedWords(), r.epochs(), r.wordsPerSecond(), seconds);
        summary.put("kernel", r.kernel());
        if (json.enabled()) {
            printJson(summary);
        } else {
            out().printf(
                            Locale.ROOT,
                            "Trained fastText %s vectors for %,d words (dim %d, n-grams %d-%d) on %,d corpus words x %d epochs:%n"
                                    + "%,d words/s, %.1f s. Written to %s and %s.%n",
                            architecture.title(),
                            r.vectors().size(),
                            options.dim(),
                            options.minn(),
                            options.maxn(),
                            r.corpusWords(),
                            r.epochs(),
                            Math.round(r.wordsPerSecond()),
                            seconds,
                            bin,
                            vec);
        }
        return 0;
    }
}
