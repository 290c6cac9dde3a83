package dev.seqlab.rnn.lm;

import java.nio.file.Path;

/**
 * How to train a {@link CharLanguageModel}.
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
public record TrainOptions(int epochs, int batchSize, int seqLength, float learningRate, double clipNorm,
                           float clipValue, double lrDecay, long seed,
                           double validationFraction, int patience, Path checkpointDir) {

    /** Validates with messages naming the offending value. */
    public TrainOptions {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        if (seqLength < 1) {
            throw new IllegalArgumentException("sequence length must be at least 1, got " + seqLength);
        }
        if (!(learningRate > 0) || Float.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be positive, got " + learningRate);
        }
        if (!(clipNorm > 0)) {
            throw new IllegalArgumentException("clip norm must be positive, got " + clipNorm);
        }
        if (!(clipValue >= 0) || Float.isInfinite(clipValue)) {
            throw new IllegalArgumentException("clip value must be 0 (off) or positive, got " + clipValue);
        }
        if (!(lrDecay > 0 && lrDecay <= 1)) {
            throw new IllegalArgumentException("learning-rate decay must be in (0, 1], got " + lrDecay);
        }
        if (!(validationFraction >= 0 && validationFraction <= 0.5)) {
            throw new IllegalArgumentException("validation fraction must be in [0, 0.5], got " + validationFraction);
        }
        if (patience < 0) {
            throw new IllegalArgumentException("patience must be 0 (off) or positive, got " + patience);
        }
    }

    /** 10 epochs, batch 32, windows of 100, Adam 2e-3, clip norm 5, no value clip, no decay, seed 1, 10% validation, patience 3. */
    public static TrainOptions defaults() {
        return new TrainOptions(10, 32, 100, 2e-3f, 5.0, 0f, 1.0, 1, 0.1, 3, null);
    }

    /** These options with another number of epochs. */
    public TrainOptions withEpochs(int e) {
        return new TrainOptions(e, batchSize, seqLength, learningRate, clipNorm, clipValue, lrDecay, seed, validationFraction, patience, checkpointDir);
    }

    /** These options with another seed. */
    public TrainOptions withSeed(long s) {
        return new TrainOptions(epochs, batchSize, seqLength, learningRate, clipNorm, clipValue, lrDecay, s, validationFraction, patience, checkpointDir);
    }
}
