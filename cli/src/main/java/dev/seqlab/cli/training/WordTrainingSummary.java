package dev.seqlab.cli.training;

import java.util.Map;

/**
 * The figures every word-vector trainer's summary reports (word2vec, fastText), under the same
 * JSON keys and in the same order, so one parser reads them all.
 */
public final class WordTrainingSummary {

    private WordTrainingSummary() {}

    /**
     * Adds {@code corpus_words}, {@code trained_words}, {@code epochs}, {@code words_per_s} (rounded)
     * and {@code seconds} (counting plus training, to 0.01 s) to {@code summary}.
     */
    public static void put(
            Map<String, Object> summary,
            long corpusWords,
            long trainedWords,
            int epochs,
            double wordsPerSecond,
            double seconds) {
        summary.put("corpus_words", corpusWords);
        summary.put("trained_words", trainedWords);
        summary.put("epochs", epochs);
        summary.put("words_per_s", Math.round(wordsPerSecond));
        summary.put("seconds", Math.round(seconds * 100) / 100.0);
    }
}
