package dev.seqlab.core.gradcheck;

import java.util.List;
import java.util.Locale;

/**
 * The outcome of a {@link GradientChecker} run: one {@link Entry} per parameter.
 *
 * @param entries per-parameter results, in the order checked
 */
public record GradientCheckReport(List<Entry> entries) {

    /**
     * One parameter's result.
     *
     * @param name          parameter name
     * @param checked       entries compared
     * @param relativeError the worst entry's |a − n| / max(|a| + |n|, floor) (see {@link GradientChecker})
     * @param normRatio     ‖a − n‖₂ (beyond the rounding noise) / (‖a‖₂ + ‖n‖₂) over the checked entries
     * @param worstIndex    flat index of the worst entry
     * @param worstAnalytic the analytic gradient there
     * @param worstNumeric  the numeric gradient there
     */
    public record Entry(
            String name,
            int checked,
            double relativeError,
            double normRatio,
            int worstIndex,
            double worstAnalytic,
            double worstNumeric) {}

    /** Copies the list. */
    public GradientCheckReport {
        entries = List.copyOf(entries);
    }

    /** The largest per-parameter relative error. */
    public double maxRelativeError() {
        double m = 0;
        for (Entry e : entries) {
            m = Math.max(m, e.relativeError());
        }
        return m;
    }

    /**
     * @throws AssertionError with this report's table if any parameter's worst-entry relative
     *                        error or norm ratio exceeds {@code tolerance}
     */
    public GradientCheckReport assertBelow(double tolerance) {
        for (Entry e : entries) {
            if (!(e.relativeError() <= tolerance) || !(e.normRatio() <= tolerance)) {
                throw new AssertionError(
                        "gradient check failed for '" + e.name() + "' (tolerance " + tolerance + ")\n" + this);
            }
        }
        return this;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(String.format(
                Locale.ROOT,
                "%-24s %8s %12s %12s %10s %14s %14s%n",
                "parameter",
                "checked",
                "rel.error",
                "norm.ratio",
                "worst@",
                "analytic",
                "numeric"));
        for (Entry e : entries) {
            sb.append(String.format(
                    Locale.ROOT,
                    "%-24s %8d %12.3e %12.3e %10d %14.6e %14.6e%n",
                    e.name(),
                    e.checked(),
                    e.relativeError(),
                    e.normRatio(),
                    e.worstIndex(),
                    e.worstAnalytic(),
                    e.worstNumeric()));
        }
        return sb.toString();
    }
}
