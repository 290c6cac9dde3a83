/**
 * Optimisers ({@link dev.seqlab.core.optim.Optimizer}: SGD, momentum, RMSprop, Adam/AdamW) with
 * their hyperparameter records, gradient clipping ({@link dev.seqlab.core.optim.GradientClipping}, and as a policy of
 * none, global norm or value: {@link dev.seqlab.core.optim.ClipPolicy})
 * and learning-rate schedules ({@link dev.seqlab.core.optim.LearningRateSchedule}).
 *
 * <p>Updates are computed per element in float from float state, as PyTorch does on CPU;
 * bias-correction factors are computed in double.
 */
package dev.seqlab.core.optim;
