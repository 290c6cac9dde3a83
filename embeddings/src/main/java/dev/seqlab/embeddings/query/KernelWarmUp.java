package dev.seqlab.embeddings.query;

import dev.seqlab.core.kernel.Int8BlockDots;
import dev.seqlab.core.kernel.Kernels;

/**
 * Gets the SIMD int8 kernel of the first search pass compiled before a short-lived process needs
 * it. Until the JIT's last tier compiles it, a Vector API kernel runs with its vectors boxed, tens
 * of times slower: a cold process paid about a quarter second of CPU on each thread of its first
 * 3M × 300 pass for that alone. Started as soon as a command knows it will search, a daemon thread
 * calls the kernel on one tiny synthetic block until a call costs what a compiled one does
 * (measured: about 200 ms of CPU on the core the start-up leaves idle, after which the first pass
 * runs at warm speed). Searches use the SIMD kernel from their first pass once {@link #done()}.
 * Only worth it for files whose first search runs the SIMD kernel anyway ({@link #startFor}): on
 * smaller ones the plain kernel answers the first query sooner than the JIT compiles the SIMD one,
 * and the warm-up only competed with it (measured at 400,000 × 100: 0.2–0.4 s more CPU).
 */
public final class KernelWarmUp {
    /** System property that turns the warm-up off when {@code false} (to measure what it saves). */
    public static final String PROPERTY = "seqlab.search.warmUp";

    /** Dimensions of the synthetic block: enough inner-loop work for the JIT to see the hot loop. */
    private static final int DIM = 32;
    /** Calls per timed round. */
    private static final int ROUND = 500;
    /** At most this many rounds, compiled or not. */
    private static final int MAX_ROUNDS = 60;
    /** A round this many times faster than the first one means the compiled kernel runs. */
    private static final int SPEED_UP = 20;

    private static Thread thread;
    private static volatile boolean done;

    private KernelWarmUp() {}

    /**
     * Starts the warm-up once per process, on a low-priority daemon thread; does nothing when the
     * kernels are not SIMD (the plain kernel compiles in a few calls) or {@value #PROPERTY} is
     * {@code false}.
     */
    public static synchronized void startInBackground() {
        if (thread != null || !Kernels.isVectorized() || !Boolean.parseBoolean(System.getProperty(PROPERTY, "true"))) {
            return;
        }
        thread = new Thread(KernelWarmUp::run, "seqlab-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Starts the warm-up ({@link #startInBackground()}) when a vectors file of {@code fileBytes}
     * bytes holds enough float components (four bytes each) that its first search runs the SIMD
     * kernel while it is still cold.
     */
    public static void startFor(long fileBytes) {
        if (fileBytes / Float.BYTES > SimilarityIndex.PLAIN_WHILE_COLD_MAX) {
            startInBackground();
        }
    }

    /** Whether the SIMD int8 kernel has been warmed up, so that a first pass can use it. */
    public static boolean done() {
        return done;
    }

    /** Whether a warm-up was started in this process (for {@code seqlab info}). */
    public static synchronized boolean started() {
        return thread != null;
    }

    private static void run() {
        Int8BlockDots kernel = Kernels.int8BlockDots();
        byte[] codes = new byte[DIM * Int8BlockDots.BLOCK];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = (byte) (i * 31);
        }
        float[] q = new float[DIM];
        float[] y = new float[Int8BlockDots.BLOCK];
        long first = 0;
        for (int r = 0; r < MAX_ROUNDS; r++) {
            long start = System.nanoTime();
            for (int i = 0; i < ROUND; i++) {
                q[i % DIM] = i;
                kernel.dots(codes, DIM, 0, 1, q, y);
            }
            long took = System.nanoTime() - start;
            if (r == 0) {
                first = took;
            } else if (took * SPEED_UP < first) {
                break;
            }
        }
        done = true;
    }
}
