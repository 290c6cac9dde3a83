package dev.seqlab.core.train;

import dev.seqlab.core.param.Parameters;
import java.util.ArrayList;
import java.util.List;

/** Where a run is and what it has measured: everything a checkpoint keeps besides tensors and generators. */
final class TrainingState {
    /** The 0-based epoch in progress. */
    int epoch;
    /** Batches of {@link #epoch} done. */
    int batch;
    /** Optimiser steps taken. */
    long step;
    /** This epoch's weighted loss sum and weight. */
    double epochLoss;

    long epochWeight;
    /** Weight trained on in all epochs. */
    long weight;

    final List<Double> trainLoss = new ArrayList<>();
    final List<Double> validationLoss = new ArrayList<>();
    final List<Double> batchLoss = new ArrayList<>();
    double bestValidation = Double.POSITIVE_INFINITY;
    int bestEpoch = 1;
    /** The best parameters so far (by validation), or null. */
    float[][] best;

    /** Starts epoch {@code e}. */
    void startEpoch(int e) {
        epoch = e;
        batch = 0;
        epochLoss = 0;
        epochWeight = 0;
    }

    /** Counts one step's loss. */
    void record(double loss, long w) {
        batchLoss.add(loss);
        epochLoss += loss * w;
        epochWeight += w;
        weight += w;
        batch++;
        step++;
    }

    /** The mean loss of the epoch so far. */
    double epochMean() {
        return epochLoss / Math.max(1, epochWeight);
    }

    /** Copies the parameter values as the best so far. */
    void keepBest(Parameters params) {
        best = params.snapshot();
    }

    /** Copies the best values back into the parameters, if there are any. */
    void restoreBest(Parameters params) {
        if (best != null) {
            params.restore(best);
        }
    }
}
