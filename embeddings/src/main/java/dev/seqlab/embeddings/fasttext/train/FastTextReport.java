package dev.seqlab.embeddings.fasttext.train;

import dev.seqlab.embeddings.WordVectors;
import dev.seqlab.embeddings.fasttext.FastTextModel;

/**
 * What a {@link FastText} run produced, with its timings.
 *
 * @param model            the trained model (dictionary with fastText's {@code </s>}, both matrices)
 * @param vectors          the word vector of every dictionary word, what fastText writes to its {@code .vec}
 * @param corpusWords      corpus tokens of one pass, words out of the vocabulary included
 * @param trainedWords     tokens trained on over all epochs, after subsampling (end-of-sentence tokens included)
 * @param epochs           passes over the corpus
 * @param countSeconds     time spent counting and encoding the corpus
 * @param trainingSeconds  time spent training (and building the tables it needs)
 * @param kernel           the kernel used ("plain" or "vector")
 */
public record FastTextReport(
        FastTextModel model,
        WordVectors vectors,
        long corpusWords,
        long trainedWords,
        int epochs,
        double countSeconds,
        double trainingSeconds,
        String kernel) {

    /** Corpus words per second over the whole run (counting included), as the benchmarks count. */
    public double wordsPerSecond() {
        return corpusWords * (double) epochs / Math.max(1e-9, countSeconds + trainingSeconds);
    }
}
