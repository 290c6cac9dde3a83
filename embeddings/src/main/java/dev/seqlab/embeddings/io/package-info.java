/**
 * Reading and writing word-vector files: format detection from content
 * ({@link dev.seqlab.embeddings.io.FormatDetector}), the text formats (GloVe; word2vec text and
 * fastText {@code .vec} with an {@code N D} header) parsed in parallel straight from bytes into
 * one float array, word2vec binary, gzip of each, and seqlab's own memory-mapped format
 * ({@link dev.seqlab.embeddings.io.SeqlabFormat}).
 *
 * <h2>The seqlab format (version 1)</h2>
 * All integers and floats little-endian.
 * <pre>
 * offset  size        content
 * 0       8           magic, the ASCII bytes "SEQLABWV"
 * 8       4           int32 format version (1)
 * 12      4           int32 dimension D (&gt; 0)
 * 16      8           int64 number of words N
 * 24      8           int64 offset of the vocabulary section (= 64 + 4·N·D)
 * 32      8           int64 length in bytes of the vocabulary section
 * 40      24          zero (reserved)
 * 64      4·N·D       the N×D float32 matrix, row-major (row i is word i); 64-byte aligned
 * 64+4ND  ...         N words in row order, each an int32 byte length then that many UTF-8 bytes
 * </pre>
 * Opening maps the matrix and copies it into one float array with a bulk transfer (no parsing),
 * then decodes the vocabulary.
 */
package dev.seqlab.embeddings.io;
