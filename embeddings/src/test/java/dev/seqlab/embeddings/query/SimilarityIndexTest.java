package dev.seqlab.embeddings.query;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.seqlab.core.kernel.Int8BlockDots;
import dev.seqlab.core.kernel.Kernels;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The two-pass search (int8 upper bounds, then exact scores) returns exactly what scoring every
 * row does: the same rows, in the same order, with bit-identical scores. Checked on data built to
 * stress the bounds: duplicate rows (exact ties, broken by index), near-duplicates a hair apart
 * (far closer than the int8 error), zero rows, restricted vocabularies, excluded rows, and large k.
 */
class SimilarityIndexTest {
    static final int DIM = 37;

    static float[] matrix(int rows, SplittableRandom rnd) {
        float[] m = new float[rows * DIM];
        for (int i = 0; i < m.length; i++) {
            m[i] = (float) rnd.nextGaussian();
        }
        // a cluster of near-duplicates of row 5: cosines to row 5 within ~1e-6 of each other
        for (int i = 100; i < 400; i++) {
            for (int d = 0; d < DIM; d++) {
                m[i * DIM + d] = m[5 * DIM + d] * (1 + i * 1e-3f) + (float) (rnd.nextGaussian() * 1e-6);
            }
        }
        // exact duplicates (equal scores) at scattered indices, and zero rows
        for (int i : new int[] {20_000, 3, 33_000, 999}) {
            if (i < rows) {
                System.arraycopy(m, 7 * DIM, m, i * DIM, DIM);
            }
        }
        for (int i : new int[] {0, 17, 40_000}) {
            if (i < rows) {
                Arrays.fill(m, i * DIM, (i + 1) * DIM, 0f);
            }
        }
        return m;
    }

    static float[] unitRow(SimilarityIndex index, int i) {
        float[] q = new float[DIM];
        index.unitRow(i, q);
        return q;
    }

    static void assertSame(TopK expected, TopK actual, String what) {
        int[] e = expected.indices();
        int[] a = actual.indices();
        assertArrayEquals(e, a, what);
        for (int i : e) {
            assertEquals(
                    Float.floatToIntBits(expected.scoreOf(i)),
                    Float.floatToIntBits(actual.scoreOf(i)),
                    what + " row " + i);
        }
    }

    @Test
    void twoPassEqualsScoringEveryRow() {
        SplittableRandom rnd = new SplittableRandom(5);
        int rows = 50_001;
        float[] m = matrix(rows, rnd);
        SimilarityIndex index = SimilarityIndex.of(m, rows, DIM);
        QuantizedRows quantized = index.quantizedNow();
        int checked = 0;
        for (int query : new int[] {5, 7, 150, 20_000, 1, 49_999}) {
            float[] q = unitRow(index, query);
            for (int k : new int[] {1, 10, 300}) {
                for (int limit : new int[] {rows, 40_001, SimilarityIndex.QUANTIZED_MIN}) {
                    int[] exclude = {query, 6, 101};
                    String what = "query " + query + " k " + k + " limit " + limit;
                    TopK one = index.nearestOnePass(q, limit, k, exclude);
                    TopK two = index.nearestTwoPass(quantized, q, limit, k, exclude);
                    assertSame(one, two, what);
                    assertSame(one, index.nearestTwoPassIntegers(quantized, q, limit, k, exclude), what + " integers");
                    assertEquals(k, two.size(), what);
                    for (int i : two.indices()) {
                        assertTrue(i < limit && i != query && i != 6 && i != 101, what + ": row " + i);
                    }
                    checked++;
                }
            }
        }
        assertEquals(54, checked);
        // duplicates of row 7 tie exactly: lowest index first
        int[] top = index.nearest(unitRow(index, 7), rows, 5, new int[0]).indices();
        assertArrayEquals(new int[] {3, 7, 999, 20_000, 33_000}, top);
    }

    /**
     * A batch of searches in one pass answers each exactly as the single-query search does, for
     * batch sizes on both sides of the kernel's groups of sixteen, eight and four, mixed k, limits
     * and exclusions, the near-duplicate cluster and exact ties, with both kernels.
     */
    @Test
    void batchedSearchEqualsEachSearchAlone() {
        for (Int8BlockDots kernel : List.of(Kernels.int8BlockDots(), Kernels.plainInt8BlockDots())) {
            assertBatchesEqualSearchesAlone(
                    new int[] {2, 3, 4, 5, 7, 11, 16, 17, 29, 40},
                    (index, batch) -> BatchedNearest.search(index, index.quantizedNow(), kernel, batch),
                    "int8 " + kernel.name());
        }
    }

    /**
     * Thousands of rows whose cosines to the queries differ by a few ulps, so the int8 bounds and
     * the exact dots disagree on their order: the screen's bound must still keep every row of the
     * true top k.
     */
    @Test
    void batchedScreenKeepsRowsWithinRoundingOfTheTopK() {
        SplittableRandom rnd = new SplittableRandom(8);
        int dim = 100;
        int rows = 20_000;
        float[] base = new float[dim];
        for (int d = 0; d < dim; d++) {
            base[d] = (float) rnd.nextGaussian();
        }
        float[] m = new float[rows * dim];
        for (int i = 0; i < rows; i++) {
            for (int d = 0; d < dim; d++) {
                m[i * dim + d] = base[d] * (float) (1 + rnd.nextGaussian() * 1e-7);
            }
        }
        SimilarityIndex index = SimilarityIndex.of(m, rows, dim);
        BatchedNearest.Query[] batch = new BatchedNearest.Query[12];
        for (int j = 0; j < batch.length; j++) {
            float[] q = base.clone();
            q[j] *= 1.0001f;
            SimilarityIndex.normalize(q);
            batch[j] = new BatchedNearest.Query(q, rows, 10 + 7 * j, j % 2 == 0 ? new int[] {j, 40} : new int[0]);
        }
        TopK[] together = BatchedNearest.search(index, index.quantizedNow(), Kernels.int8BlockDots(), batch);
        for (int j = 0; j < batch.length; j++) {
            BatchedNearest.Query b = batch[j];
            TopK alone = index.nearestOnePass(b.unitQuery(), b.limit(), b.k(), b.exclude());
            assertSame(alone, together[j], "near-ties, query " + j);
            assertSame(
                    alone,
                    index.nearestTwoPassIntegers(index.quantizedNow(), b.unitQuery(), b.limit(), b.k(), b.exclude()),
                    "near-ties, integer first pass, query " + j);
        }
    }

    private interface BatchSearch {
        TopK[] search(SimilarityIndex index, BatchedNearest.Query[] batch);
    }

    private static void assertBatchesEqualSearchesAlone(int[] sizes, BatchSearch route, String name) {
        SplittableRandom rnd = new SplittableRandom(21);
        int rows = 50_001;
        float[] m = matrix(rows, rnd);
        SimilarityIndex index = SimilarityIndex.of(m, rows, DIM);
        int[] queryRows = {5, 7, 150, 20_000, 1, 49_999, 3, 250, 18, 33_000, 12_345};
        int[] ks = {1, 10, 300, 5};
        int[] limits = {rows, 40_001, SimilarityIndex.QUANTIZED_MIN};
        for (int size : sizes) {
            BatchedNearest.Query[] batch = new BatchedNearest.Query[size];
            for (int j = 0; j < size; j++) {
                int row = queryRows[(j + size) % queryRows.length];
                float[] q = unitRow(index, row);
                if (j % 3 == 2) { // a query that is no row's direction
                    for (int d = 0; d < DIM; d++) {
                        q[d] += (float) rnd.nextGaussian() * 0.3f;
                    }
                    SimilarityIndex.normalize(q);
                }
                int[] exclude = j % 2 == 0 ? new int[] {row, 6, 101} : new int[0];
                batch[j] = new BatchedNearest.Query(q, limits[j % limits.length], ks[j % ks.length], exclude);
            }
            TopK[] together = route.search(index, batch);
            for (int j = 0; j < size; j++) {
                BatchedNearest.Query b = batch[j];
                String what = "batch of " + size + " (" + name + "), query " + j;
                TopK alone = index.nearestOnePass(b.unitQuery(), b.limit(), b.k(), b.exclude());
                assertSame(alone, together[j], what);
                assertEquals(b.k(), together[j].size(), what);
            }
        }
    }

    /** Searches from several threads at once, batched or not, get the answers of the single-query path. */
    @Test
    void concurrentSearchesAreBatchedWithSameAnswers() throws Exception {
        assumeTrue(Kernels.isVectorized(), "batching needs the two-pass search, which needs the SIMD kernels");
        SplittableRandom rnd = new SplittableRandom(34);
        int rows = 40_000;
        float[] m = matrix(rows, rnd);
        SimilarityIndex index = SimilarityIndex.of(m, rows, DIM);
        index.prepare();
        int queries = 64;
        float[][] q = new float[queries][];
        TopK[] expected = new TopK[queries];
        for (int i = 0; i < queries; i++) {
            q[i] = unitRow(index, i * 613 % rows);
            expected[i] = index.nearestOnePass(q[i], rows, 10, new int[] {i * 613 % rows});
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<TopK[]>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int first = t;
                results.add(pool.submit(() -> {
                    TopK[] got = new TopK[queries];
                    for (int i = 0; i < queries; i++) {
                        int at = (first * 8 + i) % queries;
                        got[at] = index.nearest(q[at], rows, 10, new int[] {at * 613 % rows});
                    }
                    return got;
                }));
            }
            for (int t = 0; t < 8; t++) {
                TopK[] got = results.get(t).get(2, TimeUnit.MINUTES);
                for (int i = 0; i < queries; i++) {
                    assertSame(expected[i], got[i], "thread " + t + " query " + i);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void arbitraryVectorsAndRandomQueries() {
        SplittableRandom rnd = new SplittableRandom(8);
        int rows = SimilarityIndex.QUANTIZED_MIN + 13;
        float[] m = matrix(rows, rnd);
        SimilarityIndex index = SimilarityIndex.of(m, rows, DIM);
        for (int t = 0; t < 40; t++) {
            float[] q = new float[DIM];
            for (int d = 0; d < DIM; d++) {
                q[d] = (float) rnd.nextGaussian();
            }
            SimilarityIndex.normalize(q);
            TopK one = index.nearestOnePass(q, rows, 10, new int[0]);
            assertSame(one, index.nearestTwoPass(index.quantizedNow(), q, rows, 10, new int[0]), "random query " + t);
            assertSame(
                    one,
                    index.nearestTwoPassIntegers(index.quantizedNow(), q, rows, 10, new int[0]),
                    "random query " + t + ", integer first pass");
        }
    }

    @Test
    void publicSearchSwitchesToTwoPassInTheBackgroundWithSameAnswers() throws InterruptedException {
        SplittableRandom rnd = new SplittableRandom(13);
        int rows = 40_000;
        float[] m = matrix(rows, rnd);
        SimilarityIndex index = SimilarityIndex.of(m, rows, DIM);
        float[] q = unitRow(index, 150);
        TopK before = index.nearest(q, rows, 10, new int[] {150});
        assertSame(index.nearestOnePass(q, rows, 10, new int[] {150}), before, "first query");
        assumeTrue(Kernels.isVectorized(), "two-pass needs the SIMD kernels");
        for (int wait = 0; wait < 600 && !index.twoPassReady(); wait++) {
            Thread.sleep(50);
        }
        assertTrue(index.twoPassReady(), "the int8 index was not ready after 30 s");
        assertSame(before, index.nearest(q, rows, 10, new int[] {150}), "after the switch");
    }
}
