/**
 * Similarity search over a word-vector matrix: cosine scores of every row against a query
 * vector with one GEMV over the contiguous matrix per thread
 * ({@link dev.seqlab.embeddings.query.SimilarityIndex}), partial top-k selection
 * ({@link dev.seqlab.embeddings.query.TopK}), the exact two-pass search over an int8 copy of the
 * rows, with concurrent searches answered together by one batched pass (the same answers as
 * alone; optionally, a large batch screened by float matrix products within a rounding bound), 3CosMul, the odd-one-out query, and spelling suggestions for unknown words
 * ({@link dev.seqlab.embeddings.query.Spelling}).
 */
package dev.seqlab.embeddings.query;
