/**
 * Where word vectors live while they are queried: the rows ({@link dev.seqlab.embeddings.store.FloatRows}),
 * per-row floats such as norms ({@link dev.seqlab.embeddings.store.Floats}), the int8 first-pass copy
 * ({@link dev.seqlab.embeddings.store.BlockCodes}) and the vocabulary
 * ({@link dev.seqlab.embeddings.store.WordTable}), each either in the Java heap, memory-mapped from a
 * seqlab vectors file ({@link dev.seqlab.embeddings.store.MappedRegion}, in segments of at most 1 GiB so
 * files over 2 GB open on Java 17), or read in place from a word2vec binary file
 * ({@link dev.seqlab.embeddings.store.RecordMapping}: vectors at any byte offset after their words,
 * found through {@link dev.seqlab.embeddings.store.RecordOffsets}; words kept as the file's bytes by
 * {@link dev.seqlab.embeddings.store.RecordWordTable}), or, for words parsed from text, kept as UTF-8
 * bytes in small heap chunks ({@link dev.seqlab.embeddings.store.ChunkedWordTable}, over
 * {@link dev.seqlab.embeddings.store.IntChunks}: no array large enough to be humongous for G1). Mapped seqlab stores are opened in constant
 * work: nothing proportional to the vocabulary is allocated or read until a query touches it; a mapped
 * word2vec file costs one pass over its records and about 2% of its float matrix in the heap. Every
 * store is safe to read from many threads at once.
 */
package dev.seqlab.embeddings.store;
