package dev.seqlab.core.kernel;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
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
     * How long a thread that waits for the pool's part of {@link #runAll} spins before it parks,
     * and how long a pool thread stays awake after its part for the next product's tasks. On the
     * project's 2-core VM an idle virtual CPU halts at once (the guest's halt polling is off), so
     * every park costs a wake-up through the host on the next unpark; a parallel product that
     * parks both waits (the caller for the pool's part, the pool thread for the next product) pays
     * two such wake-ups each time. OpenBLAS's threads spin too, far longer.
     */
    static final long SPIN_NANOS = 200_000L;

    /**
     * Runs the tasks, the first on the calling thread and the others on the pool, and returns when
     * all have finished. An exception from any task is rethrown (the others added as suppressed).
     * Called from inside the pool, the tasks are forked and joined there, so nesting cannot
     * deadlock. From outside, the caller spins for up to {@link #SPIN_NANOS} before it parks, and
     * each pool thread, once its task is done, spins for as long unless new tasks arrive (see
     * {@link Batch}).
     */
    static void runAll(Runnable[] tasks) {
        if (tasks.length == 1) {
            tasks[0].run();
            return;
        }
        ForkJoinPool pool = Holder.POOL;
        if (ForkJoinTask.getPool() == pool) {
            forkJoin(tasks);
            return;
        }
        Batch batch = new Batch(pool, tasks);
        for (int i = 1; i < tasks.length; i++) {
            int part = i;
            pool.execute(() -> batch.runPart(part));
        }
        batch.runPart(0);
        batch.await();
        rethrow(batch.failure());
    }

    private static void forkJoin(Runnable[] tasks) {
        ForkJoinTask<?>[] forked = new ForkJoinTask<?>[tasks.length - 1];
        for (int i = 1; i < tasks.length; i++) {
            forked[i - 1] = ForkJoinTask.adapt(tasks[i]).fork();
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
                failure = addFailure(failure, e);
            }
        }
        rethrow(failure);
    }

    private static Throwable addFailure(Throwable failure, Throwable e) {
        if (failure == null) {
            return e;
        }
        failure.addSuppressed(e);
        return failure;
    }

    private static void rethrow(Throwable failure) {
        if (failure instanceof RuntimeException re) {
            throw re;
        }
        if (failure instanceof Error err) {
            throw err;
        }
    }

    /**
     * One call of {@link #runAll} from outside the pool: the parts still running, their failures
     * in part order, and the caller to unpark when the last part ends.
     */
    private static final class Batch {
        private final ForkJoinPool pool;
        private final Runnable[] tasks;
        private final Throwable[] failures;
        private final Thread caller = Thread.currentThread();
        private final AtomicInteger running;

        Batch(ForkJoinPool pool, Runnable[] tasks) {
            this.pool = pool;
            this.tasks = tasks;
            this.failures = new Throwable[tasks.length];
            this.running = new AtomicInteger(tasks.length);
        }

        /**
         * Runs one part and counts it done; on a pool thread, then spins until new work is queued
         * or {@link #SPIN_NANOS} have passed, so that back-to-back products find it awake.
         */
        void runPart(int part) {
            try {
                tasks[part].run();
            } catch (RuntimeException | Error e) {
                failures[part] = e;
            }
            if (running.decrementAndGet() == 0 && part > 0) {
                LockSupport.unpark(caller);
            }
            if (part > 0) {
                long end = System.nanoTime() + SPIN_NANOS;
                while (!pool.hasQueuedSubmissions() && System.nanoTime() < end) {
                    Thread.onSpinWait();
                }
            }
        }

        /** Waits for every part: spins for up to {@link #SPIN_NANOS}, then parks. */
        void await() {
            long end = System.nanoTime() + SPIN_NANOS;
            while (running.get() > 0) {
                if (System.nanoTime() < end) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
        }

        /** The first part's failure with the later ones suppressed, or null. */
        Throwable failure() {
            Throwable failure = null;
            for (Throwable e : failures) {
                if (e != null) {
                    failure = addFailure(failure, e);
                }
            }
            return failure;
        }
    }
}
