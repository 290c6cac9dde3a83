package dev.seqlab.core.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Asks a component the same questions from several threads at once and compares every answer
 * with the one it gave sequentially: the check behind each "safe to use from several threads"
 * in seqlab's Javadoc.
 *
 * <pre>{@code
 * long compared = ParallelAgreement.check(8, Duration.ofSeconds(2), List.of("king", "paris"),
 *         w -> vectors.mostSimilar(w, 10));
 * }</pre>
 *
 * Answers are compared with {@link Objects#deepEquals} (arrays by content), so an answer that
 * holds arrays inside a record should be turned into lists or strings by {@code answer}.
 */
public final class ParallelAgreement {

    private ParallelAgreement() {}

    /**
     * Computes each query's answer once on the calling thread, then starts {@code threads}
     * threads together; each goes through all queries (from its own starting point, so that
     * different queries overlap) and keeps going round until {@code duration} has passed.
     *
     * @return how many answers were compared
     * @throws AssertionError at the first answer that differs or throws, naming the query and thread
     */
    public static <Q> long check(int threads, Duration duration, List<Q> queries, Function<Q, ?> answer) {
        if (threads < 2 || queries.isEmpty()) {
            throw new IllegalArgumentException(
                    "need at least 2 threads and 1 query, got " + threads + " and " + queries.size());
        }
        List<Object> expected = new ArrayList<>();
        for (Q q : queries) {
            expected.add(answer.apply(q));
        }
        long end = System.nanoTime() + duration.toNanos();
        AtomicLong compared = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int offset = t * queries.size() / threads;
            Thread w = new Thread(
                    () -> {
                        try {
                            go.await();
                            for (int round = 0;
                                    failure.get() == null && (round == 0 || System.nanoTime() < end);
                                    round++) {
                                for (int i = 0; i < queries.size() && failure.get() == null; i++) {
                                    int k = (offset + i) % queries.size();
                                    Object got = answer.apply(queries.get(k));
                                    if (!Objects.deepEquals(expected.get(k), got)) {
                                        throw new AssertionError("query " + queries.get(k) + " on "
                                                + Thread.currentThread().getName() + ": expected " + expected.get(k)
                                                + " (sequential answer), got " + got);
                                    }
                                    compared.incrementAndGet();
                                }
                            }
                        } catch (Throwable e) {
                            failure.compareAndSet(null, e);
                        }
                    },
                    "agreement-" + t);
            workers.add(w);
            w.start();
        }
        go.countDown();
        for (Thread w : workers) {
            try {
                w.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the threads", e);
            }
        }
        Throwable f = failure.get();
        if (f instanceof AssertionError a) {
            throw a;
        } else if (f != null) {
            throw new AssertionError("a query failed on another thread: " + f, f);
        }
        return compared.get();
    }
}
