/**
 * {@link dev.seqlab.embeddings.table.WordTable}: an immutable vocabulary with one float vector per
 * word, stored row-major. It is the plain in-memory shape the debiasing, export, plotting, shell
 * and Tribuo code work on, whatever file format the vectors came from.
 */
package dev.seqlab.embeddings.table;
