package dev.seqlab.spark.word2vec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seqlab.embeddings.word2vec.Word2VecOptions;
import org.junit.jupiter.api.Test;

/**
 * The scaled sum: the sum for rows a round barely moves, the average for rows each partition
 * drives to their target, and in between the merge that equals sequential training on the
 * quadratic model.
 */
class MergeScaleTest {

    @Test
    void theScaleGoesFromTheSumToTheAverageAsARowSaturates() {
        assertEquals(1f, MergeScale.scaled(0, 4));
        assertEquals(1f, MergeScale.scaled(1e6, 1), "a row one partition changed keeps its change");
        assertEquals(1f, MergeScale.scaled(1e-9, 4), 1e-6f);
        assertEquals(0.25f, MergeScale.scaled(1e9, 4), 1e-6f);
        assertEquals(0.25f, MergeScale.scaled(Double.POSITIVE_INFINITY, 4));
        float previous = 1f;
        for (double u = 0.01; u < 1000; u *= 2) {
            float s = MergeScale.scaled(u, 4);
            assertTrue(s < previous && s > 0.25f, "u " + u + ": " + s);
            previous = s;
        }
    }

    @Test
    void theScaledSumEqualsSequentialTrainingOnTheQuadraticModel() {
        // each of t partitions leaves a fraction c of the error; in sequence they would leave c^t
        for (int t = 2; t <= 8; t++) {
            for (double u : new double[] {0.1, 1, 3, 30}) {
                double c = 1 / (1 + u);
                double s = MergeScale.scaled(u, t);
                assertEquals(Math.pow(c, t), 1 - s * t * (1 - c), 1e-6, "t " + t + ", u " + u);
            }
        }
    }

    @Test
    void frequentWordsAndNegativeDrawsCountAsMoreUpdates() {
        long[] counts = {10_000, 1_000, 100, 10};
        Word2VecOptions o = Word2VecOptions.defaults().withSample(0).withObjective(5, false);
        double[][] perWord = MergeScale.updatesPerWord(counts, 12_000, 11_110, o);
        assertEquals(10_000.0 / 12_000 / MergeScale.SATURATION, perWord[0][0], 1e-12);
        for (int w = 1; w < counts.length; w++) {
            assertTrue(perWord[0][w] < perWord[0][w - 1]);
            assertTrue(perWord[1][w] > perWord[0][w], "output rows are also drawn as negatives");
        }
        MergeScale round = MergeScale.of(Synchronisation.SCALED_SUM, 4, perWord, 12_000, 1);
        assertTrue(round.of(0, 0, 4) < round.of(0, 3, 4));
        assertEquals(1f, round.of(0, 0, 1));
        assertEquals(0.25f, round.of(2, 0, 4), "tree rows are averaged");
    }
}
