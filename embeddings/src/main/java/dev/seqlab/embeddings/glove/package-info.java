/**
 * GloVe training (Pennington, Socher and Manning 2014): {@link dev.seqlab.embeddings.glove.GloVe}
 * trains vectors from a {@link dev.seqlab.corpora.text.Corpus} with the options of
 * {@link dev.seqlab.embeddings.glove.GloVeOptions}.
 *
 * <p>The pipeline, as in the GloVe tool: co-occurrence counting over a symmetric window with
 * 1/distance weights ({@code CooccurrenceCounter}: a dense table for frequent pairs, a sorted
 * buffer for the rest, spilled to sorted run files when the memory budget is reached, merged
 * afterwards); a shuffle within the same budget ({@code CooccurrenceShuffler}: random buckets on
 * disk, each shuffled in memory) that also precomputes log X and the weight f(X) of every record;
 * then AdaGrad over the memory-mapped records ({@code GloVeTraining}) from several threads
 * without locks. The per-record update runs on {@code GloVeKernel}, SIMD when the JVM has
 * {@code jdk.incubator.vector}.
 */
package dev.seqlab.embeddings.glove;
