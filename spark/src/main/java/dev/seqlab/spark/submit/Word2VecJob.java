package dev.seqlab.spark.submit;

import dev.seqlab.embeddings.word2vec.Word2VecArchitecture;
import dev.seqlab.embeddings.word2vec.Word2VecOptions;
import dev.seqlab.spark.word2vec.SparkWord2Vec;
import dev.seqlab.spark.word2vec.SparkWord2VecOptions;
import dev.seqlab.spark.word2vec.SparkWordVectors;
import dev.seqlab.spark.word2vec.Synchronisation;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code word2vec}: trains word2vec on the cluster and writes the vectors on the driver. */
@Command(
        name = "word2vec",
        mixinStandardHelpOptions = true,
        description = "Trains word2vec (skip-gram or CBOW, negative sampling) on a corpus with Spark.")
final class Word2VecJob implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    JobInput input = new JobInput();

    @Option(names = "--cbow", description = "CBOW instead of skip-gram.")
    boolean cbow;

    @Option(names = "--dim", defaultValue = "100", description = "Vector dimension (default: ${DEFAULT-VALUE}).")
    int dim;

    @Option(names = "--window", defaultValue = "5", description = "Window (default: ${DEFAULT-VALUE}).")
    int window;

    @Option(names = "--negative", defaultValue = "5", description = "Negative samples (default: ${DEFAULT-VALUE}).")
    int negative;

    @Option(names = "--min-count", defaultValue = "5", description = "Minimum count (default: ${DEFAULT-VALUE}).")
    int minCount;

    @Option(
            names = "--max-vocab",
            defaultValue = "0",
            description = "Most words kept, 0 for all (default: ${DEFAULT-VALUE}).")
    int maxVocab;

    @Option(
            names = "--sample",
            defaultValue = "1e-3",
            description = "Subsampling threshold (default: ${DEFAULT-VALUE}).")
    double sample;

    @Option(
            names = "--alpha",
            defaultValue = "0.025",
            description = "Initial learning rate (default: ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--epochs", defaultValue = "5", description = "Passes over the corpus (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(
            names = "--threads",
            defaultValue = "1",
            description = "Training threads in each task (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(
            names = "--rounds",
            defaultValue = "4",
            description = "Parameter synchronisations per epoch (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(
            names = "--sync",
            defaultValue = "touched",
            description = "How partitions' changes are merged: touched (mean over the partitions that changed a row)"
                    + ", average (MLlib's) or sum (Hogwild with a round's delay) (default: ${DEFAULT-VALUE}).")
    String sync;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", description = "Print a JSON summary on stdout.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Synchronisation synchronisation =
                switch (sync.toLowerCase(Locale.ROOT)) {
                    case "touched" -> Synchronisation.TOUCHED_AVERAGE;
                    case "average" -> Synchronisation.AVERAGE;
                    case "sum" -> Synchronisation.SUM;
                    default -> throw new IllegalArgumentException(
                            "unknown --sync '" + sync + "': expected touched, average or sum");
                };
        Word2VecOptions w = Word2VecOptions.defaults()
                .withArchitecture(cbow ? Word2VecArchitecture.CBOW : Word2VecArchitecture.SKIP_GRAM)
                .withDim(dim)
                .withWindow(window)
                .withObjective(negative, false)
                .withVocabulary(minCount, maxVocab)
                .withSample(sample)
                .withAlpha(alpha, Word2VecOptions.defaults().minAlpha())
                .withEpochs(epochs)
                .withThreads(threads)
                .withSeed(seed);
        SparkWord2VecOptions options = SparkWord2VecOptions.defaults()
                .withWord2Vec(w)
                .withText(input.text())
                .withPartitions(input.partitions)
                .withRoundsPerEpoch(rounds)
                .withSynchronisation(synchronisation);
        var format = input.vectorFormat();
        SparkSession spark = Sessions.get(input.master, "seqlab word2vec");
        SparkWordVectors vectors = SparkWord2Vec.train(spark.read().textFile(input.corpus), options);
        vectors.save(input.out, format);
        SparkWordVectors.Stats s = vectors.stats();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.printf(
                    Locale.ROOT,
                    "{\"words\":%d,\"dim\":%d,\"corpus_tokens\":%d,\"corpus_words\":%d,\"trained_words\":%d,"
                            + "\"partitions\":%d,\"count_seconds\":%.3f,\"train_seconds\":%.3f,\"words_per_s\":%.1f}%n",
                    vectors.words().size(),
                    dim,
                    s.corpusTokens(),
                    s.corpusWords(),
                    s.trainedWords(),
                    s.partitions(),
                    s.countSeconds(),
                    s.trainSeconds(),
                    s.wordsPerSecond());
        } else {
            out.printf(
                    Locale.ROOT,
                    "%d words of dimension %d written to %s (%d corpus tokens, %d partitions, %.0f words/s)%n",
                    vectors.words().size(),
                    dim,
                    input.out,
                    s.corpusTokens(),
                    s.partitions(),
                    s.wordsPerSecond());
        }
        out.flush();
        return 0;
    }
}
