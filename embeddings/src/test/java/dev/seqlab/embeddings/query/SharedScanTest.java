package dev.seqlab.embeddings.query;

import static dev.seqlab.embeddings.query.SimilarityIndexTest.DIM;
import static dev.seqlab.embeddings.query.SimilarityIndexTest.assertSame;
import static dev.seqlab.embeddings.query.SimilarityIndexTest.matrix;
import static dev.seqlab.embeddings.query.SimilarityIndexTest.unitRow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seqlab.core.kernel.Int8BlockDots;
import dev.seqlab.core.kernel.Kernels;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Searches that join the circular scan at whatever chunk it has reached, from many threads at
 * once, get exactly the single-query answers (rows, order, bit-identical scores), with mixed k,
 * limits (down to less than one chunk), exclusions, near-duplicates and exact ties.
 */
class SharedScanTest {
    private static final int ROWS = 40_003;

    @Test
    void searchesJoiningMidScanFromManyThreadsGetTheSingleQueryAnswers() throws Exception {
        for (Int8BlockDots kernel : List.of(Kernels.int8BlockDots(), Kernels.plainInt8BlockDots())) {
            SimilarityIndex index = SimilarityIndex.of(matrix(ROWS, new SplittableRandom(3)), ROWS, DIM);
            SharedScan scan = new SharedScan(index, index.quantizedNow(), kernel, 3);
            int threads = 16;
            int perThread = 12;
            int[] ks = {1, 10, 300, 5, 40};
            int[] limits = {ROWS, 35_001, 1_000, 20_000};
            int[] rows = {5, 7, 150, 20_000, 1, 39_999, 3, 250, 18, 33_000, 12_345, 101};
            BatchedNearest.Query[][] queries = new BatchedNearest.Query[threads][perThread];
            SplittableRandom rnd = new SplittableRandom(17);
            for (int t = 0; t < threads; t++) {
                for (int i = 0; i < perThread; i++) {
                    int row = rows[rnd.nextInt(rows.length)];
                    float[] q = unitRow(index, row);
                    if (i % 3 == 2) { // a query that is no row's direction
                        for (int d = 0; d < DIM; d++) {
                            q[d] += (float) rnd.nextGaussian() * 0.3f;
                        }
                        SimilarityIndex.normalize(q);
                    }
                    int[] exclude = i % 2 == 0 ? new int[] {row, 6, 101} : new int[0];
                    queries[t][i] = new BatchedNearest.Query(
                            q, limits[rnd.nextInt(limits.length)], ks[rnd.nextInt(ks.length)], exclude);
                }
            }
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<TopK[]>> results = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    BatchedNearest.Query[] mine = queries[t];
                    results.add(pool.submit(() -> {
                        TopK[] got = new TopK[mine.length];
                        for (int i = 0; i < mine.length; i++) {
                            got[i] = scan.answer(mine[i]);
                        }
                        return got;
                    }));
                }
                for (int t = 0; t < threads; t++) {
                    TopK[] got = results.get(t).get(2, TimeUnit.MINUTES);
                    for (int i = 0; i < perThread; i++) {
                        BatchedNearest.Query b = queries[t][i];
                        String what = kernel.name() + ", thread " + t + ", query " + i;
                        assertSame(index.nearestOnePass(b.unitQuery(), b.limit(), b.k(), b.exclude()), got[i], what);
                        assertEquals(b.k(), got[i].size(), what);
                    }
                }
            } finally {
                pool.shutdownNow();
            }
            long mid = scan.joinedMidTurn();
            assertTrue(mid >= threads, kernel.name() + ": only " + mid + " searches joined a turn in progress");
        }
    }

    @Test
    void anInterruptedSearchLeavesAndTheScanKeepsServing() {
        SimilarityIndex index = SimilarityIndex.of(matrix(ROWS, new SplittableRandom(4)), ROWS, DIM);
        SharedScan scan = new SharedScan(index, index.quantizedNow(), Kernels.int8BlockDots(), 2);
        BatchedNearest.Query query = new BatchedNearest.Query(unitRow(index, 150), ROWS, 10, new int[] {150});
        TopK expected = index.nearestOnePass(query.unitQuery(), ROWS, 10, query.exclude());
        Thread.currentThread().interrupt();
        try {
            // it leaves at once, unless (rarely) the scan finished its turn before it could
            TopK early = scan.answer(query);
            assertSame(expected, early, "a search done before it could leave");
        } catch (IllegalStateException e) {
            assertTrue(e.getMessage().contains("interrupted"), e.getMessage());
        } finally {
            assertTrue(Thread.interrupted(), "the interrupt is kept");
        }
        TopK after = assertTimeoutPreemptively(Duration.ofMinutes(1), () -> scan.answer(query));
        assertSame(expected, after, "after an interrupted search");
    }
}
