package dev.seqlab.core.train;

import dev.seqlab.core.optim.ClipPolicy;
import dev.seqlab.core.optim.LearningRateSchedule;
import dev.seqlab.core.options.Withers;

/**
 * How a {@link TrainingLoop} runs: built fluently from {@link #defaults()}.
 *
 * <pre>{@code
 * TrainingOptions o = TrainingOptions.defaults().withEpochs(8).withLearningRate(5e-3f).withLrDecay(0.8);
 * }</pre>
 *
 * @param epochs          passes over the training data
 * @param batchSize       examples per batch (the {@link BatchSource} uses it)
 * @param learningRate    the optimiser's step size in the first epoch
 * @param lrDecay         the step size is multiplied by this after every epoch, in (0, 1] (1: constant)
 * @param clip            gradient clipping before every step
 * @param patience        stop after this many epochs without a better validation loss (0: never)
 * @param checkpointEvery write a checkpoint every this many steps (0: only when stopped on request)
 * @param seed            the batch order and the step function's random stream
 */
public record TrainingOptions(
        int epochs,
        int batchSize,
        float learningRate,
        double lrDecay,
        ClipPolicy clip,
        int patience,
        long checkpointEvery,
        long seed) {

    /** Validates with messages naming the offending value. */
    public TrainingOptions {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        if (!(learningRate > 0) || Float.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be a positive finite number, got " + learningRate);
        }
        if (!(lrDecay > 0 && lrDecay <= 1)) {
            throw new IllegalArgumentException("learning-rate decay must be in (0, 1], got " + lrDecay);
        }
        if (clip == null) {
            throw new IllegalArgumentException("clip policy is required (ClipPolicy.none() for no clipping)");
        }
        if (patience < 0) {
            throw new IllegalArgumentException("patience must be 0 (off) or positive, got " + patience);
        }
        if (checkpointEvery < 0) {
            throw new IllegalArgumentException(
                    "checkpoint interval must be 0 (off) or a positive number of steps, got " + checkpointEvery);
        }
    }

    /** 10 epochs, batches of 32, learning rate 1e-3 without decay, clip norm 5, patience 3, no periodic checkpoints, seed 1. */
    public static TrainingOptions defaults() {
        return new TrainingOptions(10, 32, 1e-3f, 1.0, ClipPolicy.globalNorm(5.0), 3, 0, 1);
    }

    /** The per-epoch schedule these options describe: {@code learningRate · lrDecay^epoch}. */
    public LearningRateSchedule schedule() {
        return LearningRateSchedule.exponential(learningRate, lrDecay, 1);
    }

    /** These options with another number of epochs. */
    public TrainingOptions withEpochs(int v) {
        return Withers.with(this, "epochs", v);
    }

    /** These options with another batch size. */
    public TrainingOptions withBatchSize(int v) {
        return Withers.with(this, "batchSize", v);
    }

    /** These options with another learning rate. */
    public TrainingOptions withLearningRate(float v) {
        return Withers.with(this, "learningRate", v);
    }

    /** These options with another per-epoch decay. */
    public TrainingOptions withLrDecay(double v) {
        return Withers.with(this, "lrDecay", v);
    }

    /** These options with another clipping policy. */
    public TrainingOptions withClip(ClipPolicy v) {
        return Withers.with(this, "clip", v);
    }

    /** These options with another patience. */
    public TrainingOptions withPatience(int v) {
        return Withers.with(this, "patience", v);
    }

    /** These options with another checkpoint interval in steps. */
    public TrainingOptions withCheckpointEvery(long v) {
        return Withers.with(this, "checkpointEvery", v);
    }

    /** These options with another seed. */
    public TrainingOptions withSeed(long v) {
        return Withers.with(this, "seed", v);
    }
}
