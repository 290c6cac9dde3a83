package dev.seqlab.core.optim;

import dev.seqlab.core.param.Parameters;
import java.util.Map;

/**
 * Updates parameters from their gradients. Per-parameter state (moments, velocities) lives in
 * the optimiser, keyed by parameter, and is created on the first step.
 *
 * <pre>{@code
 * Optimizer opt = Optimizer.adam(AdamOptions.defaults().withLearningRate(2e-3f));
 * for (...) {
 *     params.zeroGrads();
 *     model.backward(...);
 *     GradientClipping.byGlobalNorm(params, 5.0);
 *     opt.step(params);
 * }
 * }</pre>
 */
public interface Optimizer {

    /** Applies one update to every parameter from its current gradient. */
    void step(Parameters params);

    /** The learning rate the next step will use. */
    float learningRate();

    /**
     * Sets the learning rate for the following steps (what a {@link LearningRateSchedule} drives).
     *
     * @throws IllegalArgumentException if not finite and positive
     */
    void setLearningRate(float lr);

    /** How many steps have been taken. */
    long steps();

    /**
     * This optimiser's per-parameter buffers (moments, velocities) for a checkpoint, named
     * {@code "<parameter>#<i>"}; copies, empty before the first step.
     */
    Map<String, float[]> buffers(Parameters params);

    /**
     * Continues from a checkpoint: sets the buffers of {@link #buffers} and the step count.
     *
     * @throws IllegalArgumentException if a buffer is missing or has another size than its parameter
     */
    void restore(Parameters params, Map<String, float[]> buffers, long steps);

    /** Plain stochastic gradient descent: {@code θ ← θ − lr·(g + wd·θ)}. */
    static Optimizer sgd(SgdOptions options) {
        return new Sgd(options);
    }

    /** SGD with classical or Nesterov momentum. */
    static Optimizer momentum(MomentumOptions options) {
        return new Momentum(options);
    }

    /** RMSprop. */
    static Optimizer rmsProp(RmsPropOptions options) {
        return new RmsProp(options);
    }

    /** Adam (with L2 weight decay) or AdamW (decoupled weight decay). */
    static Optimizer adam(AdamOptions options) {
        return new Adam(options);
    }

    /** Checks a learning rate, naming the problem for the user. */
    static float checkLearningRate(float lr) {
        if (!(lr > 0) || Float.isInfinite(lr)) {
            throw new IllegalArgumentException("learning rate must be a positive finite number, got " + lr);
        }
        return lr;
    }
}
