package dev.seqlab.core.optim;

import dev.seqlab.core.options.Withers;

/**
 * Hyperparameters of SGD with momentum (PyTorch's formulation: {@code v ← μ·v + g};
 * {@code θ ← θ − lr·v}, or {@code θ ← θ − lr·(g + μ·v)} with Nesterov).
 *
 * @param learningRate step size (positive)
 * @param momentum     μ in [0, 1)
 * @param nesterov     use Nesterov's look-ahead form
 * @param weightDecay  L2 penalty coefficient added to the gradient
 */
public record MomentumOptions(float learningRate, float momentum, boolean nesterov, float weightDecay) {

    /** Validates the options. */
    public MomentumOptions {
        Optimizer.checkLearningRate(learningRate);
        OptionChecks.inUnitInterval("momentum", momentum, true);
        OptionChecks.nonNegative("weight decay", weightDecay);
    }

    /** Learning rate 0.01, classical momentum 0.9, no Nesterov, no weight decay. */
    public static MomentumOptions defaults() {
        return new MomentumOptions(0.01f, 0.9f, false, 0f);
    }

    /** Classical momentum 0.9 with this learning rate. */
    public static MomentumOptions of(float learningRate) {
        return defaults().withLearningRate(learningRate);
    }

    /** These options with another learning rate. */
    public MomentumOptions withLearningRate(float lr) {
        return Withers.with(this, "learningRate", lr);
    }

    /** These options with another momentum. */
    public MomentumOptions withMomentum(float mu) {
        return Withers.with(this, "momentum", mu);
    }

    /** These options with Nesterov's look-ahead on or off. */
    public MomentumOptions withNesterov(boolean on) {
        return Withers.with(this, "nesterov", on);
    }

    /** These options with another weight decay. */
    public MomentumOptions withWeightDecay(float wd) {
        return Withers.with(this, "weightDecay", wd);
    }
}
