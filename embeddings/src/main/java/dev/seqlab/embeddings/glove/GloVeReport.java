package dev.seqlab.embeddings.glove;

import dev.seqlab.embeddings.WordVectors;
import java.util.List;

/**
 * What a {@link GloVe} run produced and how long each phase took.
 *
 * @param vectors           W + W̃, most frequent word first
 * @param corpusTokens      tokens in the corpus, out-of-vocabulary ones included
 * @param pairs             distinct co-occurring pairs (non-zero entries of X) trained on
 * @param runs              sorted run files the counting spilled to disk (0 when all fit)
 * @param countingBytes     memory the counting tables could use: the dense table and the buffer
 *                          at its full size (within the budget; the buffer grows only as needed)
 * @param costs             the mean cost ½ f(X) diff² per pair of each iteration, first to last
 * @param vocabularySeconds time spent counting words
 * @param countingSeconds   time spent counting co-occurrences
 * @param shufflingSeconds  time spent merging and shuffling
 * @param trainingSeconds   time spent training
 * @param kernel            the inner-loop implementation used ("vector" or "plain")
 */
public record GloVeReport(
        WordVectors vectors,
        long corpusTokens,
        long pairs,
        int runs,
        long countingBytes,
        List<Double> costs,
        double vocabularySeconds,
        double countingSeconds,
        double shufflingSeconds,
        double trainingSeconds,
        String kernel) {

    /** Copies the cost list, so that the report cannot change. */
    public GloVeReport {
        costs = List.copyOf(costs);
    }

    /** The mean cost per pair of the last iteration. */
    public double finalCost() {
        return costs.get(costs.size() - 1);
    }

    /** Seconds from the first read of the corpus to the trained vectors. */
    public double totalSeconds() {
        return vocabularySeconds + countingSeconds + shufflingSeconds + trainingSeconds;
    }
}
