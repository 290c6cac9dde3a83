package dev.seqlab.core.kernel;

/**
 * Runs a loop whose iterations are independent on the kernel pool, split into contiguous ranges.
 * Each iteration must write only its own outputs (and read nothing another iteration writes), so
 * the result is bit for bit the same for any number of threads: every iteration runs the same
 * operations wherever its range starts.
 *
 * <pre>{@code
 * ParallelRanges.forEach(batch, 8, (from, to) -> {
 *     for (int b = from; b < to; b++) { ... sequence b only ... }
 * });
 * }</pre>
 */
public final class ParallelRanges {

    /** One contiguous range of a loop's iterations. */
    @FunctionalInterface
    public interface Body {
        /** Runs iterations {@code from} (inclusive) to {@code to} (exclusive). */
        void run(int from, int to);
    }

    private ParallelRanges() {}

    /**
     * Runs {@code body} over {@code [0, n)}: on the calling thread when {@code n < 2·minPerTask} or
     * the pool has one thread, else in at most {@link Kernels#defaultThreads()} ranges of at least
     * {@code minPerTask} iterations, the first on the calling thread. An exception from any range is
     * rethrown once all have finished.
     *
     * @param minPerTask the fewest iterations worth a task of their own (waking a pool thread costs
     *                   tens of microseconds)
     * @throws IllegalArgumentException if {@code n < 0} or {@code minPerTask < 1}
     */
    public static void forEach(int n, int minPerTask, Body body) {
        if (n < 0 || minPerTask < 1) {
            throw new IllegalArgumentException(
                    "need n >= 0 and minPerTask >= 1, got n " + n + " and minPerTask " + minPerTask);
        }
        int parts = Math.min(KernelPool.defaultThreads(), n / minPerTask);
        if (parts <= 1) {
            body.run(0, n);
            return;
        }
        Runnable[] tasks = new Runnable[parts];
        for (int t = 0; t < parts; t++) {
            int from = (int) ((long) n * t / parts);
            int to = (int) ((long) n * (t + 1) / parts);
            tasks[t] = () -> body.run(from, to);
        }
        KernelPool.runAll(tasks);
    }
}
