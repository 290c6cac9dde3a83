/**
 * Similarity search over a word-vector matrix: cosine scores of every row against a query
 * vector with one GEMV over the contiguous matrix per thread
 * ({@link dev.seqlab.embeddings.query.SimilarityIndex}), partial top-k selection
 * ({@link dev.seqlab.embeddings.query.TopK}), the exact two-pass search over an int8 copy of the
 * rows, with concurrent searches sharing one circular scan over it that each joins wherever it
 * has reached and leaves after one turn ({@link dev.seqlab.embeddings.query.SharedScan}; the same
 * answers as alone); at millions of rows, a first pass over a 4-bit copy instead
 * ({@link dev.seqlab.embeddings.query.NibbleNearest}), seeded by exact scores of its best rows; 3CosMul, the odd-one-out query, and spelling suggestions for unknown words
 * ({@link dev.seqlab.embeddings.query.Spelling}).
 */
package dev.seqlab.embeddings.query;
