package dev.seqlab.embeddings.fasttext.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.seqlab.embeddings.word2vec.JobRandom;
import dev.seqlab.embeddings.word2vec.NegativeSamplingTable;
import org.junit.jupiter.api.Test;

/**
 * fastText's negative table (loss.cc, {@code NegativeSamplingLoss}): word i takes
 * {@code ceil(sqrt(count_i) * 10^7 / sum sqrt(count))} entries.
 */
class FastTextNegativesTest {
    @Test
    void roundsEveryWordsShareUp() {
        // sqrt: 10 and 1, sum 11: 9,090,909.09 and 909,090.91 entries; in float the first loses its
        // fraction (one unit apart at 9M), the second is rounded up
        assertArrayEquals(new long[] {9_090_909, 909_091}, FastTextNegatives.entries(new long[] {100, 1}));
        // exact shares stay as they are
        assertArrayEquals(
                new long[] {4_000_000, 4_000_000, 2_000_000}, FastTextNegatives.entries(new long[] {4, 4, 1}));
    }

    @Test
    void drawsInProportionToTheEntries() {
        NegativeSamplingTable table = FastTextNegatives.of(new long[] {100, 1});
        JobRandom random = new JobRandom(3);
        random.startJob(0);
        int draws = 2_000_000;
        int rare = 0;
        for (int i = 0; i < draws; i++) {
            rare += table.sample(random.next()) == 1 ? 1 : 0;
        }
        double expected = 909_091.0 / (9_090_909 + 909_091);
        assertEquals(expected, rare / (double) draws, 5 * Math.sqrt(expected * (1 - expected) / draws));
    }
}
