package dev.seqlab.core.optim;

import dev.seqlab.core.options.Withers;

/**
 * Hyperparameters of plain SGD.
 *
 * @param learningRate step size (positive)
 * @param weightDecay  L2 penalty coefficient added to the gradient (0 for none)
 */
public record SgdOptions(float learningRate, float weightDecay) {

    /** Validates the options. */
    public SgdOptions {
        Optimizer.checkLearningRate(learningRate);
        OptionChecks.nonNegative("weight decay", weightDecay);
    }

    /** Learning rate 0.01, no weight decay. */
    public static SgdOptions defaults() {
        return new SgdOptions(0.01f, 0f);
    }

    /** SGD with this learning rate and no weight decay. */
    public static SgdOptions of(float learningRate) {
        return defaults().withLearningRate(learningRate);
    }

    /** These options with another learning rate. */
    public SgdOptions withLearningRate(float lr) {
        return Withers.with(this, "learningRate", lr);
    }

    /** These options with another weight decay. */
    public SgdOptions withWeightDecay(float wd) {
        return Withers.with(this, "weightDecay", wd);
    }
}
