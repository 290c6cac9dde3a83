package dev.seqlab.embeddings.store;

/**
 * Vectors for words outside the vocabulary, made from their parts (fastText's character
 * n-grams). Vectors with such a source answer for unknown words instead of refusing them.
 */
@FunctionalInterface
public interface SubwordVectors {

    /**
     * The vector of {@code word}, which is not in the vocabulary, made from its subwords; null when
     * none of its subwords has a vector (the word then stays unknown).
     */
    float[] vectorOf(String word);
}
