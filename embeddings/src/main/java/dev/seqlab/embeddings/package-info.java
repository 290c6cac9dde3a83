/**
 * Word embeddings: {@link dev.seqlab.embeddings.WordVectors} (load, save, query),
 * its load options and formats, and the small result types of its queries. Reading and writing
 * files lives in {@code dev.seqlab.embeddings.io}, the similarity search in
 * {@code dev.seqlab.embeddings.query}, evaluation on analogy and word-pair sets in
 * {@code dev.seqlab.embeddings.eval}.
 */
package dev.seqlab.embeddings;
