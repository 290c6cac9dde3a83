package dev.seqlab.core.train;

import dev.seqlab.core.random.SeededRandom;

/**
 * One training step's forward and backward pass on a batch: adds the loss's gradients to the
 * parameters (the loop has zeroed them) and returns the loss.
 *
 * @param <B> what one batch is
 */
@FunctionalInterface
public interface StepFunction<B> {

    /**
     * Forward and backward on {@code batch}.
     *
     * @param random the loop's random stream for dropout and the like (restored on resume)
     * @return the batch's mean loss
     */
    double step(B batch, SeededRandom random);
}
