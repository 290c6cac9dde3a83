package dev.seqlab.embeddings.ann;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seqlab.core.progress.ProgressListener;
import dev.seqlab.embeddings.WordVectors;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The list bound of an inverted file on skewed data: what k-means leaves oversized is split. */
class IvfListBoundTest {
    private static final int N = 4000;
    private static final IvfOptions OPTIONS =
            IvfOptions.defaults().withListBound(2).withThreads(2);

    @Test
    void noListHoldsMoreThanTheBoundWhereKMeansLeftHugeLists(@TempDir Path tmp) throws Exception {
        Path file = ClusteredVectors.writeSkewed(tmp.resolve("v.seqlab"), N, 32, 800, 3);
        int lists = OPTIONS.listsFor(N);
        int bound = (int) Math.ceil(OPTIONS.listBound() * N / lists);
        Path unbounded = Files.copy(file, tmp.resolve("unbounded.seqlab"));
        IvfIndex.BuildReport raw =
                WordVectors.buildApproximateIndex(unbounded, OPTIONS.withListBound(0), ProgressListener.NONE);
        assertEquals(lists, raw.lists());
        assertTrue(raw.largestList() > bound, "k-means alone leaves a list of " + raw.largestList() + " rows");
        IvfIndex.BuildReport r = WordVectors.buildApproximateIndex(file, OPTIONS, ProgressListener.NONE);
        assertTrue(r.largestList() <= bound, "largest list " + r.largestList() + ", bound " + bound);
        assertTrue(r.lists() > lists, r.lists() + " lists");
        IvfIndex index = (IvfIndex) WordVectors.load(file).approximate().index();
        assertEquals(r.lists(), index.lists());
        IvfIndex.BuildReport tight =
                WordVectors.buildApproximateIndex(file, OPTIONS.withListBound(1), ProgressListener.NONE);
        assertTrue(tight.largestList() <= (N + lists - 1) / lists, "bound 1: largest " + tight.largestList());
    }

    @Test
    void theBoundedIndexFindsTheNeighboursOfASkewedSet(@TempDir Path tmp) throws Exception {
        Path file = ClusteredVectors.writeSkewed(tmp.resolve("v.seqlab"), N, 32, 800, 5);
        WordVectors.buildApproximateIndex(file, OPTIONS.withMargin(1f), ProgressListener.NONE);
        WordVectors wv = WordVectors.load(file);
        int[] queries = RecallEvaluation.queryRows(N, 200, 3);
        int[][] exact = new int[queries.length][];
        for (int i = 0; i < queries.length; i++) {
            exact[i] = wv.mostSimilar(new int[] {queries[i]}, new int[0], 10, 0).stream()
                    .mapToInt(n -> wv.indexOf(n.word()))
                    .toArray();
        }
        RecallEvaluation.Report r = RecallEvaluation.run(wv.approximate().index(), queries, exact, 10, new int[] {64});
        assertTrue(
                r.rows().get(0).recall() >= 0.95,
                "recall@10 probing up to 64 lists: " + r.rows().get(0).recall());
    }

    @Test
    void splittingGivesTheSameBytesOnAnyNumberOfThreads(@TempDir Path tmp) throws Exception {
        Path one = ClusteredVectors.writeSkewed(tmp.resolve("one.seqlab"), N, 16, 600, 7);
        Path three = Files.copy(one, tmp.resolve("three.seqlab"));
        IvfIndex.BuildReport a = WordVectors.buildApproximateIndex(one, OPTIONS.withThreads(1), ProgressListener.NONE);
        WordVectors.buildApproximateIndex(three, OPTIONS.withThreads(3), ProgressListener.NONE);
        assertTrue(a.lists() > OPTIONS.listsFor(N), "lists were split: " + a.lists());
        assertArrayEquals(Files.readAllBytes(one), Files.readAllBytes(three));
    }

    @Test
    void theBoundIsZeroOrAtLeastOne() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> IvfOptions.defaults().withListBound(0.5f));
        assertTrue(e.getMessage().contains("0.5"), e.getMessage());
        assertEquals(0f, IvfOptions.defaults().withListBound(0).listBound());
    }
}
