package dev.seqlab.embeddings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seqlab.embeddings.fixtures.Vectors;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Queries against hand-worked cosines and against a brute-force double-precision reference. */
class WordVectorsQueryTest {
    private static final double EPS = 1e-6;

    /**
     * Hand-worked 2-D vectors. Directions (angles): a 0°, b 90°, c 45°, d 180°, e 30° (length 2),
     * f 60°, zero has none.
     */
    private static WordVectors plane() {
        double r3 = Math.sqrt(3);
        return Vectors.of(
                List.of("a", "b", "c", "d", "e", "f", "zero"),
                new float[][] {{1, 0}, {0, 3}, {1, 1}, {-2, 0}, {(float) r3, 1}, {0.5f, (float) (r3 / 2)}, {0, 0}});
    }

    @Test
    void similarityIsTheCosine() {
        WordVectors wv = plane();
        assertEquals(0.0, wv.similarity("a", "b"), EPS);
        assertEquals(Math.sqrt(0.5), wv.similarity("a", "c"), EPS);
        assertEquals(-1.0, wv.similarity("a", "d"), EPS);
        assertEquals(Math.cos(Math.toRadians(30)), wv.similarity("e", "f"), EPS);
        assertEquals(1.0, wv.similarity("e", "e"), EPS);
    }

    @Test
    void mostSimilarRanksByCosineExcludesTheWordAndNeverReturnsZeroVectors() {
        List<Neighbor> n = plane().mostSimilar("a", 10);
        // cos to a: e 30° .866, c 45° .707, f 60° .5, b 90° 0, d 180° -1
        assertEquals(List.of("e", "c", "f", "b", "d"), words(n));
        assertEquals(Math.cos(Math.toRadians(30)), n.get(0).score(), EPS);
        assertEquals(0.5, n.get(2).score(), EPS);
        assertEquals(-1.0, n.get(4).score(), EPS);
        assertEquals(List.of("e", "c"), words(plane().mostSimilar("a", 2)));
    }

    @Test
    void positiveAndNegativeAverageTheUnitVectors() {
        // mean of unit(a) and unit(b) points at 45°; c is exact, then e (15° off) and f (15° off):
        // equal cosines come out in vocabulary order
        List<Neighbor> n = plane().mostSimilar(List.of("a", "b"), List.of(), 3);
        assertEquals(List.of("c", "e", "f"), words(n));
        assertEquals(1.0, n.get(0).score(), EPS);
        assertEquals(n.get(1).score(), n.get(2).score(), EPS);
        // b - d: unit(b) - unit(d) = (1, 1) → 45° again, query words excluded
        assertEquals(List.of("c", "e", "f", "a"), words(plane().mostSimilar(List.of("b"), List.of("d"), 4)));
    }

    @Test
    void restrictVocabSearchesOnlyTheFirstWords() {
        WordVectors wv = plane();
        assertEquals(List.of("c", "b"), words(wv.mostSimilar(List.of("a"), List.of(), 5, 3)));
    }

    @Test
    void similarByVectorExcludesNothing() {
        List<Neighbor> n = plane().similarByVector(new float[] {5, 0}, 2);
        assertEquals(List.of("a", "e"), words(n));
        assertEquals(1.0, n.get(0).score(), EPS);
        assertThrows(IllegalArgumentException.class, () -> plane().similarByVector(new float[] {1, 2, 3}, 2));
    }

    @Test
    void cosMulFollowsLevyAndGoldbergWithShiftedCosines() {
        WordVectors wv = plane();
        // analogy a : b :: f : ?  positive {b, f}, negative {a}
        List<Neighbor> n = wv.analogy("a", "b", "f", AnalogyMethod.MUL, 10);
        List<String> candidates = List.of("c", "d", "e", "zero");
        List<Neighbor> expected = new ArrayList<>();
        for (String x : candidates) {
            if (x.equals("zero")) {
                continue;
            }
            double pb = (1 + wv.similarity(x, "b")) / 2;
            double pf = (1 + wv.similarity(x, "f")) / 2;
            double na = (1 + wv.similarity(x, "a")) / 2;
            expected.add(new Neighbor(x, pb * pf / (na + 1e-6)));
        }
        expected.sort(Comparator.comparingDouble(Neighbor::score).reversed());
        assertEquals(words(expected), words(n));
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(
                    expected.get(i).score(),
                    n.get(i).score(),
                    1e-4 * expected.get(i).score());
        }
    }

    @Test
    void analogyAddIsMostSimilarOfBMinusAPlusC() {
        WordVectors wv = plane();
        // b - a + f (unit vectors): (0,1) - (1,0) + (.5,.866) = (-.5, 1.866), pointing at 105°. With a, b, f
        // excluded: c (45°) is 60° away, d (180°) and e (30°) 75° away, in vocabulary order
        List<Neighbor> n = wv.analogy("a", "b", "f", AnalogyMethod.ADD, 3);
        assertEquals("c", n.get(0).word());
        assertEquals(0.5, n.get(0).score(), 1e-6);
        assertEquals(Math.cos(Math.toRadians(75)), n.get(1).score(), 1e-6);
        assertEquals(List.of("d", "e"), words(n).subList(1, 3));
    }

    @Test
    void doesntMatchFindsTheOddOneOut() {
        assertEquals("d", plane().doesntMatch(List.of("a", "c", "e", "d")));
        assertEquals("b", plane().doesntMatch(List.of("a", "e", "b")));
    }

    @Test
    void nSimilarityUsesTheMeansOfRawVectors() {
        WordVectors wv = plane();
        // mean(a, b) = (.5, 1.5) (raw, b is 3 long), mean(d) = (-2, 0): cos = -.5 / sqrt(2.5)
        assertEquals(-0.5 / Math.sqrt(2.5), wv.nSimilarity(List.of("a", "b"), List.of("d")), EPS);
        assertThrows(IllegalArgumentException.class, () -> wv.nSimilarity(List.of(), List.of("a")));
    }

    @Test
    void unknownWordsAreErrorsWithSpellingSuggestions() {
        WordVectors wv =
                Vectors.of(List.of("king", "queen", "kings", "man"), new float[][] {{1, 0}, {0, 1}, {1, 1}, {1, 2}});
        UnknownWordException e = assertThrows(UnknownWordException.class, () -> wv.mostSimilar("kign", 3));
        assertEquals("kign", e.word());
        assertTrue(e.suggestions().contains("king"), e.getMessage());
        assertTrue(e.getMessage().startsWith("unknown word 'kign'; did you mean king"), e.getMessage());
        assertThrows(UnknownWordException.class, () -> wv.similarity("king", "woman"));
        assertThrows(IllegalArgumentException.class, () -> wv.mostSimilar(List.of(), List.of(), 3));
        assertThrows(IllegalArgumentException.class, () -> wv.mostSimilar("king", 0));
    }

    @Test
    void vectorsAndUnitVectors() {
        WordVectors wv = plane();
        assertArrayEquals(new float[] {0, 3}, wv.vector("b"));
        assertArrayEquals(new float[] {0, 1}, wv.unitVector("b"), 1e-7f);
        assertEquals(2f, wv.norm(wv.indexOf("e")), 1e-6f);
        assertEquals(-1, wv.indexOf("nope"));
    }

    /** Top-10 of many random queries equals an independent double-precision brute force. */
    @Test
    void mostSimilarEqualsBruteForceOnRandomVectorsLargeEnoughToRunInParallel() {
        int n = 30_000;
        int dim = 50;
        Random r = new Random(11);
        float[] m = new float[n * dim];
        List<String> words = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            words.add("w" + i);
            for (int k = 0; k < dim; k++) {
                m[i * dim + k] = (float) r.nextGaussian();
            }
        }
        WordVectors wv = WordVectors.of(words, m, dim);
        for (int q = 0; q < 20; q++) {
            int a = r.nextInt(n);
            int b = r.nextInt(n);
            int c = r.nextInt(n);
            double[] query = new double[dim];
            for (int k = 0; k < dim; k++) {
                query[k] = unit(m, b, dim)[k] + unit(m, c, dim)[k] - unit(m, a, dim)[k];
            }
            int[] expected = IntStream.range(0, n)
                    .filter(i -> i != a && i != b && i != c)
                    .boxed()
                    .sorted(Comparator.comparingDouble(i -> -cos(m, i, dim, query)))
                    .limit(10)
                    .mapToInt(Integer::intValue)
                    .toArray();
            List<Neighbor> got = wv.analogy("w" + a, "w" + b, "w" + c, AnalogyMethod.ADD, 10);
            for (int j = 0; j < 10; j++) {
                assertEquals("w" + expected[j], got.get(j).word(), "query " + q + " rank " + j);
                assertEquals(cos(m, expected[j], dim, query), got.get(j).score(), 1e-5);
            }
        }
    }

    private static double[] unit(float[] m, int row, int dim) {
        double s = 0;
        for (int k = 0; k < dim; k++) {
            s += (double) m[row * dim + k] * m[row * dim + k];
        }
        double[] u = new double[dim];
        for (int k = 0; k < dim; k++) {
            u[k] = m[row * dim + k] / Math.sqrt(s);
        }
        return u;
    }

    private static double cos(float[] m, int row, int dim, double[] q) {
        double dot = 0;
        double nq = 0;
        double[] u = unit(m, row, dim);
        for (int k = 0; k < dim; k++) {
            dot += u[k] * q[k];
            nq += q[k] * q[k];
        }
        return dot / Math.sqrt(nq);
    }

    private static List<String> words(List<Neighbor> ns) {
        return ns.stream().map(Neighbor::word).toList();
    }
}
