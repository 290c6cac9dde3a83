/**
 * Similarity search over a word-vector matrix: cosine scores of every row against a query
 * vector with one GEMV over the contiguous matrix per thread
 * ({@link dev.seqlab.embeddings.query.SimilarityIndex}), partial top-k selection
 * ({@link dev.seqlab.embeddings.query.TopK}), 3CosMul, the odd-one-out query, and spelling
 * suggestions for unknown words ({@link dev.seqlab.embeddings.query.Spelling}).
 */
package dev.seqlab.embeddings.query;
