package dev.seqlab.core.progress;

import java.util.function.Consumer;
import org.slf4j.LoggerFactory;

/**
 * Receives progress from long-running library work. Implementations must be cheap: callers
 * report from hot loops, though they should batch their {@link #advance} calls (every few
 * thousand items, not every item).
 *
 * <p>Calls come in the order {@code start}, any number of {@code advance}/{@code status},
 * then {@code finish}; one listener may see several such phases in turn (e.g. "counting",
 * then "training"). {@code advance} may be called from several threads at once.
 */
public interface ProgressListener {

    /** A listener that ignores progress and logs warnings at WARN through slf4j. */
    ProgressListener NONE = warningsTo(
            message -> LoggerFactory.getLogger(ProgressListener.class).warn(message));

    /** A listener that ignores progress and hands each warning to {@code warnings}. */
    static ProgressListener warningsTo(Consumer<String> warnings) {
        return new ProgressListener() {
            @Override
            public void start(String task, long total, String unit) {}

            @Override
            public void advance(long amount) {}

            @Override
            public void status(String text) {}

            @Override
            public void finish() {}

            @Override
            public void warning(String message) {
                warnings.accept(message);
            }
        };
    }

    /**
     * A phase of work begins.
     *
     * @param task  a short description shown to the user ("Training skip-gram")
     * @param total the amount of work in {@code unit}s, or -1 when unknown
     * @param unit  what is counted ("words", "lines", "bytes", "steps")
     */
    void start(String task, long total, String unit);

    /** {@code amount} more units are done. Thread-safe. */
    void advance(long amount);

    /** Replaces the short status text shown next to the bar ("loss 1.234, lr 0.0213"). */
    void status(String text);

    /** The current phase is complete. */
    void finish();

    /**
     * Something the user should know about the input that does not stop the work ("duplicate
     * word 'the' (row 7); keeping its first occurrence"), one line without a trailing period. By
     * default logged at WARN through slf4j; a command line shows it in its own message style.
     */
    default void warning(String message) {
        LoggerFactory.getLogger(ProgressListener.class).warn(message);
    }
}
