package dev.seqlab.spark.submit;

import dev.seqlab.embeddings.word2vec.Word2VecArchitecture;
import dev.seqlab.embeddings.word2vec.Word2VecOptions;
import dev.seqlab.spark.text.TextOptions;
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
        defaultValueProvider = Word2VecJob.Defaults.class,
        description = "Trains word2vec (skip-gram or CBOW, negative sampling) on a corpus with Spark.")
final class Word2VecJob implements Callable<Integer> {
    /** The options' defaults, from the options records. */
    static final class Defaults extends RecordDefaults {
        Defaults() {
            super(SparkWord2VecOptions.defaults(), Word2VecOptions.defaults(), TextOptions.defaults());
            alias("max-vocab", "maxVocabSize");
            alias("rounds", "roundsPerEpoch");
            alias("sync", "synchronisation");
            alias("hs", "hierarchicalSoftmax");
        }
    }

    @Spec
    CommandSpec spec;

    @Mixin
    JobInput input = new JobInput();

    @Option(names = "--cbow", description = "CBOW instead of skip-gram.")
    boolean cbow;

    @Option(names = "--dim", description = "Vector dimension (default: ${DEFAULT-VALUE}).")
    int dim;

    @Option(names = "--window", description = "Window (default: ${DEFAULT-VALUE}).")
    int window;

    @Option(names = "--negative", description = "Negative samples (default: ${DEFAULT-VALUE}).")
    int negative;

    @Option(names = "--hs", description = "Also train with hierarchical softmax (MLlib's objective).")
    boolean hs;

    @Option(names = "--min-count", description = "Minimum count (default: ${DEFAULT-VALUE}).")
    int minCount;

    @Option(names = "--max-vocab", description = "Most words kept, 0 for all (default: ${DEFAULT-VALUE}).")
    int maxVocab;

    @Option(names = "--sample", description = "Subsampling threshold (default: ${DEFAULT-VALUE}).")
    double sample;

    @Option(names = "--alpha", description = "Initial learning rate (default: ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--epochs", description = "Passes over the corpus (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--threads", description = "Training threads in each task (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--rounds", description = "Parameter synchronisations per epoch (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(
            names = "--sync",
            description = "How partitions' changes are merged: bmuf (the average with Nesterov block momentum),"
                    + " scaled-sum (each row's sum scaled by how far a round moves it), touched-average, average"
                    + " (MLlib's) or sum (default: ${DEFAULT-VALUE}).")
    String sync;

    @Option(
            names = "--block-momentum",
            description =
                    "Block momentum of --sync bmuf, in [0, 1); 0 for 1 - 1/partitions (default: ${DEFAULT-VALUE}).")
    double blockMomentum;

    @Option(names = "--block-rate", description = "Block learning rate of --sync bmuf (default: ${DEFAULT-VALUE}).")
    double blockRate;

    @Option(
            names = "--rate-parts",
            description = "Each epoch's learning rate falls as if the epoch were read in this many parts at once,"
                    + " each at its own progress (2: as single-machine seqlab; 1: linear over all epochs)"
                    + " (default: ${DEFAULT-VALUE}).")
    int rateParts;

    @Option(names = "--seed", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", description = "Print a JSON summary on stdout.")
    boolean json;

    /** The job's options as the command line gives them. */
    SparkWord2VecOptions options() {
        Synchronisation synchronisation =
                switch (sync.toLowerCase(Locale.ROOT)) {
                    case "touched", "touched-average" -> Synchronisation.TOUCHED_AVERAGE;
                    case "average" -> Synchronisation.AVERAGE;
                    case "sum" -> Synchronisation.SUM;
                    case "scaled-sum" -> Synchronisation.SCALED_SUM;
                    case "bmuf" -> Synchronisation.BMUF;
                    default -> throw new IllegalArgumentException("unknown --sync '" + sync
                            + "': expected bmuf, scaled-sum, touched-average, average or sum");
                };
        Word2VecOptions w = Word2VecOptions.defaults()
                .withArchitecture(cbow ? Word2VecArchitecture.CBOW : Word2VecArchitecture.SKIP_GRAM)
                .withDim(dim)
                .withWindow(window)
                .withObjective(negative, hs)
                .withVocabulary(minCount, maxVocab)
                .withSample(sample)
                .withAlpha(alpha, Word2VecOptions.defaults().minAlpha())
                .withEpochs(epochs)
                .withThreads(threads)
                .withSeed(seed);
        return SparkWord2VecOptions.defaults()
                .withWord2Vec(w)
                .withText(input.text())
                .withPartitions(input.partitions)
                .withRoundsPerEpoch(rounds)
                .withSynchronisation(synchronisation)
                .withBlockMomentum(blockMomentum)
                .withBlockRate(blockRate)
                .withRateParts(rateParts);
    }

    @Override
    public Integer call() throws Exception {
        SparkWord2VecOptions options = options();
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
