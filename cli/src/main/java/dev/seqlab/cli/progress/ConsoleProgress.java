package dev.seqlab.cli.progress;

import dev.seqlab.core.progress.ProgressListener;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Chooses how progress is shown on stderr.
 *
 * <ul>
 *   <li>{@code SEQLAB_PROGRESS=off}: nothing;</li>
 *   <li>stderr is a terminal ({@code ./seqlab} passes {@code -Dseqlab.stderr.tty=true}) or
 *       {@code SEQLAB_PROGRESS=bar}: a live bar with rate and ETA;</li>
 *   <li>otherwise: a plain line every few seconds, and one when a phase that took a while ends.</li>
 * </ul>
 */
public final class ConsoleProgress {
    /** The environment variable setting the milliseconds between progress lines (default 5000). */
    public static final String INTERVAL_VARIABLE = "SEQLAB_PROGRESS_INTERVAL_MS";

    private static final long DEFAULT_LINE_INTERVAL_MILLIS = 5_000;

    private ConsoleProgress() {}

    /**
     * The listener for a command whose stderr is {@code err}; in every mode, warnings from the
     * library are printed there as {@code seqlab: warning: ...}.
     */
    public static ProgressListener forStderr(PrintWriter err) {
        return new StderrWarnings(display(err), err);
    }

    private static ProgressListener display(PrintWriter err) {
        String mode = System.getenv().getOrDefault("SEQLAB_PROGRESS", "auto").toLowerCase(Locale.ROOT);
        switch (mode) {
            case "off":
            case "none":
            case "0":
                return ProgressListener.NONE;
            case "bar":
                return new BarProgress();
            case "lines":
                return new LineProgress(err, lineIntervalMillis());
            default:
                return Boolean.getBoolean("seqlab.stderr.tty")
                        ? new BarProgress()
                        : new LineProgress(err, lineIntervalMillis());
        }
    }

    /** {@value #INTERVAL_VARIABLE} when it is a whole number from 1 on, else 5 s. */
    private static long lineIntervalMillis() {
        try {
            long ms = Long.parseLong(
                    System.getenv().getOrDefault(INTERVAL_VARIABLE, "").trim());
            return ms >= 1 ? ms : DEFAULT_LINE_INTERVAL_MILLIS;
        } catch (NumberFormatException e) {
            return DEFAULT_LINE_INTERVAL_MILLIS;
        }
    }
}
