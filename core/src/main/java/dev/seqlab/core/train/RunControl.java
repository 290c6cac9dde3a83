package dev.seqlab.core.train;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * How a training run can be interrupted and continued: where its checkpoint goes, whether to
 * resume from that checkpoint, and the stop request checked before every step (a signal handler
 * sets it). Trainers built on {@link TrainingLoop} take one of these beside their options.
 *
 * <pre>{@code
 * AtomicBoolean stop = new AtomicBoolean();
 * RunControl control = RunControl.checkpointTo(dir.resolve("checkpoint.safetensors")).withStopRequested(stop::get);
 * }</pre>
 *
 * @param checkpoint    where checkpoints are written, or null for none
 * @param resume        continue from {@code checkpoint}, which must exist
 * @param stopRequested asked before every step; true stops the run after writing a checkpoint
 */
public record RunControl(Path checkpoint, boolean resume, BooleanSupplier stopRequested) {

    /** Validates: resuming needs a checkpoint. */
    public RunControl {
        Objects.requireNonNull(stopRequested, "stopRequested");
        if (resume && checkpoint == null) {
            throw new IllegalArgumentException("resuming needs a checkpoint file");
        }
    }

    /** No checkpoints, no resume, never stopped. */
    public static RunControl none() {
        return new RunControl(null, false, () -> false);
    }

    /** Checkpoints to {@code file}, starting afresh, never stopped. */
    public static RunControl checkpointTo(Path file) {
        return new RunControl(Objects.requireNonNull(file, "checkpoint file"), false, () -> false);
    }

    /** This control resuming from its checkpoint. */
    public RunControl resuming() {
        return new RunControl(checkpoint, true, stopRequested);
    }

    /** This control with another stop request. */
    public RunControl withStopRequested(BooleanSupplier s) {
        return new RunControl(checkpoint, resume, s);
    }
}
