/**
 * Reading and writing word-vector files: format detection from content
 * ({@link dev.seqlab.embeddings.io.FormatDetector}), the text formats (GloVe; word2vec text and
 * fastText {@code .vec} with an {@code N D} header) parsed in parallel straight from bytes into
 * one float array, word2vec binary (read into the heap, or opened for queries in place by
 * {@code Word2VecBinaryMapping}), gzip of each, and seqlab's own
 * memory-mapped format ({@link dev.seqlab.embeddings.io.SeqlabFormat}).
 *
 * <h2>The seqlab format, version 2 (written now)</h2>
 * Everything a query reads is in the file, memory-mapped and used in place, so opening is constant
 * work: read 64 + 32·S bytes, check them, map the sections. All integers and floats little-endian.
 * <pre>
 * offset  size   content
 * 0       8      magic, the ASCII bytes "SEQLABWV"
 * 8       4      int32 format version (2)
 * 12      4      int32 dimension D (1 ≤ D ≤ 2^20)
 * 16      8      int64 number of words N (N &lt; 2^31 − 1)
 * 24      4      int32 number of sections S (≤ 256)
 * 28      36     zero (reserved)
 * 64      32·S   section table, one entry per section: int32 type, int32 zero, int64 offset,
 *                int64 length, int64 zero
 * ...            the sections, each starting at a multiple of 64 bytes, zero padding between
 * </pre>
 * Section types ({@link dev.seqlab.embeddings.io.SeqlabSection}); seqlab writes them in this order:
 * <pre>
 * type  name          length            content
 * 1     MATRIX        4·N·D             float32 vectors as given, row-major, row i is word i
 * 2     NORMS         4·N               float32 Euclidean norm of each row (summed in double)
 * 3     INT8_CODES    ⌈N/16⌉·D·16       int8 unit rows, blocks of 16 rows, dimension-major
 *                                       (code of row 16b+j, dimension k at (b·D + k)·16 + j)
 * 4     INT8_SCALES   4·N               float32 scale of each row's codes
 * 5     INT8_ERRORS   4·N               float32 error bound of each row's codes (NaN: zero row)
 * 6     WORD_OFFSETS  8·(N+1)           int64 start of word i in WORD_BYTES, then the end of the last
 * 7     WORD_HASH     4·C               int32 open-addressing table, C a power of two ≥ 2N: row or −1;
 *                                       first slot FNV-1a-64 of the UTF-8 bytes, halves xor-folded,
 *                                       masked by C − 1; linear probing
 * 8     WORD_BYTES    any               the words' UTF-8 bytes back to back, in row order
 * ≥ 100 (reserved)                      approximate-search indexes; readers skip unknown types
 * 0     (unused)                        an all-zero entry; seqlab writes four after its own, so an
 *                                       index can be appended and recorded without moving the data
 * </pre>
 * Types 1, 2, 6, 7 and 8 are required; 3–5 may be left out together (the int8 copy is then built in
 * memory when first needed). The rows are stored as given, not normalised, with their norms: the
 * original vectors come back bit for bit, and scores ({@code dot(row, q) / norm}) are the same
 * floats as for the same vectors held in memory. Before anything is mapped, every section must lie
 * inside the file and have the length N and D imply, so a header announcing more than the file holds
 * fails at once. Sections over 1 GiB are mapped as several segments of whole rows (or blocks).
 *
 * <h2>The seqlab format, version 1 (still read, into memory)</h2>
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
 * Opening copies the matrix into one float array with a bulk transfer, then decodes the
 * vocabulary, in time and memory proportional to its size; a warning suggests converting the file.
 */
package dev.seqlab.embeddings.io;
