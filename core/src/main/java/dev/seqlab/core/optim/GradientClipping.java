package dev.seqlab.core.optim;

import dev.seqlab.core.param.Parameter;
import dev.seqlab.core.param.Parameters;

/** Gradient clipping, applied to gradients after backward and before the optimiser step. */
public final class GradientClipping {

    private GradientClipping() {}

    /**
     * Clips every gradient entry to {@code [−clip, clip]} (the course's {@code np.clip}).
     *
     * @throws IllegalArgumentException if {@code clip} is not positive
     */
    public static void byValue(Parameters params, float clip) {
        OptionChecks.positive("clip value", clip);
        for (Parameter p : params) {
            float[] g = p.grad().data();
            for (int i = 0; i < g.length; i++) {
                g[i] = Math.max(-clip, Math.min(clip, g[i]));
            }
        }
    }

    /**
     * Scales all gradients together so that their global L2 norm is at most {@code maxNorm}
     * (PyTorch's {@code clip_grad_norm_}: factor {@code maxNorm / (norm + 1e-6)}, applied only
     * when below 1).
     *
     * @return the global norm before clipping, accumulated in double
     */
    public static double byGlobalNorm(Parameters params, double maxNorm) {
        OptionChecks.positive("max norm", maxNorm);
        double norm = globalNorm(params);
        double factor = maxNorm / (norm + 1e-6);
        if (factor < 1) {
            float f = (float) factor;
            for (Parameter p : params) {
                float[] g = p.grad().data();
                for (int i = 0; i < g.length; i++) {
                    g[i] *= f;
                }
            }
        }
        return norm;
    }

    /** The L2 norm of all gradients taken together, accumulated in double. */
    public static double globalNorm(Parameters params) {
        double sum = 0;
        for (Parameter p : params) {
            float[] g = p.grad().data();
            for (float x : g) {
                sum += (double) x * x;
            }
        }
        return Math.sqrt(sum);
    }
}
