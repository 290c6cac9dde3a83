/**
 * Options the trainers' commands share: the corpus and its tokenisation
 * ({@link dev.seqlab.cli.training.CorpusOptions}) and the vectors file they write
 * ({@link dev.seqlab.cli.training.VectorsOutput}) for {@code seqlab word2vec} and {@code seqlab glove},
 * and stopping on Ctrl-C/SIGTERM with a checkpoint and {@code --resume}
 * ({@link dev.seqlab.cli.training.Checkpointing}, {@link dev.seqlab.cli.training.StopOnSignal}) for
 * those and {@code seqlab text train}, as picocli mixins.
 */
package dev.seqlab.cli.training;
