package dev.seqlab.attention.train;

import dev.seqlab.attention.model.Seq2SeqModel;
import dev.seqlab.core.optim.AdamOptions;
import dev.seqlab.core.optim.Optimizer;
import dev.seqlab.core.progress.ProgressListener;
import dev.seqlab.core.train.ExampleBatches;
import dev.seqlab.core.train.RunControl;
import dev.seqlab.core.train.TrainingLoop;
import dev.seqlab.core.train.TrainingOptions;
import dev.seqlab.core.train.TrainingResult;

/**
 * The sequence-to-sequence training recipe, for either architecture, on core's {@link TrainingLoop}:
 * Adam with the options' per-epoch decay and clipping, full batches of {@code batchSize} pairs
 * (the last, smaller one of each epoch is left out) in an order shuffled further every epoch.
 * The order is seeded {@code seed·7 + 1}, so it is independent of weights drawn from {@code seed}.
 *
 * <pre>{@code
 * TrainingResult r = Seq2SeqTrainer.train(model, inputs, outputs,
 *         TrainingOptions.defaults().withEpochs(8).withBatchSize(64).withLearningRate(5e-3f).withLrDecay(0.8),
 *         listener);
 * }</pre>
 */
public final class Seq2SeqTrainer {

    private Seq2SeqTrainer() {}

    /** Trains {@code model} on the pairs {@code inputs[i] → outputs[i]} (ids as the model reads and writes them). */
    public static TrainingResult train(
            Seq2SeqModel model, int[][] inputs, int[][] outputs, TrainingOptions o, ProgressListener progress) {
        return train(model, inputs, outputs, o, progress, RunControl.none());
    }

    /**
     * As {@link #train(Seq2SeqModel, int[][], int[][], TrainingOptions, ProgressListener)}, with
     * checkpoints, resume and a stop request as {@code control} says.
     *
     * @throws IllegalArgumentException if the numbers of inputs and outputs differ, or there are fewer
     *                                  pairs than one batch
     */
    public static TrainingResult train(
            Seq2SeqModel model,
            int[][] inputs,
            int[][] outputs,
            TrainingOptions o,
            ProgressListener progress,
            RunControl control) {
        if (inputs.length != outputs.length) {
            throw new IllegalArgumentException(inputs.length + " inputs but " + outputs.length + " outputs");
        }
        return TrainingLoop.<int[]>of(
                        model.parameters(),
                        Optimizer.adam(AdamOptions.defaults().withLearningRate(o.learningRate())),
                        o.withSeed(o.seed() * 7 + 1))
                .batches(new ExampleBatches(inputs.length, o.batchSize(), true))
                .step((batch, rng) -> {
                    int[][] x = new int[batch.length][];
                    int[][] y = new int[batch.length][];
                    for (int b = 0; b < batch.length; b++) {
                        x[b] = inputs[batch[b]];
                        y[b] = outputs[batch[b]];
                    }
                    return model.trainStep(x, y);
                })
                .control(control)
                .progress(progress, "Training the sequence-to-sequence model", "pairs")
                .run();
    }
}
