package dev.seqlab.core.optim;

import dev.seqlab.core.param.Parameters;

/**
 * How gradients are clipped between backward and the optimiser step: none, by global norm
 * ({@link GradientClipping#byGlobalNorm}), by value ({@link GradientClipping#byValue}), or the
 * norm first and then the value, as the course's character model does.
 *
 * <pre>{@code
 * ClipPolicy clip = ClipPolicy.globalNorm(5.0);      // or ClipPolicy.none(), ClipPolicy.value(1f)
 * clip.apply(params);
 * }</pre>
 *
 * @param maxNorm  gradients are scaled together to at most this global L2 norm; 0 for off
 * @param maxValue each gradient entry is then clipped to {@code [−maxValue, maxValue]}; 0 for off
 */
public record ClipPolicy(double maxNorm, float maxValue) {

    /** Validates with messages naming the offending value. */
    public ClipPolicy {
        if (!(maxNorm >= 0) || Double.isInfinite(maxNorm)) {
            throw new IllegalArgumentException("clip norm must be 0 (off) or a positive finite number, got " + maxNorm);
        }
        if (!(maxValue >= 0) || Float.isInfinite(maxValue)) {
            throw new IllegalArgumentException(
                    "clip value must be 0 (off) or a positive finite number, got " + maxValue);
        }
    }

    /** No clipping. */
    public static ClipPolicy none() {
        return new ClipPolicy(0, 0f);
    }

    /** Clipping by global norm only. */
    public static ClipPolicy globalNorm(double maxNorm) {
        return new ClipPolicy(maxNorm, 0f);
    }

    /** Clipping by value only. */
    public static ClipPolicy value(float maxValue) {
        return new ClipPolicy(0, maxValue);
    }

    /** This policy with another value clip (0 for off). */
    public ClipPolicy withValue(float v) {
        return new ClipPolicy(maxNorm, v);
    }

    /** Clips the gradients of {@code params} in place. */
    public void apply(Parameters params) {
        if (maxNorm > 0) {
            GradientClipping.byGlobalNorm(params, maxNorm);
        }
        if (maxValue > 0) {
            GradientClipping.byValue(params, maxValue);
        }
    }
}
