package dev.seqlab.explorer.tsne;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/** Runs a loop over {@code [0, n)} in contiguous slices on a pool (the calling thread when there is one slice). */
final class Ranges {

    /** The body of a loop over {@code [from, to)}; {@code slice} numbers the slice (0 … slices−1). */
    interface Body {
        void run(int slice, int from, int to);
    }

    private Ranges() {}

    /** Runs {@code body} over {@code slices} equal slices of {@code [0, n)} and waits for all. */
    static void forEach(ExecutorService pool, int slices, int n, Body body) {
        if (slices == 1 || pool == null) {
            body.run(0, 0, n);
            return;
        }
        List<Future<?>> futures = new ArrayList<>();
        for (int s = 0; s < slices; s++) {
            int from = (int) ((long) n * s / slices);
            int to = (int) ((long) n * (s + 1) / slices);
            int slice = s;
            futures.add(pool.submit(() -> body.run(slice, from, to)));
        }
        try {
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            futures.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(c);
        }
    }
}
