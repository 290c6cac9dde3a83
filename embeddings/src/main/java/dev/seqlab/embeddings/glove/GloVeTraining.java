package dev.seqlab.embeddings.glove;

import dev.seqlab.core.progress.ProgressListener;
import java.io.InterruptedIOException;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * The training phase: {@code iterations} passes of AdaGrad over the shuffled records, each thread
 * taking a fixed contiguous share of them and updating the shared weights without locks, as the
 * GloVe tool does. With one thread the run is reproducible bit for bit.
 *
 * <p>Between chunks of {@value #STOP_STEP} records (and between iterations) each thread
 * polls a stop request; once it is true every thread stops where it is and the run's
 * {@link Position} says where to go on, so that a resumed run does exactly the updates the
 * stopped one did not.
 */
final class GloVeTraining {
    private static final int PROGRESS_STEP = 65_536;
    /** Records between two polls of the stop request (a divisor of {@link #PROGRESS_STEP}). */
    static final int STOP_STEP = 4_096;

    private GloVeTraining() {}

    /**
     * Where training stands: the iteration under way, each thread's share of it (next record,
     * end, cost summed so far) and the mean costs of the iterations finished.
     */
    static final class Position {
        int iteration;
        long[] next;
        long[] end;
        double[] sums;
        double[] costs;

        /** The start of iteration 0 of a run of {@code iterations}. */
        static Position start(int iterations) {
            Position p = new Position();
            p.costs = new double[iterations];
            return p;
        }

        /** Records done in the run so far, of {@code records} per iteration. */
        long recordsDone(long records) {
            long done = (long) iteration * records;
            if (next != null) {
                for (int t = 0; t < next.length; t++) {
                    done += next[t] - (t == 0 ? 0 : end[t - 1]);
                }
            }
            return done;
        }
    }

    /** Thrown when a stop request was seen; the {@link Position} passed in says where training stands. */
    static final class Stopped extends Exception {
        private static final long serialVersionUID = 1L;

        Stopped() {
            super("GloVe training stopped on request");
        }
    }

    /**
     * Trains {@code weights} in place.
     *
     * @return the mean cost per record of each iteration, first to last
     */
    static double[] run(
            GloVeWeights weights,
            CooccurrenceRecords records,
            GloVeKernel kernel,
            GloVeOptions o,
            ProgressListener progress)
            throws InterruptedIOException {
        try {
            return run(weights, records, kernel, o, progress, () -> false, Position.start(o.iterations()));
        } catch (Stopped e) {
            throw new IllegalStateException(e); // never asked to stop
        }
    }

    /**
     * Trains {@code weights} in place from {@code at}, which is updated as training goes; stops
     * (throwing {@link Stopped}, {@code at} then telling where) once {@code stopRequested} is true.
     *
     * @return the mean cost per record of each iteration, first to last
     */
    static double[] run(
            GloVeWeights weights,
            CooccurrenceRecords records,
            GloVeKernel kernel,
            GloVeOptions o,
            ProgressListener progress,
            BooleanSupplier stopRequested,
            Position at)
            throws InterruptedIOException, Stopped {
        long n = records.size();
        float eta = (float) o.learningRate();
        progress.start("Training GloVe", n * o.iterations(), "pairs");
        progress.advance(at.recordsDone(n));
        double[] perIteration = at.costs;
        for (; at.iteration < o.iterations(); at.iteration++) {
            if (at.next == null) {
                if (stopRequested.getAsBoolean()) {
                    throw new Stopped();
                }
                int threads = (int) Math.max(1, Math.min(o.threads(), n));
                at.next = new long[threads];
                at.end = new long[threads];
                at.sums = new double[threads];
                for (int t = 0; t < threads; t++) {
                    at.next[t] = n * t / threads;
                    at.end[t] = n * (t + 1) / threads;
                }
            }
            int threads = at.next.length;
            AtomicReference<Throwable> failure = new AtomicReference<>();
            AtomicBoolean stopped = new AtomicBoolean();
            Thread[] workers = new Thread[threads];
            for (int t = 0; t < threads; t++) {
                int id = t;
                CooccurrenceRecords.Cursor cursor = records.cursor(at.next[t], at.end[t]);
                workers[t] = new Thread(
                        () -> {
                            try {
                                double sum = at.sums[id];
                                int pending = 0;
                                while (cursor.advance()) {
                                    sum += kernel.step(weights, cursor.a, cursor.b, cursor.logX, cursor.weight, eta);
                                    if (++pending % STOP_STEP == 0) {
                                        if (pending == PROGRESS_STEP) {
                                            progress.advance(pending);
                                            pending = 0;
                                            if (Thread.currentThread().isInterrupted()) {
                                                return;
                                            }
                                        }
                                        if (stopRequested.getAsBoolean()) {
                                            stopped.set(true);
                                            break;
                                        }
                                    }
                                }
                                progress.advance(pending);
                                at.sums[id] = sum;
                                at.next[id] = cursor.position();
                            } catch (Throwable e) {
                                failure.compareAndSet(null, e);
                            }
                        },
                        "glove-" + t);
                workers[t].setDaemon(true);
                workers[t].start();
            }
            try {
                for (Thread w : workers) {
                    w.join();
                }
            } catch (InterruptedException e) {
                for (Thread w : workers) {
                    w.interrupt();
                }
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("GloVe training interrupted");
            }
            Throwable error = failure.get();
            if (error instanceof RuntimeException re) {
                throw re;
            } else if (error instanceof Error err) {
                throw err;
            } else if (error != null) {
                throw new IllegalStateException(error);
            }
            if (stopped.get()) {
                throw new Stopped();
            }
            double total = 0;
            for (double c : at.sums) {
                total += c;
            }
            perIteration[at.iteration] = total / Math.max(1, n);
            at.next = null;
            at.end = null;
            at.sums = null;
            progress.status(String.format(
                    Locale.ROOT,
                    "iteration %d/%d, cost %.5f",
                    at.iteration + 1,
                    o.iterations(),
                    perIteration[at.iteration]));
        }
        progress.finish();
        return perIteration;
    }
}
