package dev.seqlab.cli.glove;

import dev.seqlab.cli.CliCommand;
import dev.seqlab.cli.training.Checkpointing;
import dev.seqlab.cli.training.CorpusOptions;
import dev.seqlab.cli.training.VectorsOutput;
import dev.seqlab.embeddings.VectorFormat;
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
@Command(name = "glove",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {"Train GloVe vectors on a text file or a directory of text files (plain",
            "or gzip, one sentence per line): count co-occurrences in a symmetric window",
            "(1/distance) within a memory budget, spilling sorted counts to disk beyond",
            "it; shuffle; fit them with AdaGrad; write W + W~ for 'seqlab embeddings'.",
            "The corpus is streamed, never held in memory.",
            "Ctrl-C or SIGTERM during training stops within 4,096 pairs per thread, leaves --out untouched,",
            "writes OUT.checkpoint and exits 130; --resume continues (same bytes with --threads 1)."},
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

    @Option(names = "--dim", defaultValue = "100", description = "Vector dimension (default: ${DEFAULT-VALUE}).")
    int dim;

    @Option(names = "--window", defaultValue = "10", description = "Context words on each side (default: ${DEFAULT-VALUE}).")
    int window;

    @Option(names = "--x-max", defaultValue = "100", paramLabel = "X", description = "Counts from X up get full weight (default: ${DEFAULT-VALUE}; 10 suits small corpora).")
    double xMax;

    @Option(names = "--alpha", defaultValue = "0.75", description = "Exponent of the weighting (x/x_max)^alpha (default: ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--eta", defaultValue = "0.05", paramLabel = "RATE", description = "AdaGrad's initial learning rate (default: ${DEFAULT-VALUE}).")
    double eta;

    @Option(names = "--iter", defaultValue = "15", description = "Training iterations (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--memory", paramLabel = "MB", description = "Memory for counting and shuffling in MB; beyond it counts are spilled to disk (default: 1024, at most half the heap).")
    Long memoryMb;

    @Option(names = "--temp-dir", paramLabel = "DIR", description = "Directory for temporary files (default: the system's).")
    Path tempDir;

    @Option(names = "--threads", paramLabel = "N", description = "Training threads (default: the number of processors).")
    Integer threads;

    @Option(names = "--seed", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}); with --threads 1 the output is the same bytes every run.")
    long seed;

    @Option(names = "--cost-png", paramLabel = "FILE", description = "Also draw the cost of every iteration to this PNG file.")
    Path costPng;

    @Option(names = "--json", description = "Print a JSON summary instead of text.")
    boolean json;

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
        GloVeOptions options = new GloVeOptions(dim, window, xMax, alpha, eta, iterations, corpusOptions.minCount(),
                corpusOptions.maxVocab(), memoryMb != null ? memoryMb << 20 : defaults.memoryBytes(),
                threads != null ? threads : Runtime.getRuntime().availableProcessors(), seed, tempDir);
        Path out = output.path();
        Optional<GloVeReport> done = checkpointing.train(spec(), err(), out,
                (stop, checkpoint) -> GloVe.train(corpusOptions.open(), options, progress(), stop, checkpoint),
                (stop, checkpoint) -> GloVe.resume(checkpoint, options, progress(), stop));
        if (done.isEmpty()) {
            return Checkpointing.STOPPED;
        }
        GloVeReport r = done.get();
        VectorFormat format = output.save(r.vectors());
        Checkpointing.finished(out);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("out", out.toString());
        summary.put("format", format.cliName());
        summary.put("vocabulary", r.vectors().size());
        summary.put("dim", dim);
        summary.put("corpus_words", r.corpusTokens());
        summary.put("pairs", r.pairs());
        summary.put("spilled_runs", r.runs());
        summary.put("iterations", iterations);
        summary.put("final_cost", r.finalCost());
        summary.put("costs", r.costs());
        if (costPng != null) {
            LossCurve.write(costPng, r.costs(), 1, List.of(), "GloVe: the weighted least-squares cost, iteration by iteration",
                    new LossCurve.Labels("iteration", "mean cost per pair", "training"));
            summary.put("cost_png", costPng.toString());
        }
        summary.put("seconds", Math.round(r.totalSeconds() * 100) / 100.0);
        summary.put("counting_seconds", Math.round((r.vocabularySeconds() + r.countingSeconds()) * 100) / 100.0);
        summary.put("shuffling_seconds", Math.round(r.shufflingSeconds() * 100) / 100.0);
        summary.put("training_seconds", Math.round(r.trainingSeconds() * 100) / 100.0);
        if (json) {
            printJson(summary);
        } else {
            out().printf(Locale.ROOT, "Trained GloVe vectors for %,d words (dim %d) from %,d co-occurring pairs in %,d corpus"
                            + " words:%n%.1f s (counting %.1f, shuffling %.1f, training %.1f), final cost %.4f."
                            + " Written to %s (%s).%s%nTry: seqlab embeddings similar --vectors %s %s%n",
                    r.vectors().size(), dim, r.pairs(), r.corpusTokens(), r.totalSeconds(),
                    r.vocabularySeconds() + r.countingSeconds(), r.shufflingSeconds(), r.trainingSeconds(),
                    r.finalCost(), out, format.cliName(), costPng == null ? "" : " Cost curve: " + costPng + ".", out,
                    r.vectors().words().get(Math.min(100, r.vectors().size() - 1)));
        }
        return 0;
    }
}
