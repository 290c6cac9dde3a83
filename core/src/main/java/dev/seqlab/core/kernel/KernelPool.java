package dev.seqlab.core.kernel;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.ForkJoinWorkerThread;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dedicated pool of daemon threads the parallel kernels run on, created at first use. Its
 * size is the system property {@code seqlab.threads} (default: the number of available
 * processors).
 */
final class KernelPool {
    private static final Logger LOG = LoggerFactory.getLogger(KernelPool.class);
    /** The system property that sets the default number of kernel threads. */
    static final String THREADS_PROPERTY = "seqlab.threads";

    private KernelPool() {}

    private static final class Holder {
        static final ForkJoinPool POOL =
                new ForkJoinPool(Math.max(1, defaultThreads()), KernelPool::newWorker, null, false);
    }

    private static ForkJoinWorkerThread newWorker(ForkJoinPool pool) {
        ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
        t.setName("seqlab-kernel-" + t.getPoolIndex());
        t.setDaemon(true);
        return t;
    }

    /**
     * The default number of kernel threads, read once: {@code seqlab.threads} or, when it is unset
     * or not a positive integer (logged as a warning), the number of processors.
     */
    static int defaultThreads() {
        return Threads.DEFAULT;
    }

    private static final class Threads {
        static final int DEFAULT = readThreadsProperty();
    }

    private static int readThreadsProperty() {
        int cpus = Runtime.getRuntime().availableProcessors();
        String v = System.getProperty(THREADS_PROPERTY);
        if (v == null || v.isBlank()) {
            return cpus;
        }
        try {
            int t = Integer.parseInt(v.trim());
            if (t >= 1) {
                return t;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        LOG.warn(
                "ignoring system property {}={}: not a positive number of threads; using {}",
                THREADS_PROPERTY,
                v,
                cpus);
        return cpus;
    }

    /**
     * Runs the tasks, the first on the calling thread and the others on the pool, and returns when
     * all have finished. An exception from any task is rethrown (the others added as suppressed).
     * Called from inside the pool, the tasks are forked and joined there, so nesting cannot
     * deadlock.
     */
    static void runAll(Runnable[] tasks) {
        if (tasks.length == 1) {
            tasks[0].run();
            return;
        }
        ForkJoinPool pool = Holder.POOL;
        ForkJoinTask<?>[] forked = new ForkJoinTask<?>[tasks.length - 1];
        boolean inside = ForkJoinTask.getPool() == pool;
        for (int i = 1; i < tasks.length; i++) {
            ForkJoinTask<?> t = ForkJoinTask.adapt(tasks[i]);
            forked[i - 1] = inside ? t.fork() : pool.submit(t);
        }
        Throwable failure = null;
        try {
            tasks[0].run();
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        for (int i = forked.length - 1; i >= 0; i--) {
            try {
                forked[i].join();
            } catch (RuntimeException | Error e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure instanceof RuntimeException re) {
            throw re;
        }
        if (failure instanceof Error err) {
            throw err;
        }
    }
}
