package dev.seqlab.embeddings.glove;

import dev.seqlab.core.progress.ProgressListener;
import java.io.InterruptedIOException;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The training phase: {@code iterations} passes of AdaGrad over the shuffled records, each thread
 * taking a fixed contiguous share of them and updating the shared weights without locks, as the
 * GloVe tool does. With one thread the run is reproducible bit for bit.
 */
final class GloVeTraining {
    private static final int PROGRESS_STEP = 65_536;

    private GloVeTraining() {
    }

    /**
     * Trains {@code weights} in place.
     *
     * @return the mean cost per record of each iteration, first to last
     */
    static double[] run(GloVeWeights weights, CooccurrenceRecords records, GloVeKernel kernel, GloVeOptions o,
            ProgressListener progress) throws InterruptedIOException {
        int threads = (int) Math.max(1, Math.min(o.threads(), records.size()));
        long n = records.size();
        float eta = (float) o.learningRate();
        progress.start("Training GloVe", n * o.iterations(), "pairs");
        double[] perIteration = new double[o.iterations()];
        for (int it = 0; it < o.iterations(); it++) {
            double[] costs = new double[threads];
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread[] workers = new Thread[threads];
            for (int t = 0; t < threads; t++) {
                int id = t;
                CooccurrenceRecords.Cursor cursor = records.cursor(n * t / threads, n * (t + 1) / threads);
                workers[t] = new Thread(() -> {
                    try {
                        double sum = 0;
                        int pending = 0;
                        while (cursor.advance()) {
                            sum += kernel.step(weights, cursor.a, cursor.b, cursor.logX, cursor.weight, eta);
                            if (++pending == PROGRESS_STEP) {
                                progress.advance(pending);
                                pending = 0;
                                if (Thread.currentThread().isInterrupted()) {
                                    return;
                                }
                            }
                        }
                        progress.advance(pending);
                        costs[id] = sum;
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                    }
                }, "glove-" + t);
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
            double total = 0;
            for (double c : costs) {
                total += c;
            }
            perIteration[it] = total / Math.max(1, n);
            progress.status(String.format(Locale.ROOT, "iteration %d/%d, cost %.5f", it + 1, o.iterations(),
                    perIteration[it]));
        }
        progress.finish();
        return perIteration;
    }
}
