/**
 * Approximate nearest neighbours over the unit rows of a seqlab vectors file, stored in the file as
 * an optional section (type 100) and searched in place through the mapping, so an indexed file
 * opens as fast as one without. {@link dev.seqlab.embeddings.ann.ApproximateIndex#of} opens the
 * section of either kind, told apart by its magic number: an inverted file
 * ({@link dev.seqlab.embeddings.ann.IvfIndex}, the default: k-means lists, layout in
 * {@code IvfLayout}, probed adaptively, nearest lists first) or an HNSW graph
 * ({@link dev.seqlab.embeddings.ann.HnswIndex}, hierarchical navigable small world, Malkov &amp;
 * Yashunin 2018; layout in {@code HnswLayout}). Both build deterministically on several threads and
 * rewrite the file atomically; {@link dev.seqlab.embeddings.ann.RecallEvaluation} measures recall
 * against exact search and latency. Queries reach them through {@code WordVectors.approximate()};
 * exact search stays the default. Both search an int8 copy of the unit rows stored in the section
 * ({@code RowCodes}: a quarter of the memory traffic of the float rows) and rank the candidates
 * they end with by their exact float cosines. k-means computes its distances with core's GEMM. The
 * distance kernel, a dot product of a query with a row of floats or of int8 codes read straight
 * from the mapping, has a plain and a SIMD implementation chosen at run time by core's
 * {@code Kernels.select}.
 */
package dev.seqlab.embeddings.ann;
