package dev.seqlab.embeddings.word2vec;

/** What a word2vec model predicts. */
public enum Word2VecArchitecture {
    /** Each context word predicts the centre word (better for rare words; slower). */
    SKIP_GRAM,
    /** The mean (or sum) of the context words predicts the centre word (faster). */
    CBOW
}
