package dev.seqlab.core.train;

import dev.seqlab.core.optim.LearningRateSchedule;
import dev.seqlab.core.optim.Optimizer;
import dev.seqlab.core.param.Parameters;
import dev.seqlab.core.progress.ProgressListener;
import dev.seqlab.core.random.SeededRandom;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleSupplier;
import java.util.function.IntConsumer;

/**
 * The one training loop: for every epoch, the learning rate from the schedule, a shuffle of the
 * {@link BatchSource} by a generator seeded with {@link TrainingOptions#seed()}, then for every
 * batch: zero the gradients, the {@link StepFunction}, clipping, the optimiser step. After each
 * epoch an optional validation loss decides early stopping (patience, or a {@link #target} reached);
 * the best parameters are restored at the end. Single-threaded apart from the kernels, so the same seed and thread count give the same
 * parameters, and a run resumed from a checkpoint the same parameters as one never interrupted.
 *
 * <pre>{@code
 * TrainingResult r = TrainingLoop.of(model.parameters(), Optimizer.adam(AdamOptions.defaults()), options)
 *         .batches(source)
 *         .step((batch, rng) -> model.trainStep(batch, rng))
 *         .validation(() -> model.loss(validationSet))
 *         .checkpoint(dir.resolve("checkpoint.safetensors"))
 *         .stopRequested(() -> interrupted.get())
 *         .progress(listener, "Training", "chars")
 *         .run();
 * }</pre>
 *
 * <p>The step function's random stream (dropout) is seeded {@code seed·31 + 7}. Checkpoints are
 * written every {@link TrainingOptions#checkpointEvery()} steps and when a stop is requested
 * (checked before every step); {@link #resume(Path)} continues from one.
 *
 * @param <B> what one batch is
 */
public final class TrainingLoop<B> {
    private final Parameters params;
    private final Optimizer optimizer;
    private final TrainingOptions options;
    private BatchSource<B> source;
    private StepFunction<B> step;
    private DoubleSupplier validation;
    private double target = Double.NEGATIVE_INFINITY;
    private IntConsumer onImprovement = epoch -> {};
    private LearningRateSchedule epochSchedule;
    private LearningRateSchedule stepSchedule;
    private Path checkpoint;
    private Path resumeFrom;
    private BooleanSupplier stopRequested = () -> false;
    private ProgressListener progress = ProgressListener.NONE;
    private String task = "Training";
    private String unit = "batches";

    private TrainingLoop(Parameters params, Optimizer optimizer, TrainingOptions options) {
        this.params = Objects.requireNonNull(params, "params");
        this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
        this.options = Objects.requireNonNull(options, "options");
        this.epochSchedule = options.schedule();
    }

    /** A loop that trains {@code params} with {@code optimizer} as {@code options} say. */
    public static <B> TrainingLoop<B> of(Parameters params, Optimizer optimizer, TrainingOptions options) {
        return new TrainingLoop<>(params, optimizer, options);
    }

    /** The training data (required). */
    public TrainingLoop<B> batches(BatchSource<B> s) {
        this.source = Objects.requireNonNull(s, "batch source");
        return this;
    }

    /** Forward and backward on a batch (required). */
    public TrainingLoop<B> step(StepFunction<B> f) {
        this.step = Objects.requireNonNull(f, "step function");
        return this;
    }

    /** The validation loss (lower is better) computed after every epoch; without it there is no early stopping. */
    public TrainingLoop<B> validation(DoubleSupplier v) {
        this.validation = v;
        return this;
    }

    /**
     * Stops after the first epoch whose validation loss is at most {@code v} (e.g. 0.001 for a
     * validation loss of 1 − accuracy: stop once 99.9% is reached); without it, only patience and
     * the number of epochs end a run.
     */
    public TrainingLoop<B> target(double v) {
        this.target = v;
        return this;
    }

    /** Called with the 1-based epoch whenever the validation loss improves (e.g. to save the best model). */
    public TrainingLoop<B> onImprovement(IntConsumer c) {
        this.onImprovement = Objects.requireNonNull(c, "improvement listener");
        return this;
    }

    /** Replaces the options' per-epoch schedule: the rate of epoch {@code e} (from 0) is {@code s.rate(e)}. */
    public TrainingLoop<B> epochSchedule(LearningRateSchedule s) {
        this.epochSchedule = Objects.requireNonNull(s, "schedule");
        this.stepSchedule = null;
        return this;
    }

    /** Replaces the options' per-epoch schedule by one per step: step {@code k} (from 0) uses {@code s.rate(k)}. */
    public TrainingLoop<B> stepSchedule(LearningRateSchedule s) {
        this.stepSchedule = Objects.requireNonNull(s, "schedule");
        this.epochSchedule = null;
        return this;
    }

    /** Where checkpoints are written (atomically replacing the previous one); none without it. */
    public TrainingLoop<B> checkpoint(Path file) {
        this.checkpoint = file;
        return this;
    }

    /** Continues from the checkpoint {@code file} written by an earlier run with the same options and data. */
    public TrainingLoop<B> resume(Path file) {
        this.resumeFrom = file;
        return this;
    }

    /** Asked before every step; when it answers true the loop writes a checkpoint and returns. */
    public TrainingLoop<B> stopRequested(BooleanSupplier s) {
        this.stopRequested = Objects.requireNonNull(s, "stop request");
        return this;
    }

    /** Applies a {@link RunControl}: its checkpoint file, resume and stop request. */
    public TrainingLoop<B> control(RunControl c) {
        checkpoint(c.checkpoint());
        resume(c.resume() ? c.checkpoint() : null);
        return stopRequested(c.stopRequested());
    }

    /** Reports progress in the batches' {@link BatchSource#weight} as {@code unit}s under {@code task}. */
    public TrainingLoop<B> progress(ProgressListener listener, String task, String unit) {
        this.progress = Objects.requireNonNull(listener, "progress");
        this.task = task;
        this.unit = unit;
        return this;
    }

    /**
     * Trains.
     *
     * @throws IllegalStateException if the batch source or the step function is missing
     * @throws UncheckedIOException  if a checkpoint cannot be written or the one to resume from read
     */
    public TrainingResult run() {
        if (source == null || step == null) {
            throw new IllegalStateException("a training loop needs a batch source and a step function");
        }
        long t0 = System.nanoTime();
        int batches = source.batches();
        SeededRandom shuffle = new SeededRandom(options.seed());
        SeededRandom random = new SeededRandom(options.seed() * 31 + 7);
        TrainingState s = new TrainingState();
        boolean resumed = resumeFrom != null && restore(s, shuffle, random, batches);
        progress.start(task, source.epochWeight() * options.epochs(), unit);
        progress.advance(s.weight);
        Path written = null;
        for (int e = s.epoch; e < options.epochs(); e++) {
            if (!resumed) {
                s.startEpoch(e);
                source.shuffle(shuffle);
            }
            resumed = false;
            if (epochSchedule != null) {
                optimizer.setLearningRate((float) epochSchedule.rate(e));
            }
            for (int i = s.batch; i < batches; i++) {
                if (stopRequested.getAsBoolean()) {
                    written = save(s, shuffle, random, batches);
                    progress.finish();
                    return result(s, t0, false, true, written, batches);
                }
                if (stepSchedule != null) {
                    optimizer.setLearningRate((float) stepSchedule.rate(s.step));
                }
                B b = source.batch(i);
                params.zeroGrads();
                double loss = step.step(b, random);
                options.clip().apply(params);
                optimizer.step(params);
                long w = source.weight(b);
                s.record(loss, w);
                progress.advance(w);
                progress.status(
                        String.format(Locale.ROOT, "epoch %d/%d, loss %.4f", e + 1, options.epochs(), s.epochMean()));
                if (options.checkpointEvery() > 0 && s.step % options.checkpointEvery() == 0) {
                    written = save(s, shuffle, random, batches);
                }
            }
            s.trainLoss.add(s.epochMean());
            if (validation == null) {
                s.bestEpoch = e + 1;
                continue;
            }
            double v = validation.getAsDouble();
            s.validationLoss.add(v);
            if (v < s.bestValidation) {
                s.bestValidation = v;
                s.bestEpoch = e + 1;
                s.keepBest(params);
                onImprovement.accept(e + 1);
                if (v <= target) {
                    progress.finish();
                    return result(s, t0, e + 1 < options.epochs(), false, written, batches);
                }
            } else if (options.patience() > 0 && e + 1 - s.bestEpoch >= options.patience()) {
                progress.finish();
                s.restoreBest(params);
                return result(s, t0, e + 1 < options.epochs(), false, written, batches);
            }
        }
        progress.finish();
        s.restoreBest(params);
        return result(s, t0, false, false, written, batches);
    }

    /** Restores the checkpoint into the state and replays the shuffles up to its epoch; true once done. */
    private boolean restore(TrainingState s, SeededRandom shuffle, SeededRandom random, int batches) {
        if (!Files.exists(resumeFrom)) {
            throw new UncheckedIOException(
                    new NoSuchFileException(resumeFrom.toString(), null, "no training checkpoint to resume from"));
        }
        SeededRandom.State target;
        try {
            target = Checkpoint.read(resumeFrom, params, optimizer, s, random, options.seed(), batches);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int e = 0; e <= s.epoch; e++) {
            source.shuffle(shuffle);
        }
        if (!shuffle.state().equals(target)) {
            throw new IllegalStateException("the checkpoint " + resumeFrom + " does not match this data: replaying "
                    + (s.epoch + 1) + " shuffles does not reach its batch order");
        }
        return true;
    }

    private Path save(TrainingState s, SeededRandom shuffle, SeededRandom random, int batches) {
        if (checkpoint == null) {
            return null;
        }
        try {
            Checkpoint.write(checkpoint, params, optimizer, s, shuffle, random, options.seed(), batches);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return checkpoint;
    }

    private TrainingResult result(TrainingState s, long t0, boolean early, boolean stopped, Path written, int batches) {
        return new TrainingResult(
                s.trainLoss,
                s.validationLoss,
                s.bestEpoch,
                s.weight,
                s.step,
                (System.nanoTime() - t0) / 1e9,
                early,
                stopped,
                written,
                s.batchLoss,
                batches);
    }
}
