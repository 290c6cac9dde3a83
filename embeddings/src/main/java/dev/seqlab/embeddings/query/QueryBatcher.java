package dev.seqlab.embeddings.query;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Collects the searches that arrive while one is running and answers them together in the next
 * pass: the first caller to find no pass running runs one over everything waiting (its own search
 * included, up to {@value #MAX_BATCH}), then hands each waiting caller its answer. A search that
 * arrives alone runs at once, so batching adds no latency; under load, callers wait for at most the
 * pass in progress and then share one pass over the rows instead of running one each.
 *
 * @param <Q> a search
 * @param <A> its answer
 */
final class QueryBatcher<Q, A> {
    /** The most searches one pass answers. */
    static final int MAX_BATCH = 64;

    private final Function<List<Q>, List<A>> pass;
    private final List<Waiting<Q, A>> waiting = new ArrayList<>();
    private boolean running;

    /** A batcher answering with {@code pass}, which returns one answer per search, in order. */
    QueryBatcher(Function<List<Q>, List<A>> pass) {
        this.pass = pass;
    }

    private static final class Waiting<Q, A> {
        final Q query;
        boolean taken;
        boolean done;
        A answer;
        RuntimeException failure;

        Waiting(Q query) {
            this.query = query;
        }
    }

    /**
     * The answer to {@code query}, computed in this thread's pass or in another's.
     *
     * @throws IllegalStateException if the thread is interrupted before its search was taken up
     */
    A answer(Q query) {
        Waiting<Q, A> mine = new Waiting<>(query);
        List<Waiting<Q, A>> batch;
        synchronized (this) {
            waiting.add(mine);
            while (running && !mine.done) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    if (!mine.taken) {
                        waiting.remove(mine);
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted while waiting for a similarity query", e);
                    }
                    // another thread is answering it: wait for that, then keep the interrupt
                    waitUninterruptibly(mine);
                    Thread.currentThread().interrupt();
                }
            }
            if (mine.done) {
                return result(mine);
            }
            running = true;
            batch = take(mine);
        }
        try {
            List<Q> queries = new ArrayList<>(batch.size());
            for (Waiting<Q, A> w : batch) {
                queries.add(w.query);
            }
            List<A> answers = pass.apply(queries);
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).answer = answers.get(i);
            }
        } catch (RuntimeException | Error e) {
            RuntimeException failure = e instanceof RuntimeException r ? r : new IllegalStateException(e);
            for (Waiting<Q, A> w : batch) {
                w.failure = failure;
            }
            if (e instanceof Error err) {
                finish(batch);
                throw err;
            }
        }
        finish(batch);
        return result(mine);
    }

    /** Up to {@value #MAX_BATCH} waiting searches, {@code mine} first, removed from the queue. */
    private List<Waiting<Q, A>> take(Waiting<Q, A> mine) {
        List<Waiting<Q, A>> batch = new ArrayList<>();
        waiting.remove(mine);
        batch.add(mine);
        while (batch.size() < MAX_BATCH && !waiting.isEmpty()) {
            batch.add(waiting.remove(0));
        }
        for (Waiting<Q, A> w : batch) {
            w.taken = true;
        }
        return batch;
    }

    private synchronized void finish(List<Waiting<Q, A>> batch) {
        for (Waiting<Q, A> w : batch) {
            w.done = true;
        }
        running = false;
        notifyAll();
    }

    private void waitUninterruptibly(Waiting<Q, A> mine) {
        boolean interrupted = false;
        while (!mine.done) {
            try {
                wait();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private A result(Waiting<Q, A> w) {
        if (w.failure != null) {
            throw w.failure;
        }
        return w.answer;
    }
}
