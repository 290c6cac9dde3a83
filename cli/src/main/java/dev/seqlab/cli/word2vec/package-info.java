/**
 * {@code seqlab word2vec}: trains skip-gram or CBOW word vectors on a text file or directory and
 * writes them in any format {@code seqlab embeddings} reads.
 */
package dev.seqlab.cli.word2vec;
