package dev.seqlab.core.optim;

/**
 * The learning rate as a function of the step (or epoch) number, counted from 0.
 *
 * <pre>{@code
 * LearningRateSchedule s = LearningRateSchedule.linear(0.025, 0.0001, totalSteps);
 * optimizer.setLearningRate((float) s.rate(step));
 * }</pre>
 */
@FunctionalInterface
public interface LearningRateSchedule {

    /** The learning rate at step {@code step} (≥ 0). */
    double rate(long step);

    /** The same rate at every step. */
    static LearningRateSchedule constant(double rate) {
        OptionChecks.positive("learning rate", rate);
        return step -> rate;
    }

    /**
     * Linear decay from {@code start} at step 0 to {@code end} at step {@code steps}, then
     * {@code end} (word2vec's alpha → min-alpha).
     */
    static LearningRateSchedule linear(double start, double end, long steps) {
        OptionChecks.positive("start rate", start);
        OptionChecks.nonNegative("end rate", end);
        if (steps <= 0) {
            throw new IllegalArgumentException("linear decay needs a positive number of steps, got " + steps);
        }
        return step -> step >= steps ? end : start + (end - start) * ((double) step / steps);
    }

    /** {@code initial · decay^(step / decaySteps)}, continuous in the step. */
    static LearningRateSchedule exponential(double initial, double decay, long decaySteps) {
        OptionChecks.positive("initial rate", initial);
        OptionChecks.positive("decay", decay);
        if (decaySteps <= 0) {
            throw new IllegalArgumentException("decay steps must be positive, got " + decaySteps);
        }
        return step -> initial * Math.pow(decay, (double) step / decaySteps);
    }

    /** {@code initial · factor^⌊step / every⌋}: the rate drops by {@code factor} every {@code every} steps. */
    static LearningRateSchedule step(double initial, double factor, long every) {
        OptionChecks.positive("initial rate", initial);
        OptionChecks.positive("factor", factor);
        if (every <= 0) {
            throw new IllegalArgumentException("step interval must be positive, got " + every);
        }
        return step -> initial * Math.pow(factor, step / every);
    }
}
