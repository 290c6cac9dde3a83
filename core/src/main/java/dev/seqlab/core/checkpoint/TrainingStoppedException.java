package dev.seqlab.core.checkpoint;

import java.nio.file.Path;

/**
 * Thrown by a trainer that was asked to stop (its {@code BooleanSupplier stopRequested} turned
 * true): it finished the step it was in, wrote everything needed to continue to
 * {@link #checkpoint()} and left the user's output untouched. Resuming from that file with the
 * same options continues where it stopped.
 */
public final class TrainingStoppedException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient Path checkpoint;
    private final long stepsDone;
    private final long stepsTotal;

    /**
     * @param checkpoint the file holding the state to resume from
     * @param stepsDone  the steps done when it stopped (jobs, chunks, iterations: the trainer's unit)
     * @param stepsTotal the steps of the whole run
     * @param unit       what a step is, plural ("words", "pairs")
     */
    public TrainingStoppedException(Path checkpoint, long stepsDone, long stepsTotal, String unit) {
        super("training stopped after " + stepsDone + " of " + stepsTotal + " " + unit + "; checkpoint written to "
                + checkpoint);
        this.checkpoint = checkpoint;
        this.stepsDone = stepsDone;
        this.stepsTotal = stepsTotal;
    }

    /** The checkpoint file written. */
    public Path checkpoint() {
        return checkpoint;
    }

    /** Steps done before stopping. */
    public long stepsDone() {
        return stepsDone;
    }

    /** Steps of the whole run. */
    public long stepsTotal() {
        return stepsTotal;
    }
}
