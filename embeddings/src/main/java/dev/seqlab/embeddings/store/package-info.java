/**
 * Where word vectors live while they are queried: the rows ({@link dev.seqlab.embeddings.store.FloatRows}),
 * per-row floats such as norms ({@link dev.seqlab.embeddings.store.Floats}), the int8 first-pass copy
 * ({@link dev.seqlab.embeddings.store.BlockCodes}) and the vocabulary
 * ({@link dev.seqlab.embeddings.store.WordTable}), each either in the Java heap or memory-mapped from a
 * seqlab vectors file ({@link dev.seqlab.embeddings.store.MappedRegion}, in segments of at most 1 GiB so
 * files over 2 GB open on Java 17). Mapped stores are opened in constant work: nothing proportional to
 * the vocabulary is allocated or read until a query touches it. Every store is safe to read from many
 * threads at once.
 */
package dev.seqlab.embeddings.store;
