package dev.seqlab.rnn.lm;

import dev.seqlab.core.optim.ClipPolicy;
import dev.seqlab.core.options.Withers;
import dev.seqlab.core.train.TrainingOptions;
import java.nio.file.Path;

/**
 * How to train a {@link CharLanguageModel}: the {@link TrainingOptions} of the loop (see {@link #training()})
 * plus what the character data needs. Built fluently: {@code TrainOptions.defaults().withEpochs(30).withBatchSize(16)}.
 *
 * @param epochs             passes over the training data
 * @param batchSize          sequences per batch
 * @param seqLength          characters per window (running text; line data uses whole lines)
 * @param learningRate       Adam's step size
 * @param clipNorm           gradients are scaled to at most this global L2 norm
 * @param clipValue          each gradient entry is then clipped to [−v, v] (the course's np.clip); 0 for off
 * @param lrDecay            the learning rate is multiplied by this after every epoch (1: constant)
 * @param seed               initial shuffles and dropout masks
 * @param validationFraction the share of the data held out for validation loss, in [0, 0.5]
 * @param patience           stop after this many epochs without a better validation loss (0: never)
 * @param checkpointDir      where the best model so far is saved after each improvement, or null
 */
public record TrainOptions(
        int epochs,
        int batchSize,
        int seqLength,
        float learningRate,
        double clipNorm,
        float clipValue,
        double lrDecay,
        long seed,
        double validationFraction,
        int patience,
        Path checkpointDir) {

    /** Validates with messages naming the offending value (the loop's share through {@link TrainingOptions}). */
    public TrainOptions {
        if (seqLength < 1) {
            throw new IllegalArgumentException("sequence length must be at least 1, got " + seqLength);
        }
        if (!(clipNorm > 0)) {
            throw new IllegalArgumentException("clip norm must be positive, got " + clipNorm);
        }
        if (!(validationFraction >= 0 && validationFraction <= 0.5)) {
            throw new IllegalArgumentException("validation fraction must be in [0, 0.5], got " + validationFraction);
        }
        new TrainingOptions(
                epochs, batchSize, learningRate, lrDecay, new ClipPolicy(clipNorm, clipValue), patience, 0, seed);
    }

    /** 10 epochs, batch 32, windows of 100, Adam 2e-3, clip norm 5, no value clip, no decay, seed 1, 10% validation, patience 3. */
    public static TrainOptions defaults() {
        return new TrainOptions(10, 32, 100, 2e-3f, 5.0, 0f, 1.0, 1, 0.1, 3, null);
    }

    /** These options with another number of epochs. */
    public TrainOptions withEpochs(int v) {
        return Withers.with(this, "epochs", v);
    }

    /** These options with another batch size. */
    public TrainOptions withBatchSize(int v) {
        return Withers.with(this, "batchSize", v);
    }

    /** These options with another window length. */
    public TrainOptions withSeqLength(int v) {
        return Withers.with(this, "seqLength", v);
    }

    /** These options with another learning rate. */
    public TrainOptions withLearningRate(float v) {
        return Withers.with(this, "learningRate", v);
    }

    /** These options with another clip norm. */
    public TrainOptions withClipNorm(double v) {
        return Withers.with(this, "clipNorm", v);
    }

    /** These options with another value clip (0 for off). */
    public TrainOptions withClipValue(float v) {
        return Withers.with(this, "clipValue", v);
    }

    /** These options with another per-epoch learning-rate decay. */
    public TrainOptions withLrDecay(double v) {
        return Withers.with(this, "lrDecay", v);
    }

    /** These options with another seed. */
    public TrainOptions withSeed(long v) {
        return Withers.with(this, "seed", v);
    }

    /** These options with another validation fraction. */
    public TrainOptions withValidationFraction(double v) {
        return Withers.with(this, "validationFraction", v);
    }

    /** These options with another patience (0 for never). */
    public TrainOptions withPatience(int v) {
        return Withers.with(this, "patience", v);
    }

    /** These options with another directory for the best model so far (null for none). */
    public TrainOptions withCheckpointDir(Path v) {
        return Withers.with(this, "checkpointDir", v);
    }

    /** The loop's share of these options (no periodic checkpoints; see {@link CharModelTrainer}). */
    public TrainingOptions training() {
        return new TrainingOptions(
                epochs, batchSize, learningRate, lrDecay, new ClipPolicy(clipNorm, clipValue), patience, 0, seed);
    }
}
