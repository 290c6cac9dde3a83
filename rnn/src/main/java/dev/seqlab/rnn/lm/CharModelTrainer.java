package dev.seqlab.rnn.lm;

import dev.seqlab.core.optim.AdamOptions;
import dev.seqlab.core.optim.Optimizer;
import dev.seqlab.core.progress.ProgressListener;
import dev.seqlab.core.train.RunControl;
import dev.seqlab.core.train.TrainingLoop;
import dev.seqlab.core.train.TrainingResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Trains a {@link CharLanguageModel} on core's {@link TrainingLoop}: shuffled minibatches, Adam with
 * an optional per-epoch learning-rate decay, clipping by global norm (and optionally by value),
 * validation loss after each epoch, early stopping that restores the best weights, and an optional
 * save of the best model so far. Single-threaded apart from the kernels, so the same seed and
 * thread count give the same weights.
 */
public final class CharModelTrainer {

    private CharModelTrainer() {}

    /** Trains {@code model} on {@code data}; returns the losses per epoch. */
    public static TrainingReport train(
            CharLanguageModel model, TrainingData data, TrainOptions o, ProgressListener progress) {
        return train(model, data, o, progress, RunControl.none());
    }

    /**
     * As {@link #train(CharLanguageModel, TrainingData, TrainOptions, ProgressListener)}, with
     * checkpoints, resume and a stop request as {@code control} says (see {@link TrainingReport#stopRequested()}).
     */
    public static TrainingReport train(
            CharLanguageModel model, TrainingData data, TrainOptions o, ProgressListener progress, RunControl control) {
        CharVocabulary vocab = model.vocabulary();
        TrainingData.Split split = data.split(vocab, o);
        List<CharBatch> validation = split.validation();
        TrainingResult r = TrainingLoop.<CharBatch>of(
                        model.parameters(),
                        Optimizer.adam(AdamOptions.defaults().withLearningRate(o.learningRate())),
                        o.training())
                .batches(split.source(vocab, o))
                .step(model::trainStep)
                .validation(validation.isEmpty() ? null : () -> evaluate(model, validation))
                .onImprovement(epoch -> saveBest(model, o))
                .control(control)
                .progress(progress, "Training", "chars")
                .run();
        return new TrainingReport(
                r.trainLoss(),
                r.validationLoss(),
                r.bestEpoch(),
                r.weight(),
                r.seconds(),
                r.stoppedEarly(),
                r.batchLoss(),
                r.batchesPerEpoch(),
                r.stopRequested());
    }

    private static void saveBest(CharLanguageModel model, TrainOptions o) {
        if (o.checkpointDir() == null) {
            return;
        }
        try {
            model.save(o.checkpointDir());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The mean loss per character over {@code batches}. */
    public static double evaluate(CharLanguageModel model, List<CharBatch> batches) {
        double sum = 0;
        long n = 0;
        for (CharBatch b : batches) {
            int c = b.characters();
            sum += model.loss(b) * c;
            n += c;
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}
