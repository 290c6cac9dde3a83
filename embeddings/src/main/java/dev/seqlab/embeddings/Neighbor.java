package dev.seqlab.embeddings;

/**
 * One answer of a similarity query: a word of the vocabulary and its score (cosine similarity
 * for {@code mostSimilar}, the 3CosMul objective for {@code mostSimilarCosMul}).
 *
 * @param word  the word
 * @param score its score; higher is closer
 */
public record Neighbor(String word, double score) {}
