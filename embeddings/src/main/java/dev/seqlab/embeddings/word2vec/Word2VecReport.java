package dev.seqlab.embeddings.word2vec;

import dev.seqlab.embeddings.WordVectors;

/**
 * What a {@link Word2Vec} run produced and how long it took.
 *
 * @param vectors            the trained word vectors, most frequent word first
 * @param corpusWords        tokens in one pass over the corpus, out-of-vocabulary ones included
 * @param trainedWords       words trained on over all epochs, after subsampling
 * @param epochs             passes over the corpus
 * @param vocabularySeconds  time spent counting words
 * @param trainingSeconds    time spent training
 * @param kernel             the inner-loop implementation used ("vector" or "plain")
 * @param epochLoss          each epoch's mean training loss per prediction (per centre-context
 *                           pair in skip-gram, per centre in CBOW): the negative log-likelihood of
 *                           the positive and negative targets and of the tree path, summed in
 *                           double precision; NaN for an epoch done before a resume
 * @param flops              floating-point operations of the negative-sampling matrix products
 *                           ({@code 6 × dim} per context-target pair), all threads
 */
public record Word2VecReport(
        WordVectors vectors,
        long corpusWords,
        long trainedWords,
        int epochs,
        double vocabularySeconds,
        double trainingSeconds,
        String kernel,
        double[] epochLoss,
        long flops) {

    /** The negative-sampling kernels' achieved rate over the training time, in GFLOP/s. */
    public double gflops() {
        return flops / trainingSeconds / 1e9;
    }

    /**
     * Corpus tokens per second over the whole run (counting included), gensim's measure:
     * corpus words × epochs / seconds.
     */
    public double wordsPerSecond() {
        return corpusWords * (double) epochs / (vocabularySeconds + trainingSeconds);
    }
}
