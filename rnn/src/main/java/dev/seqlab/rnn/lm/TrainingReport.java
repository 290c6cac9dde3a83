package dev.seqlab.rnn.lm;

import java.util.List;

/**
 * What a training run achieved.
 *
 * @param trainLoss      mean training loss of each epoch, nats per character
 * @param validationLoss validation loss after each epoch (empty without validation data)
 * @param bestEpoch      the 1-based epoch whose weights the model holds at the end
 * @param characters     characters trained on (counted targets)
 * @param seconds        wall time of training
 * @param stoppedEarly   whether patience ran out before the last epoch
 * @param batchLoss      the loss of every training batch, in order (for loss curves)
 * @param batchesPerEpoch training batches in one epoch
 * @param stopRequested  whether training stopped on request (the weights are then the current ones,
 *                       and the run's checkpoint holds the state to resume from)
 */
public record TrainingReport(
        List<Double> trainLoss,
        List<Double> validationLoss,
        int bestEpoch,
        long characters,
        double seconds,
        boolean stoppedEarly,
        List<Double> batchLoss,
        int batchesPerEpoch,
        boolean stopRequested) {

    /** Copies the lists. */
    public TrainingReport {
        trainLoss = List.copyOf(trainLoss);
        validationLoss = List.copyOf(validationLoss);
        batchLoss = List.copyOf(batchLoss);
    }

    /** Training speed in characters per second. */
    public double charactersPerSecond() {
        return seconds > 0 ? characters / seconds : 0;
    }

    /** The final (best epoch's) training loss, or NaN when stopped before an epoch finished. */
    public double finalTrainLoss() {
        return bestEpoch <= trainLoss.size() ? trainLoss.get(bestEpoch - 1) : Double.NaN;
    }

    /** The best validation loss, or NaN without validation data. */
    public double finalValidationLoss() {
        return bestEpoch <= validationLoss.size() ? validationLoss.get(bestEpoch - 1) : Double.NaN;
    }
}
