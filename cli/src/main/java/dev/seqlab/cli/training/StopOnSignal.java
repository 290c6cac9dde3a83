package dev.seqlab.cli.training;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Turns the first SIGINT (Ctrl-C) or SIGTERM into a request to stop that a trainer polls between
 * steps, so it can finish its step and write a checkpoint instead of dying; a second signal
 * ends the process at once, as usual. Handlers are restored by {@link #close()}.
 *
 * <pre>{@code
 * try (StopOnSignal stop = StopOnSignal.install(err())) {
 *     Word2Vec.train(corpus, options, progress, stop.stopRequested(), checkpoint);
 * }
 * }</pre>
 *
 * Any trainer that takes a {@code BooleanSupplier stopRequested} is wired with that one
 * argument. Where the JVM does not let signals be handled (e.g. {@code -Xrs}), nothing is
 * installed and the signals keep their default effect.
 */
public final class StopOnSignal implements AutoCloseable {
    private static final String[] SIGNALS = {"INT", "TERM"};
    private static final BooleanSupplier NEVER = () -> false;
    private static final AtomicReference<BooleanSupplier> ALSO = new AtomicReference<>(NEVER);

    private final AtomicBoolean requested = new AtomicBoolean();
    private final List<Signal> signals = new ArrayList<>();
    private final List<SignalHandler> previous = new ArrayList<>();
    private final BooleanSupplier also = ALSO.get();

    private StopOnSignal() {}

    /** Undoes {@link #alsoWhen}. */
    @FunctionalInterface
    public interface Extra extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Makes the handlers installed from now on also request a stop whenever {@code condition}
     * says so, until the returned handle is closed: how a test stops a command it runs
     * in-process after a given number of steps (a trainer asks once per step) without sending
     * the JVM a signal.
     */
    public static Extra alsoWhen(BooleanSupplier condition) {
        if (!ALSO.compareAndSet(NEVER, Objects.requireNonNull(condition, "condition"))) {
            throw new IllegalStateException("another extra stop condition is in place");
        }
        return () -> ALSO.set(NEVER);
    }

    /** Installs the handlers; the first signal prints one line on {@code err}. */
    public static StopOnSignal install(PrintWriter err) {
        StopOnSignal s = new StopOnSignal();
        for (String name : SIGNALS) {
            try {
                Signal signal = new Signal(name);
                s.previous.add(Signal.handle(signal, sig -> s.onSignal(sig, err)));
                s.signals.add(signal);
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                // this signal cannot be handled here: it keeps its default effect
            }
        }
        return s;
    }

    private void onSignal(Signal sig, PrintWriter err) {
        if (requested.compareAndSet(false, true)) {
            err.println();
            err.println("seqlab: SIG" + sig.getName() + ": stopping after the current step to write a checkpoint"
                    + " (send it again to quit at once, losing the work)");
            err.flush();
        } else {
            restore();
            Signal.raise(sig);
        }
    }

    /** True once a signal arrived (or {@link #request()} was called, or the {@link #alsoWhen} condition holds). */
    public BooleanSupplier stopRequested() {
        return () -> requested.get() || also.getAsBoolean();
    }

    /** Asks for a stop as a signal would (for tests and other front ends). */
    public void request() {
        requested.set(true);
    }

    private synchronized void restore() {
        for (int i = 0; i < signals.size(); i++) {
            Signal.handle(signals.get(i), previous.get(i));
        }
        signals.clear();
        previous.clear();
    }

    /** Gives the signals their previous handlers back. */
    @Override
    public void close() {
        restore();
    }
}
