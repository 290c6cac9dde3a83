/**
 * Approximate nearest neighbours: an HNSW graph (hierarchical navigable small world, Malkov &amp;
 * Yashunin 2018) over the unit rows of a seqlab vectors file, stored in the file as an optional
 * section (type 100; layout in {@code HnswLayout}) and searched in place through the mapping, so an
 * indexed file opens as fast as one without. {@link dev.seqlab.embeddings.ann.HnswIndex#build}
 * makes it (in deterministic parallel batches) and rewrites the file atomically;
 * {@link dev.seqlab.embeddings.ann.RecallEvaluation} measures recall against exact search and
 * latency. Queries reach it through {@code WordVectors.approximate()}; exact search stays the
 * default. The graph is built and searched with an int8 copy of the unit rows stored in the section
 * ({@code RowCodes}: a quarter of the memory traffic of the float rows), and the candidates a search
 * ends with are ranked by their exact float cosines. The distance kernel, a dot product of a query
 * with a row of floats or of int8 codes read straight from the mapping, has a plain and a SIMD
 * implementation chosen at run time by core's {@code Kernels.select}.
 */
package dev.seqlab.embeddings.ann;
