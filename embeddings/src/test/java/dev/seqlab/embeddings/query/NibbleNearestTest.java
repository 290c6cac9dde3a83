package dev.seqlab.embeddings.query;

import static dev.seqlab.embeddings.query.SimilarityIndexTest.assertSame;
import static dev.seqlab.embeddings.query.SimilarityIndexTest.unitRow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.seqlab.core.kernel.Int4BlockDots;
import dev.seqlab.core.kernel.Kernels;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The search whose first pass reads the 4-bit copy returns exactly what scoring every row does
 * (same rows, order and bit-identical scores), on the data {@link SimilarityIndexTest} builds to
 * stress bounds (near-duplicates far closer than the 4-bit error, exact ties, zero rows) and on
 * clustered rows like trained embeddings (a shared offset, clusters of very different sizes), for
 * several k, limits that cut a block, and exclusions; the 4-bit codes decode within their stated
 * error of the unit rows (checked in double); and the public search switches to this route once
 * the copy is built, with the same answers.
 */
class NibbleNearestTest {

    /** Rows around {@code clusters} centres of Zipf-like sizes plus a shared offset, {@code dim} wide. */
    static float[] clustered(int rows, int dim, int clusters, SplittableRandom rnd) {
        float[][] centres = new float[clusters][dim];
        float[] offset = new float[dim];
        for (int d = 0; d < dim; d++) {
            offset[d] = (float) (0.3 * rnd.nextGaussian());
            for (int c = 0; c < clusters; c++) {
                centres[c][d] = (float) rnd.nextGaussian();
            }
        }
        float[] m = new float[rows * dim];
        for (int i = 0; i < rows; i++) {
            // cluster c with probability about 1/(c+1): a few large clusters, many small ones
            int c = (int) Math.min(clusters - 1, Math.floor(Math.exp(rnd.nextDouble() * Math.log(clusters))) - 1);
            for (int d = 0; d < dim; d++) {
                m[i * dim + d] = (float) (0.35 * centres[c][d] + 0.25 * rnd.nextGaussian() + offset[d]);
            }
        }
        return m;
    }

    private static void assertAllQueriesExact(SimilarityIndex index, NibbleRows nibbles, int rows, int[] queries) {
        Int4BlockDots kernel = Kernels.int4BlockDots();
        float[] upper = new float[(rows + 63) / 64 * 64];
        int dim = nibbles.dim;
        for (int query : queries) {
            float[] q = new float[dim];
            index.unitRow(query, q);
            for (int k : new int[] {1, 10, 300}) {
                for (int limit : new int[] {rows, rows - 37, SimilarityIndex.QUANTIZED_MIN}) {
                    int[] exclude = {query, 6, 101};
                    String what = "query " + query + " k " + k + " limit " + limit;
                    TopK one = index.nearestOnePass(q, limit, k, exclude);
                    TopK got = NibbleNearest.search(index, nibbles, kernel, q, limit, k, exclude, upper);
                    assertSame(one, got, what);
                    assertEquals(k, got.size(), what);
                }
            }
        }
    }

    @Test
    void equalsScoringEveryRowOnStressData() {
        SplittableRandom rnd = new SplittableRandom(5);
        int rows = 50_001;
        SimilarityIndex index =
                SimilarityIndex.of(SimilarityIndexTest.matrix(rows, rnd), rows, SimilarityIndexTest.DIM);
        assertAllQueriesExact(index, index.nibblesNow(), rows, new int[] {5, 7, 150, 20_000, 1, 49_999});
        // duplicates of row 7 tie exactly: lowest index first
        float[] upper = new float[(rows + 63) / 64 * 64];
        TopK top = NibbleNearest.search(
                index, index.nibblesNow(), Kernels.int4BlockDots(), unitRow(index, 7), rows, 5, new int[0], upper);
        org.junit.jupiter.api.Assertions.assertArrayEquals(new int[] {3, 7, 999, 20_000, 33_000}, top.indices());
    }

    @Test
    void equalsScoringEveryRowOnClusteredRows() {
        SplittableRandom rnd = new SplittableRandom(9);
        int rows = 60_000;
        int dim = 64;
        SimilarityIndex index = SimilarityIndex.of(clustered(rows, dim, 500, rnd), rows, dim);
        NibbleRows nibbles = index.nibblesNow();
        assertAllQueriesExact(index, nibbles, rows, new int[] {0, 1, 777, 31_000, 59_999});
        Int4BlockDots kernel = Kernels.int4BlockDots();
        float[] upper = new float[(rows + 63) / 64 * 64];
        for (int t = 0; t < 30; t++) {
            float[] q = new float[dim];
            for (int d = 0; d < dim; d++) {
                q[d] = (float) rnd.nextGaussian();
            }
            SimilarityIndex.normalize(q);
            assertSame(
                    index.nearestOnePass(q, rows, 10, new int[0]),
                    NibbleNearest.search(index, nibbles, kernel, q, rows, 10, new int[0], upper),
                    "random query " + t);
        }
    }

    /**
     * A query inside a cluster of tens of thousands of near-copies (all within the 4-bit error of
     * the answer's level, so every one is a candidate and all are scored on every thread) gets the
     * answer of scoring every row.
     */
    @Test
    void denseClusterGetsTheAnswerOfScoringEveryRow() {
        SplittableRandom rnd = new SplittableRandom(31);
        int rows = 50_000;
        int dim = 100;
        float[] m = clustered(rows, dim, 100, rnd);
        for (int i = 10_000; i < 40_000; i++) {
            for (int d = 0; d < dim; d++) {
                m[i * dim + d] = m[d] + (float) (0.02 * rnd.nextGaussian());
            }
        }
        SimilarityIndex index = SimilarityIndex.of(m, rows, dim);
        NibbleRows nibbles = index.nibblesNow();
        float[] upper = new float[(rows + 63) / 64 * 64];
        for (int query : new int[] {0, 12_345, 39_999}) {
            float[] q = unit(index, query, dim);
            for (int k : new int[] {10, 500}) {
                int[] exclude = {query, 20_000};
                assertSame(
                        index.nearestOnePass(q, rows, k, exclude),
                        NibbleNearest.search(index, nibbles, Kernels.int4BlockDots(), q, rows, k, exclude, upper),
                        "query " + query + " k " + k);
            }
        }
    }

    /**
     * Every row's bound is at least its exact score, for unit queries and for queries of other
     * norms: the invariant the search's exactness rests on. (The bounds are loose, so a search's
     * answers alone would not show a slack that is too small everywhere.)
     */
    @Test
    void everyBoundIsAtLeastTheExactScore() {
        SplittableRandom rnd = new SplittableRandom(23);
        int rows = 20_000;
        int dim = 300;
        SimilarityIndex index = SimilarityIndex.of(clustered(rows, dim, 50, rnd), rows, dim);
        NibbleRows nibbles = index.nibblesNow();
        float[] upper = new float[(rows + 63) / 64 * 64];
        for (int t = 0; t < 12; t++) {
            float[] q = new float[dim];
            if (t < 6) {
                index.unitRow(t * 3001, q);
            } else {
                for (int d = 0; d < dim; d++) {
                    q[d] = (float) (rnd.nextGaussian() * (t - 5));
                }
            }
            float qNorm = BatchedNearest.norm(q);
            Int4BlockDots.Weights w = Int4BlockDots.Weights.of(q, dim);
            float rounding = NibbleRows.rounding(dim, qNorm, w);
            NibbleNearest.bounds(nibbles, Kernels.int4BlockDots(), w, qNorm, rounding, 0, upper.length / 64, upper);
            for (int r = 0; r < rows; r++) {
                float exact = index.exactScore(q, r);
                float slack = qNorm * nibbles.errors[r] + rounding;
                assertTrue(upper[r] >= exact, "query " + t + " row " + r + ": bound " + upper[r] + " < " + exact);
                // and no looser than the approximation's own error allows, twice over
                assertTrue(upper[r] - exact <= 2 * slack, "query " + t + " row " + r + ": bound " + upper[r]);
            }
        }
    }

    @Test
    void codesDecodeWithinTheirErrorOfTheUnitRows() {
        SplittableRandom rnd = new SplittableRandom(21);
        int rows = 1_000;
        int dim = 301;
        SimilarityIndex index = SimilarityIndex.of(clustered(rows, dim, 20, rnd), rows, dim);
        NibbleRows nibbles = index.nibblesNow();
        float[] u = new float[dim];
        for (int r = 0; r < rows; r++) {
            index.unitRow(r, u);
            double err2 = 0;
            for (int k = 0; k < dim; k++) {
                // the documented layout, decoded here independently: blocks of 64 rows, 64 bytes a
                // pair, the low nibble holding c + 8 and the high one c in two's complement
                int b = nibbles.codes[(r / 64) * ((dim + 1) / 2 * 64) + (k / 2) * 64 + r % 64];
                int c = k % 2 == 0 ? (b & 15) - 8 : b >> 4;
                assertTrue(c >= -7 && c <= 7, "code " + c);
                double diff = (double) u[k] - (double) nibbles.scales[r] * c;
                err2 += diff * diff;
            }
            // unitRow divides in float: allow its rounding (a few ulps a component) beside the error
            assertTrue(Math.sqrt(err2) <= nibbles.errors[r] + 1e-6, "row " + r + ": " + Math.sqrt(err2));
            assertTrue(nibbles.errors[r] < 0.3f, "row " + r + " error " + nibbles.errors[r]);
        }
        for (int r = rows; r < nibbles.errors.length; r++) {
            assertTrue(Float.isNaN(nibbles.errors[r]), "padding row " + r);
        }
    }

    /** Eight threads searching one index at once on the 4-bit route get the answers of searches alone. */
    @Test
    void concurrentSearchesGetTheAnswersOfSearchesAlone() throws Exception {
        assumeTrue(Kernels.isVectorized(), "the 4-bit route needs the SIMD kernels");
        SplittableRandom rnd = new SplittableRandom(17);
        int rows = 40_000;
        int dim = 40;
        SimilarityIndex index = SimilarityIndex.withNibbleMin(clustered(rows, dim, 200, rnd), rows, dim, 1);
        index.prepare();
        assertTrue(index.nibblesReady(), "prepare() did not build the 4-bit copy");
        int queries = 64;
        TopK[] alone = new TopK[queries];
        for (int i = 0; i < queries; i++) {
            alone[i] = index.nearestOnePass(unit(index, i * 613, dim), rows, 10, new int[] {i * 613});
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            java.util.List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int offset = t;
                done.add(pool.submit(() -> {
                    for (int j = 0; j < queries; j++) {
                        int i = (j + offset * 7) % queries;
                        assertSame(
                                alone[i],
                                index.nearest(unit(index, i * 613, dim), rows, 10, new int[] {i * 613}),
                                "query " + i + " on thread " + offset);
                    }
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static float[] unit(SimilarityIndex index, int row, int dim) {
        float[] q = new float[dim];
        index.unitRow(row, q);
        return q;
    }

    @Test
    void publicSearchSwitchesToTheFourBitRouteWithSameAnswers() {
        assumeTrue(Kernels.isVectorized(), "the 4-bit route needs the SIMD kernels");
        SplittableRandom rnd = new SplittableRandom(13);
        int rows = 40_000;
        int dim = 48;
        SimilarityIndex index = SimilarityIndex.withNibbleMin(clustered(rows, dim, 300, rnd), rows, dim, 1);
        float[] q = new float[dim];
        index.unitRow(150, q);
        TopK before = index.nearest(q, rows, 10, new int[] {150});
        assertSame(index.nearestOnePass(q, rows, 10, new int[] {150}), before, "first query");
        index.prepare();
        assertTrue(index.nibblesReady(), "prepare() did not build the 4-bit copy");
        assertSame(before, index.nearest(q, rows, 10, new int[] {150}), "after the switch");
    }
}
