package dev.seqlab.core.train;

import java.nio.file.Path;
import java.util.List;

/**
 * What a {@link TrainingLoop} run achieved.
 *
 * @param trainLoss       the weighted mean training loss of each finished epoch
 * @param validationLoss  the validation loss after each finished epoch (empty without validation)
 * @param bestEpoch       the 1-based epoch whose parameters the model holds at the end (the last
 *                        finished one without validation; 1 before any epoch finished)
 * @param weight          the total {@link BatchSource#weight} trained on (characters, examples)
 * @param steps           optimiser steps taken, counting those before a resume
 * @param seconds         wall time of this run (after a resume: of the resumed part)
 * @param stoppedEarly    whether patience ran out or the validation target was reached before the last epoch
 * @param stopRequested   whether the run stopped because a stop was requested; the parameters are
 *                        then the current ones, and {@code checkpoint} holds the state to resume from
 * @param checkpoint      the last checkpoint written, or null
 * @param batchLoss       every step's loss, in order (for loss curves)
 * @param batchesPerEpoch batches in one epoch
 */
public record TrainingResult(
        List<Double> trainLoss,
        List<Double> validationLoss,
        int bestEpoch,
        long weight,
        long steps,
        double seconds,
        boolean stoppedEarly,
        boolean stopRequested,
        Path checkpoint,
        List<Double> batchLoss,
        int batchesPerEpoch) {

    /** Copies the lists. */
    public TrainingResult {
        trainLoss = List.copyOf(trainLoss);
        validationLoss = List.copyOf(validationLoss);
        batchLoss = List.copyOf(batchLoss);
    }

    /** The training loss of the best epoch, or NaN before any epoch finished. */
    public double finalTrainLoss() {
        return bestEpoch <= trainLoss.size() ? trainLoss.get(bestEpoch - 1) : Double.NaN;
    }

    /** The validation loss of the best epoch, or NaN without validation. */
    public double finalValidationLoss() {
        return bestEpoch <= validationLoss.size() ? validationLoss.get(bestEpoch - 1) : Double.NaN;
    }
}
