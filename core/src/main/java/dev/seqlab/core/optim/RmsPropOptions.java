package dev.seqlab.core.optim;

import dev.seqlab.core.options.Withers;

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

    /** Learning rate 0.001 (Hinton's suggestion), ρ = 0.9, ε = 1e-8, no weight decay. */
    public static RmsPropOptions defaults() {
        return new RmsPropOptions(1e-3f, 0.9f, 1e-8f, 0f);
    }

    /** ρ = 0.9, ε = 1e-8 with this learning rate (Hinton's suggested 0.001 is a good start). */
    public static RmsPropOptions of(float learningRate) {
        return defaults().withLearningRate(learningRate);
    }

    /** These options with another learning rate. */
    public RmsPropOptions withLearningRate(float lr) {
        return Withers.with(this, "learningRate", lr);
    }

    /** These options with another ρ. */
    public RmsPropOptions withRho(float r) {
        return Withers.with(this, "rho", r);
    }

    /** These options with another ε. */
    public RmsPropOptions withEpsilon(float eps) {
        return Withers.with(this, "epsilon", eps);
    }

    /** These options with another weight decay. */
    public RmsPropOptions withWeightDecay(float wd) {
        return Withers.with(this, "weightDecay", wd);
    }
}
