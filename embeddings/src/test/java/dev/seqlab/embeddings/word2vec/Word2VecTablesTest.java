package dev.seqlab.embeddings.word2vec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The tables word2vec samples from, against values worked out by hand: Huffman codes and points,
 * the unigram^0.75 negative-sampling distribution, subsampling keep probabilities, the sigmoid
 * table.
 */
class Word2VecTablesTest {

    /**
     * Counts 5,4,3,2,1. Merges (the C tool's two queues, inner node first at equal counts):
     * 1+2 → n5 (3), n5+3 → n6 (6; n5 taken first at the tie 3 = 3), 4+5 → n7 (9), n6+n7 → n8 (15,
     * the root). The second node taken at each merge is the right (1) child. Inner nodes are
     * numbered from 0 (n5) to 3 (the root).
     */
    @Test
    void huffmanCodesAndPointsByHand() {
        HuffmanTree t = HuffmanTree.build(new long[] {5, 4, 3, 2, 1});
        assertEquals(5, t.size());
        int[][] codes = {{1, 1}, {1, 0}, {0, 1}, {0, 0, 1}, {0, 0, 0}};
        int[][] points = {{3, 2}, {3, 2}, {3, 1}, {3, 1, 0}, {3, 1, 0}};
        for (int w = 0; w < 5; w++) {
            assertArrayEquals(codes[w], t.code(w), "code of word " + w);
            assertArrayEquals(points[w], t.points(w), "points of word " + w);
            assertEquals(codes[w].length, t.codeLength(w));
        }
        // optimal: total weighted length 5·2 + 4·2 + 3·2 + 2·3 + 1·3 = 33, the sum of the merges 3+6+9+15
        long weighted = 0;
        long[] counts = {5, 4, 3, 2, 1};
        for (int w = 0; w < 5; w++) {
            weighted += counts[w] * t.codeLength(w);
        }
        assertEquals(33, weighted);
    }

    @Test
    void huffmanTwoWordsAndBadInput() {
        HuffmanTree t = HuffmanTree.build(new long[] {7, 7});
        assertArrayEquals(new int[] {1}, t.code(0));
        assertArrayEquals(new int[] {0}, t.code(1));
        assertArrayEquals(new int[] {0}, t.points(0));
        assertThrows(IllegalArgumentException.class, () -> HuffmanTree.build(new long[] {1}));
        assertThrows(IllegalArgumentException.class, () -> HuffmanTree.build(new long[] {1, 2}));
    }

    /** Counts 16, 81, 1: weights 16^0.75 = 8, 81^0.75 = 27, 1 → probabilities 8/36, 27/36, 1/36. */
    @Test
    void negativeSamplingFollowsTheSmoothedUnigramDistribution() {
        NegativeSamplingTable table = NegativeSamplingTable.build(new long[] {16, 81, 1});
        double[] expected = {8 / 36.0, 27 / 36.0, 1 / 36.0};
        int[] hits = new int[3];
        SplittableRandom rnd = new SplittableRandom(2);
        int n = 3_000_000;
        for (int i = 0; i < n; i++) {
            hits[table.sample(rnd.nextLong())]++;
        }
        for (int w = 0; w < 3; w++) {
            assertEquals(expected[w], table.probability(w), 1e-9, "table probability of word " + w);
            double sd = Math.sqrt(expected[w] * (1 - expected[w]) / n);
            assertEquals(expected[w], hits[w] / (double) n, 5 * sd, "drawn share of word " + w);
        }
        assertThrows(IllegalArgumentException.class, () -> NegativeSamplingTable.build(new long[0]));
        assertThrows(IllegalArgumentException.class, () -> NegativeSamplingTable.build(new long[] {3, 0}));
    }

    /**
     * keep = (√(c / (s·T)) + 1) · s·T / c, capped at 1. With T = 1,000,000 and s = 1e-3 (s·T = 1000):
     * c = 4000 → (2 + 1)/4 = 0.75; c = 9000 → (3 + 1)/9; c = 1000 → 2, capped to 1.
     */
    @Test
    void subsamplingKeepProbabilitiesByHand() {
        assertEquals(0.75, Subsampling.keepProbability(4000, 1_000_000, 1e-3), 1e-12);
        assertEquals(4 / 9.0, Subsampling.keepProbability(9000, 1_000_000, 1e-3), 1e-12);
        assertEquals(1.0, Subsampling.keepProbability(1000, 1_000_000, 1e-3), 0);
        assertEquals(1.0, Subsampling.keepProbability(1_000_000, 1_000_000, 0), 0);
        Subsampling s = Subsampling.of(new long[] {4000, 9000, 10}, 1_000_000, 1e-3);
        assertEquals(0.75, s.keepProbability(0), 1e-9);
        assertEquals(4 / 9.0, s.keepProbability(1), 1e-9);
        assertEquals(1.0, s.keepProbability(2), 0);
        // 32 random bits below the threshold keep the word: 0.75 of all values for word 0
        assertEquals(true, s.keep(0, (long) (0.7499 * 0x1p32)));
        assertEquals(false, s.keep(0, (long) (0.7501 * 0x1p32)));
        assertEquals(true, s.keep(2, 0xFFFFFFFFL));
    }

    @Test
    void sigmoidTableIsWithinItsStep() {
        for (float x = -5.99f; x < 6f; x += 0.037f) {
            double exact = 1 / (1 + Math.exp(-x));
            // one table step is 12/4096 wide; sigmoid's slope is at most 1/4
            assertEquals(exact, SigmoidTable.sigmoid(x), 0.25 * 12.0 / 4096 + 1e-7, "sigmoid(" + x + ")");
        }
    }
}
