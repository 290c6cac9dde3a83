package dev.seqlab.embeddings.query;

import dev.seqlab.core.kernel.Int8BlockDots;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;

/**
 * One scan over the int8 copy of the rows that every concurrent search joins, walking the chunks
 * of {@value BatchedNearest#CHUNK_BLOCKS} blocks in a circle: a search joins at the chunk the scan
 * hands out next and leaves once it has been handed every chunk of its rows, one turn later. So a
 * search never waits for a pass that started before it, and its wait is one turn of the scan
 * whenever it arrives. Each chunk is screened for all the searches in the circle at that moment
 * at once ({@link BatchedNearest#screen}: the codes read once, the kernel's groups of sixteen
 * queries), and each search is then rescored exactly on its own thread
 * ({@link BatchedNearest#rescore}), so the answers are those of the single-query search.
 *
 * <p>Up to {@code workers} threads scan (taken from a shared pool of daemon threads while searches
 * are in the circle, given back when it empties): each claims the next chunk, screens it for the
 * searches then present, and keeps, per search, candidates and a threshold of its own. A search
 * alone is scanned by all of them.
 */
final class SharedScan {
    private static final int B = Int8BlockDots.BLOCK;

    /** Threads that scan while searches are in a circle; idle ones end after a minute. */
    private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "seqlab-scan");
        t.setDaemon(true);
        return t;
    });

    private final SimilarityIndex index;
    private final QuantizedRows quantized;
    private final Int8BlockDots kernel;
    private final int blocks;
    /** Chunks in one turn. */
    private final int chunks;

    private final int maxWorkers;

    // guarded by this
    private final List<Member> circle = new ArrayList<>();
    /** Chunks handed out so far: claim {@code n} is chunk {@code n % chunks}. */
    private long claims;

    private int workers;
    /** Which worker slots are taken: the worker in slot {@code s} owns {@code Member.found[s]}. */
    private final boolean[] slotTaken;

    private long joinedMidTurn;

    /** A scan over {@code quantized}, the int8 copy of {@code index}'s rows, by up to {@code workers} threads. */
    SharedScan(SimilarityIndex index, QuantizedRows quantized, Int8BlockDots kernel, int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, got " + workers);
        }
        this.index = index;
        this.quantized = quantized;
        this.kernel = kernel;
        this.blocks = (index.rows() + B - 1) / B;
        this.chunks = (blocks + BatchedNearest.CHUNK_BLOCKS - 1) / BatchedNearest.CHUNK_BLOCKS;
        this.maxWorkers = workers;
        this.slotTaken = new boolean[workers];
    }

    /** A search in the circle. */
    private static final class Member {
        final BatchedNearest.Query query;
        final float qNorm;
        final float rounding;
        /** The chunks holding its rows: {@code [0, needed)}. */
        final int needed;
        /** Per worker slot: what that worker's screens found. */
        final BatchedNearest.Candidates[] found;

        final Thread waiter = Thread.currentThread();
        /** The claim at which it joined (guarded by the scan). */
        long joinedAt;
        /** Its chunks not screened yet (guarded by the scan). */
        int remaining;

        Throwable failure;
        /** Written last, under the scan's lock: everything screened for it is visible once it is set. */
        volatile boolean done;

        Member(BatchedNearest.Query query, QuantizedRows quantized, int workers) {
            this.query = query;
            this.qNorm = BatchedNearest.norm(query.unitQuery());
            this.rounding = quantized.rounding(qNorm);
            int queryBlocks = (query.limit() + B - 1) / B;
            this.needed = (queryBlocks + BatchedNearest.CHUNK_BLOCKS - 1) / BatchedNearest.CHUNK_BLOCKS;
            this.found = new BatchedNearest.Candidates[workers];
        }
    }

    /** The chunk of one claim and the searches it is screened for. */
    private record Claim(int chunk, Member[] members, int count) {}

    /**
     * The answer to {@code query} (over at most the index's rows), found in one turn of the scan.
     *
     * @throws IllegalStateException if the thread is interrupted while it waits (it then leaves
     *     the circle, and keeps its interrupt)
     */
    TopK answer(BatchedNearest.Query query) {
        Member m = new Member(query, quantized, maxWorkers);
        join(m);
        while (!m.done) {
            LockSupport.park(this);
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                if (leave(m)) {
                    throw new IllegalStateException("interrupted while waiting for a similarity query");
                }
            }
        }
        if (m.failure instanceof RuntimeException e) {
            throw e;
        }
        if (m.failure instanceof Error e) {
            throw e;
        }
        return BatchedNearest.rescore(index, query, m.found);
    }

    /** How many searches joined while others were in the circle (for tests). */
    synchronized long joinedMidTurn() {
        return joinedMidTurn;
    }

    private void join(Member m) {
        synchronized (this) {
            if (!circle.isEmpty()) {
                joinedMidTurn++;
            }
            m.joinedAt = claims;
            m.remaining = m.needed;
            circle.add(m);
            while (workers < maxWorkers) {
                workers++;
                try {
                    POOL.execute(this::work);
                } catch (RuntimeException | Error e) {
                    workers--;
                    if (workers == 0) {
                        circle.remove(m);
                        throw e;
                    }
                    break;
                }
            }
        }
    }

    /** Takes {@code m} out of the circle unless it is done; whether it was taken out. */
    private synchronized boolean leave(Member m) {
        if (m.done) {
            return false;
        }
        circle.remove(m);
        m.failure = new IllegalStateException("left the scan");
        m.done = true;
        return true;
    }

    /** One worker: claims chunks and screens them until the circle is empty. */
    private void work() {
        int slot = 0;
        synchronized (this) {
            while (slotTaken[slot]) {
                slot++;
            }
            slotTaken[slot] = true;
        }
        List<Member> finished = new ArrayList<>();
        Claim claim = null;
        while (true) {
            synchronized (this) {
                if (claim != null) {
                    finish(claim, finished);
                }
                claim = circle.isEmpty() ? null : claim();
                if (claim == null) {
                    workers--;
                    slotTaken[slot] = false;
                }
            }
            wake(finished);
            if (claim == null) {
                return;
            }
            try {
                screen(claim, slot);
            } catch (RuntimeException | Error e) {
                fail(claim, e, finished);
                wake(finished);
                claim = null;
            }
        }
    }

    /** The next chunk, for the searches in the circle whose rows it holds; a search's last chunk takes it out. */
    private Claim claim() {
        long n = claims++;
        int chunk = (int) (n % chunks);
        Member[] members = new Member[circle.size()];
        int count = 0;
        for (Iterator<Member> it = circle.iterator(); it.hasNext(); ) {
            Member m = it.next();
            if (chunk < m.needed) {
                members[count++] = m;
            }
            if (n - m.joinedAt == chunks - 1) {
                it.remove();
            }
        }
        return new Claim(chunk, members, count);
    }

    private void screen(Claim claim, int slot) {
        int count = claim.count();
        if (count == 0) {
            return;
        }
        BatchedNearest.Query[] queries = new BatchedNearest.Query[count];
        float[][] q = new float[count][];
        float[] qNorm = new float[count];
        float[] rounding = new float[count];
        BatchedNearest.Candidates[] found = new BatchedNearest.Candidates[count];
        for (int j = 0; j < count; j++) {
            Member m = claim.members()[j];
            queries[j] = m.query;
            q[j] = m.query.unitQuery();
            qNorm[j] = m.qNorm;
            rounding[j] = m.rounding;
            if (m.found[slot] == null) {
                m.found[slot] = new BatchedNearest.Candidates(m.query.k() + m.query.exclude().length);
            }
            found[j] = m.found[slot];
        }
        int cb = claim.chunk() * BatchedNearest.CHUNK_BLOCKS;
        int ce = Math.min(blocks, cb + BatchedNearest.CHUNK_BLOCKS);
        BatchedNearest.screen(quantized, kernel, queries, q, qNorm, rounding, count, found, cb, ce);
    }

    /**
     * Counts the claim's chunk as screened for its searches; those now complete leave the circle
     * (one with fewer rows than the index may complete before its turn ends) and go to
     * {@code finished}.
     */
    private void finish(Claim claim, List<Member> finished) {
        for (int j = 0; j < claim.count(); j++) {
            Member m = claim.members()[j];
            if (--m.remaining == 0 && !m.done) {
                circle.remove(m);
                m.done = true;
                finished.add(m);
            }
        }
    }

    /** The claim's searches get {@code failure} as their answer and leave the circle. */
    private synchronized void fail(Claim claim, Throwable failure, List<Member> finished) {
        for (int j = 0; j < claim.count(); j++) {
            Member m = claim.members()[j];
            if (!m.done) {
                circle.remove(m);
                m.failure = failure;
                m.done = true;
                finished.add(m);
            }
        }
    }

    private static void wake(List<Member> finished) {
        for (Member m : finished) {
            LockSupport.unpark(m.waiter);
        }
        finished.clear();
    }
}
