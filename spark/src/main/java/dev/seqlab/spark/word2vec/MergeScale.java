package dev.seqlab.spark.word2vec;

import dev.seqlab.embeddings.word2vec.Subsampling;
import dev.seqlab.embeddings.word2vec.Word2VecOptions;

/**
 * The factor by which the driver multiplies a row's summed change when it merges a round, as
 * {@link Synchronisation} says.
 *
 * <p>For {@link Synchronisation#SCALED_SUM}: model a row's training within one partition's share
 * of a round as gradient steps on a quadratic, which leave a fraction {@code c} of the distance to
 * the row's target; a partition's change is then {@code (1 - c) e} for the error {@code e}, and
 * sequential training over the t partitions' shares would leave {@code c^t e}. Scaling the sum of
 * the t changes by {@code s = (1 - c^t) / (t (1 - c))} gives exactly that: {@code s = 1} (the
 * sum, as Hogwild threads add up) for rows a round barely moves, {@code s = 1/t} (the average)
 * for rows each partition alone already drives to their target, where the plain sum overshoots
 * by t and diverges for t ≥ 3. The fraction left is taken as {@code c = 1 / (1 + u / K)}, with u
 * the row's expected updates in one partition's share of the round (its occurrences after
 * subsampling, plus for output rows its draws as a negative), weighted by the learning rate at
 * the middle of the round relative to the initial one, and {@link #SATURATION} = K. Rows of the
 * hierarchical-softmax tree (inner nodes, shared by many words) are averaged.
 */
final class MergeScale {
    /**
     * Expected updates (occurrences, at the initial learning rate) that bring a row halfway to its
     * target within a round. Chosen on the benchmark corpus's first 8 MB at 4 partitions: 3 (near
     * the average) was clearly worse than 30, 100 and 300, which were alike (bench/README.md).
     */
    static final double SATURATION = 100;

    private final Synchronisation sync;
    private final int partitions;
    /** Per matrix: each row's expected updates per corpus word of a partition, over K. */
    private final double[][] perWord;

    private final double words;

    private MergeScale(Synchronisation sync, int partitions, double[][] perWord, double words) {
        this.sync = sync;
        this.partitions = partitions;
        this.perWord = perWord;
        this.words = words;
    }

    /**
     * The expected updates of each row per corpus word, for the matrices of {@link WordModel}
     * (input, negative output, tree output; null where the objective is off or rows are averaged).
     */
    static double[][] updatesPerWord(long[] counts, long corpusTokens, long retainedTokens, Word2VecOptions o) {
        int n = counts.length;
        double[] input = new double[n];
        double kept = 0;
        double norm = 0;
        for (int w = 0; w < n; w++) {
            input[w] = counts[w] * Subsampling.keepProbability(counts[w], retainedTokens, o.sample()) / corpusTokens;
            kept += input[w];
            norm += Math.pow(counts[w], 0.75);
        }
        double[] output = null;
        if (o.negative() > 0) {
            output = new double[n];
            for (int w = 0; w < n; w++) {
                output[w] = input[w] + o.negative() * kept * Math.pow(counts[w], 0.75) / norm;
            }
        }
        for (int w = 0; w < n; w++) {
            input[w] /= SATURATION;
            if (output != null) {
                output[w] /= SATURATION;
            }
        }
        return new double[][] {input, output, null};
    }

    /**
     * The scales of a round in which {@code partitions} tasks each trained about {@code words}
     * corpus words at {@code rate} times the initial learning rate (at the round's middle).
     */
    static MergeScale of(Synchronisation sync, int partitions, double[][] perWord, double words, double rate) {
        return new MergeScale(sync, partitions, perWord, words * rate);
    }

    /** The factor of row {@code row} of matrix {@code m}, changed by {@code touchedBy} partitions. */
    float of(int m, int row, int touchedBy) {
        return switch (sync) {
            case AVERAGE, BMUF -> 1f / partitions;
            case TOUCHED_AVERAGE -> 1f / touchedBy;
            case SUM -> 1f;
            case SCALED_SUM -> scaled(
                    perWord[m] == null ? Double.POSITIVE_INFINITY : perWord[m][row] * words, touchedBy);
        };
    }

    /** {@code (1 - c^t) / (t (1 - c))} for {@code c = 1 / (1 + u)}. */
    static float scaled(double u, int t) {
        if (t <= 1 || u <= 0) {
            return 1f;
        }
        if (Double.isInfinite(u)) {
            return 1f / t;
        }
        double c = 1 / (1 + u);
        return (float) ((1 - Math.pow(c, t)) / (t * (1 - c)));
    }
}
