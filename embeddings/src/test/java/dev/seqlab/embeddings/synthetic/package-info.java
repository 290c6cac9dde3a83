/** Synthetic corpora with known structure, shared by the trainers' tests. */
package dev.seqlab.embeddings.synthetic;
