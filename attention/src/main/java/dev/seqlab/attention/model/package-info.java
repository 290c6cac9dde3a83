/**
 * What every sequence-to-sequence model offers ({@link dev.seqlab.attention.model.Seq2SeqModel}:
 * a training step on a batch, greedy decoding to a {@link dev.seqlab.attention.model.Prediction},
 * model files), so that training, loading and the applications depend on no one architecture.
 * This package depends on no other package of the module.
 */
package dev.seqlab.attention.model;
