package dev.seqlab.core.optim;

/**
 * Hyperparameters of RMSprop: {@code s ← ρ·s + (1−ρ)·g²}; {@code θ ← θ − lr·g / (√s + ε)}.
 *
 * @param learningRate step size (positive)
 * @param rho          decay of the squared-gradient average, in (0, 1)
 * @param epsilon      added to √s for stability (positive)
 * @param weightDecay  L2 penalty coefficient added to the gradient
 */
public record RmsPropOptions(float learningRate, float rho, float epsilon, float weightDecay) {

    /** Validates the options. */
    public RmsPropOptions {
        Optimizer.checkLearningRate(learningRate);
        OptionChecks.inUnitInterval("rho", rho, false);
        OptionChecks.positive("epsilon", epsilon);
        OptionChecks.nonNegative("weight decay", weightDecay);
    }

    /** ρ = 0.9, ε = 1e-8 with this learning rate (Hinton's suggested 0.001 is a good start). */
    public static RmsPropOptions of(float learningRate) {
        return new RmsPropOptions(learningRate, 0.9f, 1e-8f, 0f);
    }
}
