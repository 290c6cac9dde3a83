package dev.seqlab.cli.progress;

import dev.seqlab.core.progress.ProgressListener;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Progress as plain lines for logs: one every {@code interval} while a phase runs, and a closing
 * line for any phase that took at least two seconds.
 */
final class LineProgress implements ProgressListener {
    private static final long QUIET_BELOW_NANOS = 2_000_000_000L;

    private final PrintWriter err;
    private final long intervalNanos;
    private final AtomicLong done = new AtomicLong();
    private volatile String task = "";
    private volatile String unit = "";
    private volatile String status = "";
    private volatile long total = -1;
    private volatile long startNanos;
    private final AtomicLong nextPrintNanos = new AtomicLong();

    LineProgress(PrintWriter err, long intervalMillis) {
        this.err = err;
        this.intervalNanos = intervalMillis * 1_000_000L;
    }

    @Override
    public void start(String task, long total, String unit) {
        this.task = task;
        this.total = total;
        this.unit = unit;
        this.status = "";
        done.set(0);
        startNanos = System.nanoTime();
        nextPrintNanos.set(startNanos + intervalNanos);
    }

    @Override
    public void advance(long amount) {
        long d = done.addAndGet(amount);
        long now = System.nanoTime();
        long next = nextPrintNanos.get();
        if (now >= next && nextPrintNanos.compareAndSet(next, now + intervalNanos)) {
            print(line(d, now, false));
        }
    }

    @Override
    public void status(String text) {
        this.status = text;
    }

    @Override
    public void finish() {
        long now = System.nanoTime();
        if (now - startNanos >= QUIET_BELOW_NANOS && !task.isEmpty()) {
            print(line(done.get(), now, true));
        }
        task = "";
    }

    private synchronized void print(String s) {
        err.println(s);
        err.flush();
    }

    /** The text of one progress line; package-private for tests. */
    String line(long d, long now, boolean finished) {
        double secs = Math.max(1e-9, (now - startNanos) / 1e9);
        double rate = d / secs;
        StringBuilder sb = new StringBuilder(task).append(": ");
        if (finished) {
            sb.append("done, ")
                    .append(human(d))
                    .append(' ')
                    .append(unit)
                    .append(String.format(Locale.ROOT, " in %.1fs", secs));
        } else if (total > 0) {
            sb.append(String.format(Locale.ROOT, "%.0f%% (%s/%s %s)", 100.0 * d / total, human(d), human(total), unit));
        } else {
            sb.append(human(d)).append(' ').append(unit);
        }
        sb.append(", ").append(human(Math.round(rate))).append(' ').append(unit).append("/s");
        if (!finished && total > 0 && rate > 0) {
            sb.append(", ETA ").append(duration((long) ((total - d) / rate)));
        }
        String st = status;
        if (!st.isEmpty()) {
            sb.append(", ").append(st);
        }
        return sb.toString();
    }

    static String human(long n) {
        if (n >= 10_000_000_000L) {
            return String.format(Locale.ROOT, "%.0fG", n / 1e9);
        }
        if (n >= 1_000_000_000L) {
            return String.format(Locale.ROOT, "%.2fG", n / 1e9);
        }
        if (n >= 1_000_000L) {
            return String.format(Locale.ROOT, "%.2fM", n / 1e6);
        }
        if (n >= 10_000L) {
            return String.format(Locale.ROOT, "%.1fk", n / 1e3);
        }
        return Long.toString(n);
    }

    static String duration(long seconds) {
        long h = seconds / 3600;
        long m = (seconds % 3600) / 60;
        long s = seconds % 60;
        return h > 0
                ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s)
                : String.format(Locale.ROOT, "%d:%02d", m, s);
    }
}
