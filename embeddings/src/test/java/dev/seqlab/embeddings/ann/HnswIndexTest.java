package dev.seqlab.embeddings.ann;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seqlab.core.progress.ProgressListener;
import dev.seqlab.embeddings.Neighbor;
import dev.seqlab.embeddings.WordVectors;
import dev.seqlab.embeddings.io.VectorFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HnswIndexTest {
    private static final HnswOptions SMALL = HnswOptions.defaults().withM(8).withEfConstruction(64);

    @Test
    void findsAlmostAllExactNeighboursOfAClusteredSet(@TempDir Path tmp) throws Exception {
        Path file = ClusteredVectors.write(tmp.resolve("v.seqlab"), 3000, 24, 60, 7);
        WordVectors.buildApproximateIndex(file, SMALL.withThreads(2), ProgressListener.NONE);
        WordVectors wv = WordVectors.load(file);
        assertTrue(wv.hasApproximateIndex());
        int[] queries = RecallEvaluation.queryRows(wv.size(), 200, 3);
        int[][] exact = new int[queries.length][];
        for (int i = 0; i < queries.length; i++) {
            exact[i] = rows(wv, wv.mostSimilar(new int[] {queries[i]}, new int[0], 10, 0));
        }
        HnswIndex index = (HnswIndex) wv.approximate().index();
        RecallEvaluation.Report report = RecallEvaluation.run(index, queries, exact, 10, new int[] {8, 64});
        double low = report.rows().get(0).recall();
        double high = report.rows().get(1).recall();
        assertTrue(high >= 0.95, "recall@10 at ef 64: " + high);
        assertTrue(high >= low, "a wider beam finds no fewer: " + low + " then " + high);
        // answers come through WordVectors with the exact cosines of the rows found, best first
        List<Neighbor> approx = wv.approximate().mostSimilar("w5", 10);
        List<Neighbor> exactTop = wv.mostSimilar("w5", 10);
        assertEquals(10, approx.size());
        assertFalse(approx.stream().anyMatch(n -> n.word().equals("w5")), "the query word is excluded");
        for (int i = 1; i < approx.size(); i++) {
            assertTrue(approx.get(i - 1).score() >= approx.get(i).score());
        }
        assertEquals(exactTop.get(0).score(), approx.get(0).score(), 1e-5);
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
        // building again replaces the index rather than adding one
        long size = Files.size(one);
        WordVectors.buildApproximateIndex(one, SMALL.withThreads(2), ProgressListener.NONE);
        assertEquals(size, Files.size(one));
    }

    @Test
    void restrictedAndExcludingQueriesStayInsideTheirLimits(@TempDir Path tmp) throws Exception {
        Path file = ClusteredVectors.write(tmp.resolve("v.seqlab"), 1000, 12, 20, 5);
        WordVectors.buildApproximateIndex(file, SMALL, ProgressListener.NONE);
        WordVectors wv = WordVectors.load(file);
        for (int restrict : new int[] {100, 700}) {
            List<Neighbor> r =
                    wv.approximate().withEf(4).mostSimilar(List.of("w900", "w3"), List.of("w1"), 5, restrict);
            assertEquals(5, r.size());
            for (Neighbor n : r) {
                int row = wv.indexOf(n.word());
                assertTrue(row < restrict && row != 3 && row != 1, n.word());
            }
        }
        float[] scores = new float[5];
        int[] found = wv.approximate().index().search(wv.unitVector(900), 5, 4, new int[] {900, 2}, 40, scores);
        assertEquals(5, found.length);
        for (int row : found) {
            assertTrue(row < 40 && row != 2, "row " + row);
        }
        assertEquals(3, wv.approximate().analogy("w1", "w2", "w3", 3).size());
        assertEquals(
                999,
                wv.approximate().mostSimilar(List.of("w0"), List.of(), 5000, 0).size());
    }

    @Test
    void vectorsWithoutAnIndexSayHowToBuildOne(@TempDir Path tmp) throws Exception {
        Path file = ClusteredVectors.write(tmp.resolve("v.seqlab"), 100, 8, 5, 1);
        WordVectors wv = WordVectors.load(file);
        assertFalse(wv.hasApproximateIndex());
        IllegalStateException e = assertThrows(IllegalStateException.class, wv::approximate);
        assertTrue(e.getMessage().contains("seqlab embeddings index"), e.getMessage());
        Path text = tmp.resolve("v.txt");
        wv.save(text, VectorFormat.GLOVE);
        IllegalArgumentException notSeqlab = assertThrows(
                IllegalArgumentException.class,
                () -> WordVectors.buildApproximateIndex(text, SMALL, ProgressListener.NONE));
        assertTrue(notSeqlab.getMessage().contains("convert"), notSeqlab.getMessage());
    }

    @Test
    void anInterruptedBuildLeavesTheFileAsItWas(@TempDir Path tmp) throws Exception {
        Path file = ClusteredVectors.write(tmp.resolve("v.seqlab"), 2000, 16, 30, 9);
        byte[] before = Files.readAllBytes(file);
        ProgressListener interrupting = new ProgressListener() {
            @Override
            public void start(String task, long total, String unit) {}

            @Override
            public void advance(long amount) {
                Thread.currentThread().interrupt();
            }

            @Override
            public void status(String text) {}

            @Override
            public void finish() {}
        };
        try {
            assertThrows(
                    InterruptedException.class, () -> WordVectors.buildApproximateIndex(file, SMALL, interrupting));
        } finally {
            Thread.interrupted();
        }
        assertArrayEquals(before, Files.readAllBytes(file));
        try (var files = Files.list(tmp)) {
            assertEquals(1, files.count(), "no temporary file is left behind");
        }
    }

    @Test
    void queriesFromManyThreadsGiveTheSequentialAnswers(@TempDir Path tmp) throws Exception {
        Path file = ClusteredVectors.write(tmp.resolve("v.seqlab"), 2000, 16, 30, 13);
        WordVectors.buildApproximateIndex(file, SMALL, ProgressListener.NONE);
        WordVectors wv = WordVectors.load(file);
        List<List<Neighbor>> sequential = IntStream.range(0, 200)
                .mapToObj(i -> wv.approximate().mostSimilar("w" + i * 7, 10))
                .toList();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Boolean>> checks = IntStream.range(0, 6)
                    .mapToObj(t -> pool.submit(() -> {
                        for (int round = 0; round < 3; round++) {
                            for (int i = t; i < 200; i += 2) {
                                if (!wv.approximate()
                                        .mostSimilar("w" + i * 7, 10)
                                        .equals(sequential.get(i))) {
                                    return false;
                                }
                            }
                        }
                        return true;
                    }))
                    .toList();
            for (Future<Boolean> f : checks) {
                assertTrue(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static int[] rows(WordVectors wv, List<Neighbor> ns) {
        return ns.stream().mapToInt(n -> wv.indexOf(n.word())).toArray();
    }
}
