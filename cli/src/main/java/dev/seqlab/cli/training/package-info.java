/**
 * Options the trainers' commands share: the corpus and its tokenisation
 * ({@link dev.seqlab.cli.training.CorpusOptions}, made of {@link dev.seqlab.cli.training.CorpusPath}
 * and {@link dev.seqlab.cli.training.MinCountOption}, which {@code seqlab fasttext} takes alone)
 * and the vectors file they write ({@link dev.seqlab.cli.training.VectorsOutput}) for
 * {@code seqlab word2vec} and {@code seqlab glove}; the vectors' dimension
 * ({@link dev.seqlab.cli.training.DimOption}) and skip-gram or CBOW
 * ({@link dev.seqlab.cli.training.ArchitectureOption}) for the word-vector trainers; and stopping
 * on Ctrl-C/SIGTERM with a checkpoint and {@code --resume}
 * ({@link dev.seqlab.cli.training.Checkpointing}, {@link dev.seqlab.cli.training.StopOnSignal}) for
 * those and {@code seqlab text train}, as picocli mixins.
 */
package dev.seqlab.cli.training;
