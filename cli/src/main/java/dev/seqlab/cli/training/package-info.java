/**
 * Options the embedding trainers' commands ({@code seqlab word2vec}, {@code seqlab glove}) share:
 * the corpus and its tokenisation ({@link dev.seqlab.cli.training.CorpusOptions}) and the vectors
 * file they write ({@link dev.seqlab.cli.training.VectorsOutput}), as picocli mixins.
 */
package dev.seqlab.cli.training;
