package dev.seqlab.core.optim;

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

    /** Classical momentum 0.9 with this learning rate. */
    public static MomentumOptions of(float learningRate) {
        return new MomentumOptions(learningRate, 0.9f, false, 0f);
    }
}
