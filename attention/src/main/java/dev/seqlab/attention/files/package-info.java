/**
 * Model files of the sequence-to-sequence architectures read back by architecture name
 * ({@link dev.seqlab.attention.files.Seq2SeqModelFiles}). Depends on both architectures; neither
 * depends on it, which keeps {@code seq2seq} and {@code transformer} free of a cycle.
 */
package dev.seqlab.attention.files;
