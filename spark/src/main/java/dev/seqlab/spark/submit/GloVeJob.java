package dev.seqlab.spark.submit;

import dev.seqlab.embeddings.glove.GloVeOptions;
import dev.seqlab.embeddings.glove.GloVeReport;
import dev.seqlab.spark.glove.SparkGloVe;
import dev.seqlab.spark.glove.SparkGloVeOptions;
import dev.seqlab.spark.text.TextOptions;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code glove}: counts co-occurrences on the cluster, trains GloVe on the driver. */
@Command(
        name = "glove",
        mixinStandardHelpOptions = true,
        defaultValueProvider = GloVeJob.Defaults.class,
        description = "Counts co-occurrences with Spark and trains GloVe on the driver.")
final class GloVeJob implements Callable<Integer> {
    /** The options' defaults, from the options records. */
    static final class Defaults extends RecordDefaults {
        Defaults() {
            super(SparkGloVeOptions.defaults(), GloVeOptions.defaults(), TextOptions.defaults());
        }
    }

    @Spec
    CommandSpec spec;

    @Mixin
    JobInput input = new JobInput();

    @Option(names = "--dim", description = "Vector dimension (default: ${DEFAULT-VALUE}).")
    int dim;

    @Option(names = "--window", description = "Window (default: ${DEFAULT-VALUE}).")
    int window;

    @Option(names = "--x-max", description = "Counts at or above it get full weight (default: ${DEFAULT-VALUE}).")
    double xMax;

    @Option(names = "--min-count", description = "Minimum count (default: ${DEFAULT-VALUE}).")
    int minCount;

    @Option(names = "--iterations", description = "Training passes (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--threads", description = "Training threads on the driver (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--seed", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", description = "Print a JSON summary on stdout.")
    boolean json;

    /** The job's options as the command line gives them. */
    SparkGloVeOptions options() {
        GloVeOptions g = GloVeOptions.defaults()
                .withDim(dim)
                .withWindow(window)
                .withWeighting(xMax, GloVeOptions.defaults().alpha())
                .withIterations(iterations)
                .withThreads(threads)
                .withSeed(seed);
        g = g.withVocabulary(minCount, g.maxVocabSize());
        return SparkGloVeOptions.defaults().withGloVe(g).withText(input.text()).withPartitions(input.partitions);
    }

    @Override
    public Integer call() throws Exception {
        SparkGloVeOptions options = options();
        var format = input.vectorFormat();
        SparkSession spark = Sessions.get(input.master, "seqlab glove");
        GloVeReport report = SparkGloVe.train(spark.read().textFile(input.corpus), options);
        report.vectors().save(input.out, format);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.printf(
                    Locale.ROOT,
                    "{\"words\":%d,\"dim\":%d,\"corpus_tokens\":%d,\"pairs\":%d,\"count_seconds\":%.3f,"
                            + "\"shuffle_seconds\":%.3f,\"train_seconds\":%.3f}%n",
                    report.vectors().size(),
                    dim,
                    report.corpusTokens(),
                    report.pairs(),
                    report.countingSeconds(),
                    report.shufflingSeconds(),
                    report.trainingSeconds());
        } else {
            out.printf(
                    Locale.ROOT,
                    "%d words of dimension %d written to %s (%d co-occurring pairs)%n",
                    report.vectors().size(),
                    dim,
                    input.out,
                    report.pairs());
        }
        out.flush();
        return 0;
    }
}
