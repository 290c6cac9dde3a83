package dev.seqlab.cli.progress;

import dev.seqlab.core.progress.ProgressListener;
import java.io.PrintWriter;

/**
 * Passes progress on to another listener and prints the library's warnings in the command
 * line's own style, {@code seqlab: warning: MESSAGE}, on stderr (instead of a logger line).
 */
final class StderrWarnings implements ProgressListener {
    private final ProgressListener progress;
    private final PrintWriter err;

    StderrWarnings(ProgressListener progress, PrintWriter err) {
        this.progress = progress;
        this.err = err;
    }

    @Override
    public void start(String task, long total, String unit) {
        progress.start(task, total, unit);
    }

    @Override
    public void advance(long amount) {
        progress.advance(amount);
    }

    @Override
    public void status(String text) {
        progress.status(text);
    }

    @Override
    public void finish() {
        progress.finish();
    }

    @Override
    public void warning(String message) {
        synchronized (err) {
            err.println("seqlab: warning: " + message);
            err.flush();
        }
    }
}
