/**
 * The one training loop every seqlab model trains with ({@link dev.seqlab.core.train.TrainingLoop}):
 * epochs of batches from a {@link dev.seqlab.core.train.BatchSource} in a seeded order, a
 * {@link dev.seqlab.core.train.StepFunction} (forward and backward), clipping, an optimiser with a
 * learning-rate schedule, validation with early stopping that restores the best parameters,
 * progress, checkpoints that a run resumes from exactly, and a stop request checked at every step
 * boundary. Options are {@link dev.seqlab.core.train.TrainingOptions}; the outcome is a
 * {@link dev.seqlab.core.train.TrainingResult}.
 */
package dev.seqlab.core.train;
