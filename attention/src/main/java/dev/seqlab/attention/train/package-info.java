/**
 * How sequence-to-sequence models are trained ({@link dev.seqlab.attention.train.Seq2SeqTrainer}):
 * the recipe of the date models, for any {@link dev.seqlab.attention.model.Seq2SeqModel}, on core's
 * one training loop.
 */
package dev.seqlab.attention.train;
