package dev.seqlab.embeddings.query;

import dev.seqlab.core.kernel.Kernels;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The daemon threads similarity queries split their rows over: {@link Kernels#defaultThreads()}
 * in all (the system property {@code seqlab.threads}), the calling thread included.
 */
final class QueryThreads {
    static final int THREADS = Math.max(1, Kernels.defaultThreads());

    private QueryThreads() {}

    private static final class Holder {
        static final ExecutorService POOL = Executors.newFixedThreadPool(Math.max(1, THREADS - 1), r -> {
            Thread t = new Thread(r, "seqlab-query");
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs {@code tasks}, the first on the calling thread, and returns when all are done. */
    static void runAll(Runnable[] tasks) {
        if (tasks.length == 1) {
            tasks[0].run();
            return;
        }
        Future<?>[] futures = new Future<?>[tasks.length - 1];
        for (int i = 1; i < tasks.length; i++) {
            futures[i - 1] = Holder.POOL.submit(tasks[i]);
        }
        RuntimeException failure = null;
        try {
            tasks[0].run();
        } catch (RuntimeException e) {
            failure = e;
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException
                            ? (RuntimeException) e.getCause()
                            : new IllegalStateException(e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted during a similarity query", e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
