/**
 * {@code seqlab embeddings}: the word-similarity tool over pretrained vectors (similar words,
 * analogies, similarity, odd one out, evaluation, format conversion, debiasing, an interactive
 * shell, Embedding Projector export and PCA plots). Each subcommand is one class; loading the
 * vectors and printing neighbour lists are shared in {@link dev.seqlab.cli.embeddings.VectorsCommand}
 * and {@link dev.seqlab.cli.embeddings.NeighborOutput}.
 */
package dev.seqlab.cli.embeddings;
