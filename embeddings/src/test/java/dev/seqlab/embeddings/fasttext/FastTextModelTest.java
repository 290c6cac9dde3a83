package dev.seqlab.embeddings.fasttext;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seqlab.embeddings.store.FloatRows;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FastTextModelTest {
    private static final int DIM = 4;
    private static final int BUCKET = 50;

    @Test
    void knownWordsAverageTheirOwnRowAndTheirNgramRows() {
        FastTextModel m = model(FastTextArgs.defaults().withDim(DIM).withBucket(BUCKET));
        int id = m.dictionary().id("cat");
        int[] rows = m.subwordRows("cat");
        assertEquals(id, rows[0]);
        assertArrayEquals(Subwords.ngramRows("cat", 3, 6, BUCKET, 3), Arrays.copyOfRange(rows, 1, rows.length));
        assertArrayEquals(average(m, rows), m.wordVector("cat"));
    }

    @Test
    void unknownWordsAverageTheirNgramRowsOnly() {
        FastTextModel m = model(FastTextArgs.defaults().withDim(DIM).withBucket(BUCKET));
        int[] rows = m.subwordRows("cats");
        assertArrayEquals(Subwords.ngramRows("cats", 3, 6, BUCKET, 3), rows);
        assertTrue(rows.length > 0);
        assertArrayEquals(average(m, rows), m.wordVector("cats"));
    }

    @Test
    void withoutNgramsUnknownWordsAreZeroAndKnownWordsTheirOwnRow() {
        FastTextModel m =
                model(FastTextArgs.defaults().withDim(DIM).withNgrams(0, 0).withBucket(0));
        assertArrayEquals(new float[DIM], m.wordVector("cats"));
        float[] own = new float[DIM];
        m.input().copyRows(m.dictionary().id("dog"), 1, own, 0);
        assertArrayEquals(own, m.wordVector("dog"));
    }

    @Test
    void endOfSentenceHasOnlyItsOwnRow() {
        FastTextModel m = model(FastTextArgs.defaults().withDim(DIM).withBucket(BUCKET));
        assertArrayEquals(new int[] {0}, m.subwordRows(Subwords.EOS));
    }

    @Test
    void prunedModelsKeepOnlyMappedBuckets() {
        FastTextArgs args = FastTextArgs.defaults().withDim(DIM).withBucket(BUCKET);
        int[] buckets = Subwords.ngramBuckets("cats", 3, 6, BUCKET);
        Map<Integer, Integer> prune = Map.of(buckets[1], 0, buckets[3], 1);
        String[] words = {Subwords.EOS, "cat", "dog"};
        FastTextDictionary d = new FastTextDictionary(words, new long[] {3, 2, 1}, new byte[3], 6, prune);
        FastTextModel m = new FastTextModel(args, d, rows(3 + 2), rows(3));
        assertArrayEquals(new int[] {3, 4}, m.ngramRows("cats"));
        FastTextDictionary none = new FastTextDictionary(words, new long[] {3, 2, 1}, new byte[3], 6, Map.of());
        assertArrayEquals(new int[0], new FastTextModel(args, none, rows(3), rows(3)).ngramRows("cats"));
    }

    @Test
    void shapesAreChecked() {
        FastTextArgs args = FastTextArgs.defaults().withDim(DIM).withBucket(BUCKET);
        FastTextDictionary d = dictionary();
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new FastTextModel(args, d, rows(3), rows(3)));
        assertTrue(e.getMessage().contains("input matrix is 3 × 4, expected 53 × 4"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new FastTextModel(args, d, rows(53), rows(2)));
        assertTrue(e.getMessage().contains("output matrix is 2 × 4, expected 3 × 4"), e.getMessage());
    }

    @Test
    void dictionaryKeepsWordsBeforeLabels() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> new FastTextDictionary(
                        new String[] {"__label__a", "b"}, new long[] {1, 1}, new byte[] {1, 0}, 2, null));
        assertTrue(e.getMessage().contains("entry 1 ('b') is a word after a label"), e.getMessage());
        FastTextDictionary d =
                new FastTextDictionary(new String[] {"b", "__label__a"}, new long[] {1, 1}, new byte[] {0, 1}, 2, null);
        assertEquals(1, d.nwords());
        assertEquals(1, d.nlabels());
        assertEquals(List.of("b"), d.words());
    }

    @Test
    void argsValidateAndRoundTheirCodes() {
        assertThrows(
                IllegalArgumentException.class, () -> FastTextArgs.defaults().withDim(0));
        assertThrows(
                IllegalArgumentException.class, () -> FastTextArgs.defaults().withBucket(0));
        assertEquals(0, FastTextArgs.defaults().withNgrams(0, 0).withBucket(0).bucket());
        for (FastTextLoss l : FastTextLoss.values()) {
            assertEquals(l, FastTextLoss.ofCode(l.code()));
        }
        for (FastTextArchitecture a : FastTextArchitecture.values()) {
            assertEquals(a, FastTextArchitecture.ofCode(a.code()));
        }
        assertThrows(IllegalArgumentException.class, () -> FastTextArchitecture.ofCode(4));
        FastTextArgs a = FastTextArgs.defaults()
                .withWs(3)
                .withEpoch(2)
                .withMinCount(1)
                .withNeg(7)
                .withWordNgrams(2)
                .withLoss(FastTextLoss.HS)
                .withModel(FastTextArchitecture.CBOW)
                .withLrUpdateRate(50)
                .withT(1e-3);
        assertEquals(
                new FastTextArgs(
                        100, 3, 2, 1, 7, 2, FastTextLoss.HS, FastTextArchitecture.CBOW, 2_000_000, 3, 6, 50, 1e-3),
                a);
    }

    private static float[] average(FastTextModel m, int[] rows) {
        float[] sum = new float[DIM];
        float[] row = new float[DIM];
        for (int r : rows) {
            m.input().copyRows(r, 1, row, 0);
            for (int j = 0; j < DIM; j++) {
                sum[j] += row[j];
            }
        }
        for (int j = 0; j < DIM; j++) {
            sum[j] *= (float) (1.0 / rows.length);
        }
        return sum;
    }

    private static FastTextDictionary dictionary() {
        return FastTextDictionary.ofWords(List.of(Subwords.EOS, "cat", "dog"), new long[] {3, 2, 1}, 6);
    }

    private static FastTextModel model(FastTextArgs args) {
        return new FastTextModel(args, dictionary(), rows(3 + args.bucket()), rows(3));
    }

    private static FloatRows rows(int n) {
        Random r = new Random(n);
        float[] m = new float[n * DIM];
        for (int i = 0; i < m.length; i++) {
            m[i] = r.nextFloat() - 0.5f;
        }
        return FloatRows.of(m, n, DIM);
    }
}
