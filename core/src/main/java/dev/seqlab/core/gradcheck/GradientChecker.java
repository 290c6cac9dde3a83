package dev.seqlab.core.gradcheck;

import dev.seqlab.core.options.Checks;
import dev.seqlab.core.options.Withers;
import dev.seqlab.core.param.Parameter;
import dev.seqlab.core.random.SeededRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleSupplier;

/**
 * Checks analytic gradients against central finite differences.
 *
 * <p>For every checked entry θᵢ the numeric gradient is
 * {@code (L(θᵢ + h) − L(θᵢ − h)) / (θᵢ⁺ − θᵢ⁻)}, where θᵢ± are the float values actually stored
 * after the perturbation (so float rounding of the step does not bias the estimate). Per
 * parameter the report gives the worst entry's relative error
 * {@code max(0, |a − n| − noise) / max(|a| + |n|, floor)} and the course's norm ratio
 * {@code max(0, ‖a − n‖₂ − noise·√k) / (‖a‖₂ + ‖n‖₂)} over the k checked entries (a gradient
 * that is zero up to noise, like a bias before a softmax, then counts as agreeing). {@code noise} is the rounding
 * error of the numeric estimate, {@code lossRoundoff · max(|L|, 1) / h}: a layer computing in float32
 * cannot resolve gradients below it, so disagreement within it is not counted, while a wrong
 * entry of any larger magnitude still shows. {@code floor} (1% of the parameter's mean |n|)
 * keeps near-zero entries from dividing by zero.
 *
 * <pre>{@code
 * GradientCheckReport r = GradientChecker.check(layer.parameters().list(),
 *         () -> lossOf(layer.forward(x)),                   // recompute the loss, in double
 *         () -> { params.zeroGrads(); layer.backward(...); }, // fill every grad
 *         GradientChecker.Options.defaults());
 * r.assertBelow(1e-3);
 * }</pre>
 */
public final class GradientChecker {
    /** Entry errors are measured against at least this fraction of the parameter's mean |numeric gradient|. */
    static final double ENTRY_FLOOR_FRACTION = 1e-2;

    /**
     * How to check.
     *
     * @param step               the perturbation h (for float32 parameters 1e-3 balances
     *                           truncation against rounding when the loss is accumulated in double)
     * @param maxEntriesPerParam check at most this many entries of each parameter, chosen at random
     *                           (all entries when the parameter is smaller)
     * @param seed               chooses the sampled entries
     * @param lossRoundoff       the relative rounding error of one loss evaluation: 0 for a loss
     *                           computed exactly in double, a few float32 ulps (see
     *                           {@link #float32()}) when the layer computes in float
     */
    public record Options(double step, int maxEntriesPerParam, long seed, double lossRoundoff) {

        /** Validates the options. */
        public Options {
            Checks.positive("step", step);
            Checks.atLeast("maxEntriesPerParam", maxEntriesPerParam, 1);
            if (!(lossRoundoff >= 0) || lossRoundoff >= 1) {
                throw new IllegalArgumentException("lossRoundoff must be in [0, 1), got " + lossRoundoff);
            }
        }

        /** h = 1e-3, at most 200 entries per parameter, seed 0, a loss exact in double. */
        public static Options defaults() {
            return new Options(1e-3, 200, 0, 0);
        }

        /**
         * For layers computing in float32: h = 1e-2 (truncation error h²·f‴/6 stays near the
         * rounding error) and a loss roundoff of 64 float32 ulps (64·2⁻²⁴): a loss summing N ≈ 100
         * float outputs, each carrying a few ulps accumulated through several layers and steps,
         * is accurate to about √N·(a few) ulps. Entries smaller than that noise are then checked
         * only through the norm ratio, which {@link GradientCheckReport#assertBelow} also requires.
         */
        public static Options float32() {
            return defaults().withStep(1e-2).withLossRoundoff(64 * 0x1.0p-24);
        }

        /** These options with another step. */
        public Options withStep(double h) {
            return Withers.with(this, "step", h);
        }

        /** These options checking at most {@code n} entries of each parameter. */
        public Options withMaxEntriesPerParam(int n) {
            return Withers.with(this, "maxEntriesPerParam", n);
        }

        /** These options sampling entries with another seed. */
        public Options withSeed(long s) {
            return Withers.with(this, "seed", s);
        }

        /** These options with another relative rounding error of one loss evaluation. */
        public Options withLossRoundoff(double r) {
            return Withers.with(this, "lossRoundoff", r);
        }
    }

    private GradientChecker() {}

    /**
     * Runs the check.
     *
     * @param params   the parameters (or wrapped inputs) whose gradients are checked
     * @param loss     recomputes the scalar loss from the parameters' current values
     * @param backward computes the analytic gradients of that same loss into every parameter's
     *                 grad (zeroing them first)
     */
    public static GradientCheckReport check(
            List<Parameter> params, DoubleSupplier loss, Runnable backward, Options options) {
        double noise = options.lossRoundoff() * Math.max(1, Math.abs(loss.getAsDouble())) / options.step();
        backward.run();
        List<float[]> analytic = new ArrayList<>();
        for (Parameter p : params) {
            analytic.add(p.grad().data().clone());
        }
        SeededRandom rng = new SeededRandom(options.seed());
        List<GradientCheckReport.Entry> entries = new ArrayList<>();
        for (int pi = 0; pi < params.size(); pi++) {
            Parameter p = params.get(pi);
            float[] w = p.value().data();
            float[] a = analytic.get(pi);
            int[] idx = chooseEntries(w.length, options.maxEntriesPerParam(), rng);
            double[] numeric = new double[idx.length];
            double diff2 = 0;
            double a2 = 0;
            double n2 = 0;
            double sumAbs = 0;
            for (int e = 0; e < idx.length; e++) {
                int i = idx[e];
                float orig = w[i];
                float plus = (float) (orig + options.step());
                float minus = (float) (orig - options.step());
                w[i] = plus;
                double lp = loss.getAsDouble();
                w[i] = minus;
                double lm = loss.getAsDouble();
                w[i] = orig;
                numeric[e] = (lp - lm) / ((double) plus - (double) minus);
                double an = a[i];
                diff2 += (an - numeric[e]) * (an - numeric[e]);
                a2 += an * an;
                n2 += numeric[e] * numeric[e];
                sumAbs += Math.abs(numeric[e]);
            }
            double floor = Math.max(ENTRY_FLOOR_FRACTION * sumAbs / Math.max(1, idx.length), Double.MIN_NORMAL);
            double worstErr = 0;
            int worstIndex = idx.length > 0 ? idx[0] : -1;
            double worstA = idx.length > 0 ? a[idx[0]] : 0;
            double worstN = idx.length > 0 ? numeric[0] : 0;
            for (int e = 0; e < idx.length; e++) {
                double an = a[idx[e]];
                double excess = Math.max(0, Math.abs(an - numeric[e]) - noise);
                double err = excess / Math.max(Math.abs(an) + Math.abs(numeric[e]), floor);
                if (err > worstErr) {
                    worstErr = err;
                    worstIndex = idx[e];
                    worstA = an;
                    worstN = numeric[e];
                }
            }
            double denom = Math.sqrt(a2) + Math.sqrt(n2);
            double normExcess = Math.max(0, Math.sqrt(diff2) - noise * Math.sqrt(idx.length));
            double normRatio = denom == 0 ? 0 : normExcess / denom;
            entries.add(new GradientCheckReport.Entry(
                    p.name(), idx.length, worstErr, normRatio, worstIndex, worstA, worstN));
        }
        // Leave the analytic gradients in place for the caller.
        for (int pi = 0; pi < params.size(); pi++) {
            System.arraycopy(analytic.get(pi), 0, params.get(pi).grad().data(), 0, analytic.get(pi).length);
        }
        return new GradientCheckReport(entries);
    }

    private static int[] chooseEntries(int size, int max, SeededRandom rng) {
        int[] all = new int[size];
        for (int i = 0; i < size; i++) {
            all[i] = i;
        }
        if (size <= max) {
            return all;
        }
        // Partial Fisher–Yates: the first max entries of a random permutation, in index order.
        for (int i = 0; i < max; i++) {
            int j = i + rng.nextInt(size - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        int[] pick = Arrays.copyOf(all, max);
        Arrays.sort(pick);
        return pick;
    }
}
