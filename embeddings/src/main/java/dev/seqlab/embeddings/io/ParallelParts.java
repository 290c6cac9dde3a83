package dev.seqlab.embeddings.io;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs one task per part of a file, the first on the calling thread, the others on short-lived daemon threads. */
final class ParallelParts {

    /** A task over part {@code index}; may throw IOException. */
    @FunctionalInterface
    interface PartTask<T> {
        T run(int index) throws IOException;
    }

    private ParallelParts() {}

    /**
     * Runs {@code task} for parts 0..parts-1 and returns the results in part order. When parts
     * fail, the exception of the lowest failing part is thrown (the earliest place in the file).
     */
    static <T> List<T> run(int parts, PartTask<T> task) throws IOException {
        List<T> results = new ArrayList<>();
        if (parts <= 1) {
            if (parts == 1) {
                results.add(task.run(0));
            }
            return results;
        }
        ExecutorService pool = Executors.newFixedThreadPool(parts - 1, r -> {
            Thread t = new Thread(r, "seqlab-vectors-reader");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 1; i < parts; i++) {
                int index = i;
                futures.add(pool.submit(() -> task.run(index)));
            }
            IOException first = null;
            T own = null;
            try {
                own = task.run(0);
            } catch (IOException e) {
                first = e;
            }
            results.add(own);
            for (Future<T> f : futures) {
                try {
                    results.add(f.get());
                } catch (ExecutionException e) {
                    Throwable c = e.getCause();
                    if (first == null) {
                        if (c instanceof IOException) {
                            first = (IOException) c;
                        } else if (c instanceof UncheckedIOException) {
                            first = ((UncheckedIOException) c).getCause();
                        } else if (c instanceof RuntimeException) {
                            throw (RuntimeException) c;
                        } else if (c instanceof Error) {
                            throw (Error) c;
                        } else {
                            first = new IOException(c);
                        }
                    }
                    results.add(null);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while reading vectors");
                }
            }
            if (first != null) {
                throw first;
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
