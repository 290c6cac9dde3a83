package dev.seqlab.embeddings.io;

/**
 * What a reader produced: {@code rows} words in file order and their vectors, row-major in one
 * array. The array may be longer than {@code rows × dim} (rows dropped after reading, e.g.
 * duplicates, leave capacity at the end).
 *
 * @param words  the words, at least {@code rows} long; entries from {@code rows} on are unused
 * @param matrix the vectors, row i at {@code i * dim}
 * @param rows   the number of words
 * @param dim    the dimension
 */
public record ParsedVectors(String[] words, float[] matrix, int rows, int dim) {}
