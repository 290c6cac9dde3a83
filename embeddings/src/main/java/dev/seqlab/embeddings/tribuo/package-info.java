/**
 * Tribuo interop: {@link dev.seqlab.embeddings.tribuo.AveragedWordVectorExtractor} turns text into
 * the average of its words' vectors, a Tribuo {@code TextFeatureExtractor}, so seqlab word vectors
 * feed any Tribuo classifier or regressor.
 */
package dev.seqlab.embeddings.tribuo;
