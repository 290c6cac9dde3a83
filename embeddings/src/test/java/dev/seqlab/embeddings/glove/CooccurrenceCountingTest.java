package dev.seqlab.embeddings.glove;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seqlab.core.progress.ProgressListener;
import dev.seqlab.core.random.SeededRandom;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Co-occurrence counting, merging and shuffling against a naive double-precision count kept in a
 * map: the same pairs and totals whether everything fits in the dense table or a tiny budget
 * forces many spilled runs; the shuffle is a permutation that carries log X and f(X) correctly.
 */
class CooccurrenceCountingTest {
    private static final int V = 300;

    /** Sentences of Zipf-distributed word ids, so that both frequent and rare pairs occur. */
    private static List<int[]> sentences(int count, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] cumulative = new double[V];
        double sum = 0;
        for (int w = 0; w < V; w++) {
            sum += 1.0 / (w + 1);
            cumulative[w] = sum;
        }
        List<int[]> out = new ArrayList<>();
        for (int s = 0; s < count; s++) {
            int[] ids = new int[1 + rnd.nextInt(30)];
            for (int i = 0; i < ids.length; i++) {
                double u = rnd.nextDouble() * sum;
                int w = 0;
                while (cumulative[w] < u) {
                    w++;
                }
                ids[i] = w;
            }
            out.add(ids);
        }
        return out;
    }

    /** The definition: every ordered pair within the window, both directions, 1/distance. */
    private static Map<Long, Double> naive(List<int[]> sentences, int window) {
        Map<Long, Double> x = new HashMap<>();
        for (int[] s : sentences) {
            for (int j = 0; j < s.length; j++) {
                for (int i = Math.max(0, j - window); i < j; i++) {
                    double w = 1.0 / (j - i);
                    x.merge((long) s[i] * V + s[j], w, Double::sum);
                    x.merge((long) s[j] * V + s[i], w, Double::sum);
                }
            }
        }
        return x;
    }

    private static TreeMap<Long, Float> count(CooccurrenceCounter counter, List<int[]> sentences) throws IOException {
        for (int[] s : sentences) {
            counter.addSentence(s, 0, s.length);
        }
        TreeMap<Long, Float> merged = new TreeMap<>();
        long[] last = {-1};
        counter.merge((a, b, x) -> {
            long key = (long) a * V + b;
            assertTrue(key > last[0], "pairs come in (a, b) order, once each");
            last[0] = key;
            merged.put(key, x);
        });
        return merged;
    }

    private static void assertSameCounts(Map<Long, Double> expected, Map<Long, Float> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        for (Map.Entry<Long, Double> e : expected.entrySet()) {
            double want = e.getValue();
            assertEquals(want, actual.get(e.getKey()), 1e-5 * want + 1e-6, "pair " + e.getKey());
        }
    }

    @Test
    void everythingInTheDenseTableGivesTheDefinitionsCounts(@TempDir Path dir) throws IOException {
        List<int[]> corpus = sentences(2_000, 3);
        CooccurrenceCounter counter = new CooccurrenceCounter(V, 5, 64L << 20, dir);
        assertSameCounts(naive(corpus, 5), count(counter, corpus));
        assertEquals(0, counter.runs());
    }

    @Test
    void aTinyBudgetSpillsSortedRunsAndMergesToTheSameCounts(@TempDir Path dir) throws IOException {
        List<int[]> corpus = sentences(4_000, 5);
        long budget = GloVeOptions.MIN_MEMORY_BYTES;
        CooccurrenceCounter counter = new CooccurrenceCounter(V, 7, budget, dir);
        TreeMap<Long, Float> merged = count(counter, corpus);
        assertTrue(counter.runs() >= 3, "runs spilled: " + counter.runs());
        assertTrue(counter.memoryBytes() <= budget, "counting tables " + counter.memoryBytes() + " bytes");
        assertSameCounts(naive(corpus, 7), merged);
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count(), "run files are deleted after the merge");
        }
    }

    /**
     * Both a small buffer and one that grows through several doublings (its arrays start at 65,536
     * entries), filled, combined, filled again past its first length, and combined again.
     */
    @Test
    void pairBufferSortsAndCombinesLikeATreeMap() {
        for (int capacity : new int[] {5_000, 300_000}) {
            SplittableRandom rnd = new SplittableRandom(9);
            long maxKey = (1L << 40) - 1; // three radix passes
            PairBuffer buffer = new PairBuffer(capacity, maxKey);
            TreeMap<Long, Double> expected = new TreeMap<>();
            for (int round = 0; round < 2; round++) {
                while (!buffer.isFull()) {
                    long key = rnd.nextInt(4) == 0 ? rnd.nextLong(maxKey + 1) : rnd.nextLong(50) << 27;
                    float amount = 1f / (1 + rnd.nextInt(10));
                    buffer.add(key, amount);
                    expected.merge(key, (double) amount, Double::sum);
                }
                assertEquals(capacity, buffer.size());
                buffer.sortAndCombine();
                assertEquals(expected.size(), buffer.size(), "capacity " + capacity + ", round " + round);
                int i = 0;
                for (Map.Entry<Long, Double> e : expected.entrySet()) {
                    assertEquals(e.getKey(), buffer.key(i));
                    assertEquals(e.getValue(), buffer.amount(i), 1e-5 * e.getValue());
                    i++;
                }
            }
        }
    }

    @Test
    void shuffleIsAPermutationCarryingLogAndWeight(@TempDir Path dir) throws IOException {
        List<int[]> corpus = sentences(3_000, 11);
        CooccurrenceCounter counter = new CooccurrenceCounter(V, 4, 1L << 20, dir);
        TreeMap<Long, Float> merged = count(counter, corpus);
        double xMax = 3;
        double alpha = 0.75;
        Path out = dir.resolve("shuffled.bin");
        // a small budget: several buckets
        CooccurrenceShuffler shuffler = new CooccurrenceShuffler(
                dir, merged.size(), 64 * 1024, xMax, alpha, new SeededRandom(4), ProgressListener.NONE);
        assertTrue(shuffler.buckets() > 1, "buckets: " + shuffler.buckets());
        for (Map.Entry<Long, Float> e : merged.entrySet()) {
            shuffler.accept((int) (e.getKey() / V), (int) (e.getKey() % V), e.getValue());
        }
        assertEquals(merged.size(), shuffler.finish(out));
        CooccurrenceRecords records = new CooccurrenceRecords(out);
        assertEquals(merged.size(), records.size());
        CooccurrenceRecords.Cursor cursor = records.cursor(0, records.size());
        Map<Long, Float> seen = new HashMap<>();
        long inOrder = 0;
        long previous = -1;
        while (cursor.advance()) {
            long key = (long) cursor.a * V + cursor.b;
            float x = merged.get(key);
            assertEquals(Math.log(x), cursor.logX, 1e-6);
            assertEquals(Math.min(1, Math.pow(x / xMax, alpha)), cursor.weight, 1e-6);
            assertEquals(null, seen.put(key, x), "pair " + key + " appears once");
            if (key > previous) {
                inOrder++;
            }
            previous = key;
        }
        assertEquals(merged.size(), seen.size());
        // a sorted order would have every key above the previous; a shuffled one about half
        assertTrue(inOrder < 0.6 * merged.size(), "records are shuffled: " + inOrder + " of " + merged.size());
        try (var files = Files.list(dir)) {
            assertEquals(List.of(out), files.toList(), "buckets are deleted");
        }
    }

    @Test
    void shuffleOrderDependsOnTheSeedOnly(@TempDir Path dir) throws IOException {
        long[] first = shuffledKeys(dir, 1, "a");
        assertEquals(Arrays.toString(first), Arrays.toString(shuffledKeys(dir, 1, "b")));
        assertNotEquals(Arrays.toString(first), Arrays.toString(shuffledKeys(dir, 2, "c")));
    }

    private static long[] shuffledKeys(Path dir, long seed, String name) throws IOException {
        Path out = dir.resolve(name + ".bin");
        CooccurrenceShuffler shuffler =
                new CooccurrenceShuffler(dir, 1000, 1 << 20, 10, 0.75, new SeededRandom(seed), ProgressListener.NONE);
        for (int k = 0; k < 1000; k++) {
            shuffler.accept(k / V, k % V, 1 + k);
        }
        shuffler.finish(out);
        long[] keys = new long[1000];
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(out)).order(ByteOrder.LITTLE_ENDIAN);
        for (int k = 0; k < 1000; k++) {
            keys[k] = (long) bytes.getInt(16 * k) * V + bytes.getInt(16 * k + 4);
        }
        return keys;
    }
}
