package dev.seqlab.embeddings.ann;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seqlab.core.progress.ProgressListener;
import dev.seqlab.embeddings.Neighbor;
import dev.seqlab.embeddings.WordVectors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IvfIndexTest {
    private static final IvfOptions SMALL = IvfOptions.defaults().withThreads(2);

    @Test
    void findsAlmostAllExactNeighboursOfAClusteredSet(@TempDir Path tmp) throws Exception {
        Path file = ClusteredVectors.write(tmp.resolve("v.seqlab"), 3000, 24, 60, 7);
        // 24 dimensions: a list's rows spread wider around its centroid than in 300, so a wider margin;
        // the lists as k-means made them (IvfListBoundTest covers the bound)
        IvfIndex.BuildReport report =
                WordVectors.buildApproximateIndex(file, SMALL.withMargin(1f).withListBound(0), ProgressListener.NONE);
        assertEquals(Math.round(2 * Math.sqrt(3000)), report.lists());
        WordVectors wv = WordVectors.load(file);
        IvfIndex index = assertInstanceOf(IvfIndex.class, wv.approximate().index());
        assertEquals("ivf", index.method());
        int[] queries = RecallEvaluation.queryRows(wv.size(), 200, 3);
        float[][] unit = units(wv);
        int[][] exact = new int[queries.length][];
        for (int i = 0; i < queries.length; i++) {
            exact[i] = bruteForce(unit, queries[i], 10);
        }
        RecallEvaluation.Report r = RecallEvaluation.run(index, queries, exact, 10, new int[] {1, 16});
        double low = r.rows().get(0).recall();
        double high = r.rows().get(1).recall();
        assertTrue(high >= 0.95, "recall@10 probing up to 16 lists: " + high);
        assertTrue(high >= low, "more probes find no fewer: " + low + " then " + high);
        List<Neighbor> approx = wv.approximate().mostSimilar("w5", 10);
        assertEquals(10, approx.size());
        assertFalse(approx.stream().anyMatch(n -> n.word().equals("w5")), "the query word is excluded");
        for (int i = 1; i < approx.size(); i++) {
            assertTrue(approx.get(i - 1).score() >= approx.get(i).score());
        }
        assertEquals(wv.mostSimilar("w5", 10).get(0).score(), approx.get(0).score(), 1e-5);
    }

    @Test
    void probingEveryListAndRerankingEveryRowIsExactSearch(@TempDir Path tmp) throws Exception {
        Path file = ClusteredVectors.write(tmp.resolve("v.seqlab"), 800, 12, 20, 21);
        IvfOptions all = SMALL.withLists(16).withMargin(1e9f).withProbes(16).withRerank(800);
        WordVectors.buildApproximateIndex(file, all, ProgressListener.NONE);
        WordVectors wv = WordVectors.load(file);
        for (int q : new int[] {0, 17, 399, 799}) {
            int[] expected = bruteForce(units(wv), q, 10);
            float[] scores = new float[10];
            int[] found = wv.approximate().index().search(wv.unitVector(q), 10, 16, new int[] {q}, 800, scores);
            assertArrayEquals(expected, found, "query " + q);
        }
    }

    @Test
    void theIndexIsTheSameOnAnyNumberOfThreadsAndExactSearchIsUnchanged(@TempDir Path tmp) throws Exception {
        Path one = ClusteredVectors.write(tmp.resolve("one.seqlab"), 1500, 16, 30, 11);
        Path two = Files.copy(one, tmp.resolve("two.seqlab"));
        List<Neighbor> before = WordVectors.load(one).mostSimilar("w42", 10);
        WordVectors.buildApproximateIndex(one, SMALL.withThreads(1), ProgressListener.NONE);
        WordVectors.buildApproximateIndex(two, SMALL.withThreads(3), ProgressListener.NONE);
        assertArrayEquals(Files.readAllBytes(one), Files.readAllBytes(two));
        assertEquals(before, WordVectors.load(one).mostSimilar("w42", 10));
        long size = Files.size(one);
        WordVectors.buildApproximateIndex(one, SMALL, ProgressListener.NONE);
        assertEquals(size, Files.size(one), "building again replaces the index");
        WordVectors.buildApproximateIndex(
                one, HnswOptions.defaults().withM(4).withEfConstruction(16), ProgressListener.NONE);
        assertEquals("hnsw", WordVectors.load(one).approximate().index().method(), "and an HNSW index replaces it");
    }

    @Test
    void restrictedAndExcludingQueriesStayInsideTheirLimits(@TempDir Path tmp) throws Exception {
        Path file = ClusteredVectors.write(tmp.resolve("v.seqlab"), 1000, 12, 20, 5);
        WordVectors.buildApproximateIndex(file, SMALL, ProgressListener.NONE);
        WordVectors wv = WordVectors.load(file);
        for (int restrict : new int[] {100, 700}) {
            List<Neighbor> r =
                    wv.approximate().withEf(1).mostSimilar(List.of("w900", "w3"), List.of("w1"), 5, restrict);
            assertEquals(5, r.size());
            for (Neighbor n : r) {
                int row = wv.indexOf(n.word());
                assertTrue(row < restrict && row != 3 && row != 1, n.word());
            }
        }
        float[] scores = new float[5];
        int[] found = wv.approximate().index().search(wv.unitVector(900), 5, 1, new int[] {900, 2}, 40, scores);
        assertEquals(5, found.length, "probing widens until enough rows pass the filter");
        for (int row : found) {
            assertTrue(row < 40 && row != 2, "row " + row);
        }
        assertEquals(
                999,
                wv.approximate().mostSimilar(List.of("w0"), List.of(), 5000, 0).size());
        assertThrows(IllegalArgumentException.class, () -> wv.approximate().withEf(0));
    }

    @Test
    void queriesFromManyThreadsGiveTheSequentialAnswers(@TempDir Path tmp) throws Exception {
        Path file = ClusteredVectors.write(tmp.resolve("v.seqlab"), 2000, 16, 30, 13);
        WordVectors.buildApproximateIndex(file, SMALL, ProgressListener.NONE);
        WordVectors wv = WordVectors.load(file);
        List<List<Neighbor>> sequential = IntStream.range(0, 100)
                .mapToObj(i -> wv.approximate().mostSimilar("w" + i * 7, 10))
                .toList();
        List<Boolean> same = IntStream.range(0, 4)
                .parallel()
                .mapToObj(t -> IntStream.range(0, 100)
                        .allMatch(i ->
                                wv.approximate().mostSimilar("w" + i * 7, 10).equals(sequential.get(i))))
                .toList();
        assertEquals(List.of(true, true, true, true), same);
    }

    @Test
    void optionsNameTheBadValue() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> IvfOptions.defaults().withMargin(-1));
        assertTrue(e.getMessage().contains("-1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> IvfOptions.defaults().withProbes(0));
        assertThrows(IllegalArgumentException.class, () -> IvfOptions.defaults().withLists(-2));
        assertEquals(1, IvfOptions.defaults().listsFor(0));
        assertEquals(7, IvfOptions.defaults().withLists(50).listsFor(7));
    }

    private static float[][] units(WordVectors wv) {
        float[][] out = new float[wv.size()][];
        for (int r = 0; r < out.length; r++) {
            out[r] = wv.unitVector(r);
        }
        return out;
    }

    /** The exact top k of row {@code q} (itself excluded) by cosine, computed here in double. */
    private static int[] bruteForce(float[][] unit, int q, int k) {
        float[] u = unit[q];
        double[] cos = new double[unit.length];
        for (int r = 0; r < unit.length; r++) {
            float[] v = unit[r];
            double s = 0;
            for (int d = 0; d < u.length; d++) {
                s += (double) u[d] * v[d];
            }
            cos[r] = s;
        }
        return IntStream.range(0, unit.length)
                .filter(r -> r != q)
                .boxed()
                .sorted(Comparator.<Integer>comparingDouble(r -> -cos[r]).thenComparingInt(r -> r))
                .limit(k)
                .mapToInt(Integer::intValue)
                .toArray();
    }
}
