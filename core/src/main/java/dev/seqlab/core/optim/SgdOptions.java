package dev.seqlab.core.optim;

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

    /** SGD with this learning rate and no weight decay. */
    public static SgdOptions of(float learningRate) {
        return new SgdOptions(learningRate, 0f);
    }
}
