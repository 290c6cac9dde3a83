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
import java.util.Arrays;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

    private static final Logger LOG = LoggerFactory.getLogger(Seq2SeqTrainer.class);
    /** Validation pairs decoded at once. */
    private static final int DECODE_BATCH = 256;

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
        return loop(model, inputs, outputs, o, progress, control).run();
    }

    /**
     * Held-out pairs measured after every epoch: the validation loss is {@code 1 − exact match}
     * (the share of outputs decoded greedily without a single wrong symbol), so the options'
     * patience counts epochs without a better exact match, and the run stops after the first epoch
     * that reaches {@code targetExactMatch}; the parameters of the best epoch are kept.
     *
     * @param inputs           validation inputs {@code [N][Tx]}
     * @param outputs          their outputs {@code [N][Ty]}
     * @param targetExactMatch stop once the exact match reaches this, in (0, 1]
     */
    public record Validation(int[][] inputs, int[][] outputs, double targetExactMatch) {

        /** Validates with messages naming the offending value. */
        public Validation {
            if (inputs == null || outputs == null || inputs.length == 0 || inputs.length != outputs.length) {
                throw new IllegalArgumentException("validation needs as many outputs as inputs (at least one), got "
                        + (inputs == null ? "none" : inputs.length) + " and "
                        + (outputs == null ? "none" : outputs.length));
            }
            if (!(targetExactMatch > 0 && targetExactMatch <= 1)) {
                throw new IllegalArgumentException("target exact match must be in (0, 1], got " + targetExactMatch);
            }
        }
    }

    /**
     * As {@link #train(Seq2SeqModel, int[][], int[][], TrainingOptions, ProgressListener, RunControl)},
     * measuring {@code validation} after every epoch and stopping early as it says; the result's
     * validation losses are {@code 1 − exact match}.
     */
    public static TrainingResult train(
            Seq2SeqModel model,
            int[][] inputs,
            int[][] outputs,
            Validation validation,
            TrainingOptions o,
            ProgressListener progress,
            RunControl control) {
        int[] epoch = {0};
        return loop(model, inputs, outputs, o, progress, control)
                .validation(() -> {
                    double match = exactMatch(model, validation.inputs(), validation.outputs());
                    epoch[0]++;
                    LOG.info(
                            "epoch {}: exact match {} on {} validation pairs",
                            epoch[0],
                            String.format(Locale.ROOT, "%.4f", match),
                            validation.inputs().length);
                    return 1 - match;
                })
                .target(1 - validation.targetExactMatch())
                .run();
    }

    /** The share of {@code outputs} that {@code model} decodes from {@code inputs} without a wrong symbol. */
    public static double exactMatch(Seq2SeqModel model, int[][] inputs, int[][] outputs) {
        int right = 0;
        for (int from = 0; from < inputs.length; from += DECODE_BATCH) {
            int to = Math.min(inputs.length, from + DECODE_BATCH);
            int[][] ids = model.decode(Arrays.copyOfRange(inputs, from, to));
            for (int i = from; i < to; i++) {
                if (Arrays.equals(ids[i - from], outputs[i])) {
                    right++;
                }
            }
        }
        return right / (double) inputs.length;
    }

    private static TrainingLoop<int[]> loop(
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
                .progress(progress, "Training the sequence-to-sequence model", "pairs");
    }
}
