package dev.seqlab.core.optim;

import dev.seqlab.core.options.Withers;

/**
 * Hyperparameters of Adam (Kingma and Ba 2015) with bias correction:
 * <pre>
 *   m ← β₁·m + (1−β₁)·g        v ← β₂·v + (1−β₂)·g²
 *   m̂ = m / (1−β₁ᵗ)            v̂ = v / (1−β₂ᵗ)
 *   θ ← θ − lr·m̂ / (√v̂ + ε)
 * </pre>
 * Weight decay {@code wd} is either coupled (L2: {@code g ← g + wd·θ} before the moments, as
 * PyTorch's {@code Adam}) or decoupled (AdamW, Loshchilov and Hutter 2019:
 * {@code θ ← θ − lr·wd·θ} before the Adam update, as PyTorch's {@code AdamW}).
 *
 * @param learningRate         step size (positive)
 * @param beta1                first-moment decay in [0, 1)
 * @param beta2                second-moment decay in [0, 1)
 * @param epsilon              added to √v̂ (positive)
 * @param weightDecay          weight decay coefficient (0 for none)
 * @param decoupledWeightDecay true for AdamW, false for L2-coupled decay
 */
public record AdamOptions(
        float learningRate, float beta1, float beta2, float epsilon, float weightDecay, boolean decoupledWeightDecay) {

    /** Validates the options. */
    public AdamOptions {
        Optimizer.checkLearningRate(learningRate);
        OptionChecks.inUnitInterval("beta1", beta1, true);
        OptionChecks.inUnitInterval("beta2", beta2, true);
        OptionChecks.positive("epsilon", epsilon);
        OptionChecks.nonNegative("weight decay", weightDecay);
    }

    /** lr 1e-3, β₁ 0.9, β₂ 0.999, ε 1e-8, no weight decay (the paper's defaults). */
    public static AdamOptions defaults() {
        return new AdamOptions(1e-3f, 0.9f, 0.999f, 1e-8f, 0f, false);
    }

    /** These options with another learning rate. */
    public AdamOptions withLearningRate(float lr) {
        return Withers.with(this, "learningRate", lr);
    }

    /** These options with other moment decays. */
    public AdamOptions withBetas(float b1, float b2) {
        return Withers.with(this, "beta1", b1, "beta2", b2);
    }

    /** These options with another ε. */
    public AdamOptions withEpsilon(float eps) {
        return Withers.with(this, "epsilon", eps);
    }

    /** These options with L2-coupled weight decay {@code wd} (PyTorch Adam). */
    public AdamOptions withWeightDecay(float wd) {
        return Withers.with(this, "weightDecay", wd, "decoupledWeightDecay", false);
    }

    /** These options with decoupled weight decay {@code wd} (AdamW). */
    public AdamOptions withDecoupledWeightDecay(float wd) {
        return Withers.with(this, "weightDecay", wd, "decoupledWeightDecay", true);
    }
}
