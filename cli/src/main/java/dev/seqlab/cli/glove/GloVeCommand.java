package dev.seqlab.cli.glove;

import dev.seqlab.cli.CliCommand;
import dev.seqlab.cli.options.JsonOption;
import dev.seqlab.cli.options.Overrides;
import dev.seqlab.cli.options.ShownDefaults;
import dev.seqlab.cli.options.ThreadsOption;
import dev.seqlab.cli.options.TrainingOptions;
import dev.seqlab.cli.training.Checkpointing;
import dev.seqlab.cli.training.CorpusOptions;
import dev.seqlab.cli.training.DimOption;
import dev.seqlab.cli.training.VectorsOutput;
import dev.seqlab.embeddings.glove.GloVe;
import dev.seqlab.embeddings.glove.GloVeOptions;
import dev.seqlab.embeddings.glove.GloVeReport;
import dev.seqlab.rnn.plot.LossCurve;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code seqlab glove}: counts co-occurrences, trains GloVe vectors and writes them. */
@Command(
        name = "glove",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Train GloVe vectors for 'seqlab embeddings'.",
            "The text is a file or a directory of text files (plain or gzip, one sentence",
            "per line), streamed, never held in memory. Co-occurrences are counted in a",
            "symmetric window (1/distance) within a memory budget, spilling sorted counts",
            "to disk beyond it, shuffled and fitted with AdaGrad; the vectors written are",
            "W + W~.",
            "Ctrl-C or SIGTERM during training stops within 4,096 pairs per thread, leaves --out untouched,",
            "writes OUT.checkpoint and exits 130; --resume continues (same bytes with --threads 1)."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  seqlab glove --corpus corpus.txt --out vectors.txt",
            "  seqlab glove --corpus wiki/ --out wiki.txt --x-max 10 --iter 10 --threads 8 --lowercase --memory 4096",
            "  seqlab glove --corpus corpus.txt --out vectors.txt --cost-png cost.png   # the cost, iteration by iteration",
            "  seqlab embeddings analogy --vectors vectors.txt man woman king"
        })
public final class GloVeCommand extends CliCommand {

    @Mixin
    CorpusOptions corpusOptions;

    @Mixin
    VectorsOutput output;

    @Mixin
    Checkpointing checkpointing;

    @Mixin
    DimOption dim;

    @Option(
            names = "--window",
            paramLabel = "N",
            description = "Context words on each side (default: ${bundle:default.window}).")
    Integer window;

    @Option(
            names = "--x-max",
            paramLabel = "X",
            description = "Counts from X up get full weight (default: ${bundle:default.xMax}; 10 suits small corpora).")
    Double xMax;

    @Option(
            names = "--alpha",
            paramLabel = "A",
            description = "Exponent of the weighting (x/x_max)^alpha (default: ${bundle:default.alpha}).")
    Double alpha;

    @Option(
            names = "--eta",
            paramLabel = "RATE",
            description = "AdaGrad's initial learning rate (default: ${bundle:default.learningRate}).")
    Double eta;

    @Option(
            names = "--memory",
            paramLabel = "MB",
            description =
                    "Memory for counting and shuffling in MB; beyond it counts are spilled to disk (default here: ${bundle:default.memoryMb}, the lesser of 1 GiB and half the heap).")
    Long memoryMb;

    @Option(
            names = "--temp-dir",
            paramLabel = "DIR",
            description = "Directory for temporary files (default: the system's).")
    Path tempDir;

    @Option(
            names = "--cost-png",
            paramLabel = "FILE",
            description = "Also draw the cost of every iteration to this PNG file.")
    Path costPng;

    @Mixin
    TrainingOptions training;

    @Mixin
    ThreadsOption threads;

    @Mixin
    JsonOption json;

    @Override
    protected ShownDefaults shownDefaults() {
        GloVeOptions d = GloVeOptions.defaults();
        return ShownDefaults.of(d).with("epochs", d.iterations()).with("memoryMb", d.memoryBytes() >> 20);
    }

    @Override
    protected int run() throws Exception {
        GloVeOptions defaults = GloVeOptions.defaults();
        Path costDir = costPng == null ? null : costPng.toAbsolutePath().getParent();
        if (costDir != null && !Files.isDirectory(costDir)) {
            throw new IllegalArgumentException("--cost-png: no such directory: " + costDir);
        }
        if (memoryMb != null && (memoryMb < 1 || memoryMb > (1L << 40))) {
            throw new IllegalArgumentException("--memory must be between 1 and 2^40 MB, got " + memoryMb);
        }
        GloVeOptions given = Overrides.on(
                        defaults.withThreads(threads.threads()).withWorkDirectory(tempDir))
                .set(dim.given(), GloVeOptions::withDim)
                .set(window, GloVeOptions::withWindow)
                .set(eta, GloVeOptions::withLearningRate)
                .set(training.epochs(), GloVeOptions::withIterations)
                .set(training.seed(), GloVeOptions::withSeed)
                .set(memoryMb, (o, mb) -> o.withMemoryBytes(mb << 20))
                .get();
        GloVeOptions options = given.withWeighting(
                        xMax != null ? xMax : given.xMax(), alpha != null ? alpha : given.alpha())
                .withVocabulary(corpusOptions.minCount(given.minCount()), corpusOptions.maxVocab(given.maxVocabSize()));
        Path out = output.path();
        Optional<GloVeReport> done = checkpointing.train(
                out,
                (stop, checkpoint) -> GloVe.train(corpusOptions.open(), options, progress(), stop, checkpoint),
                (stop, checkpoint) -> GloVe.resume(checkpoint, options, progress(), stop),
                r -> output.save(r.vectors()));
        if (done.isEmpty()) {
            return Checkpointing.STOPPED;
        }
        GloVeReport r = done.get();
        Map<String, Object> summary = new LinkedHashMap<>();
        output.describe(summary);
        summary.put("vocabulary", r.vectors().size());
        summary.put("dim", options.dim());
        summary.put("corpus_words", r.corpusTokens());
        summary.put("pairs", r.pairs());
        summary.put("spilled_runs", r.runs());
        summary.put("iterations", options.iterations());
        summary.put("final_cost", r.finalCost());
        summary.put("costs", r.costs());
        if (costPng != null) {
            LossCurve.write(
                    costPng,
                    r.costs(),
                    1,
                    List.of(),
                    "GloVe: the weighted least-squares cost, iteration by iteration",
                    new LossCurve.Labels("iteration", "mean cost per pair", "training"));
            summary.put("cost_png", costPng.toString());
        }
        summary.put("seconds", Math.round(r.totalSeconds() * 100) / 100.0);
        summary.put("counting_seconds", Math.round((r.vocabularySeconds() + r.countingSeconds()) * 100) / 100.0);
        summary.put("shuffling_seconds", Math.round(r.shufflingSeconds() * 100) / 100.0);
        summary.put("training_seconds", Math.round(r.trainingSeconds() * 100) / 100.0);
        if (json.enabled()) {
            printJson(summary);
        } else {
            out().printf(
                            Locale.ROOT,
                            "Trained GloVe vectors for %,d words (dim %d) from %,d co-occurring pairs in %,d corpus"
                                    + " words:%n%.1f s (counting %.1f, shuffling %.1f, training %.1f), final cost %.4f."
                                    + " Written to %s (%s).%s%nTry: seqlab embeddings similar --vectors %s %s%n",
                            r.vectors().size(),
                            options.dim(),
                            r.pairs(),
                            r.corpusTokens(),
                            r.totalSeconds(),
                            r.vocabularySeconds() + r.countingSeconds(),
                            r.shufflingSeconds(),
                            r.trainingSeconds(),
                            r.finalCost(),
                            out,
                            output.format().cliName(),
                            costPng == null ? "" : " Cost curve: " + costPng + ".",
                            out,
                            r.vectors().words().get(Math.min(100, r.vectors().size() - 1)));
        }
        return 0;
    }
}
