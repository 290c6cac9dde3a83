package dev.seqlab.attention.seq2seq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.seqlab.attention.model.Prediction;
import dev.seqlab.core.gradcheck.GradientChecker;
import org.junit.jupiter.api.Test;

class AttentionSeq2SeqTest {

    @Test
    void gradientsThroughDecoderAttentionAndEncoderMatchFiniteDifferences() {
        Seq2SeqOptions o = Seq2SeqOptions.defaults()
                .withVocabularies(6, 4)
                .withLengths(5, 3)
                .withEncoderHidden(3)
                .withDecoderHidden(4)
                .withAttentionUnits(3);
        AttentionSeq2Seq m = AttentionSeq2Seq.create(o, 1);
        int[][] x = {{1, 2, 3, 0, 0}, {5, 4, 3, 2, 1}};
        int[][] y = {{0, 3, 1}, {2, 2, 3}};
        GradientChecker.check(
                        m.parameters().list(),
                        () -> {
                            double loss = 0;
                            AttentionSeq2Seq.Pass p = m.forward(x);
                            for (int t = 0; t < 3; t++) {
                                float[] l = p.logits().get(t);
                                for (int b = 0; b < 2; b++) {
                                    double max = Double.NEGATIVE_INFINITY;
                                    for (int v = 0; v < 4; v++) {
                                        max = Math.max(max, l[b * 4 + v]);
                                    }
                                    double sum = 0;
                                    for (int v = 0; v < 4; v++) {
                                        sum += Math.exp(l[b * 4 + v] - max);
                                    }
                                    loss -= l[b * 4 + y[b][t]] - max - Math.log(sum);
                                }
                            }
                            return loss / 6;
                        },
                        () -> {
                            m.parameters().zeroGrads();
                            m.trainStep(x, y);
                        },
                        GradientChecker.Options.float32())
                .assertBelow(2e-3);
    }

    @Test
    void predictionGivesProbabilitiesAndAttentionRowsThatSumToOne() {
        AttentionSeq2Seq m = AttentionSeq2Seq.create(
                Seq2SeqOptions.defaults()
                        .withVocabularies(6, 4)
                        .withLengths(5, 3)
                        .withEncoderHidden(3)
                        .withDecoderHidden(4)
                        .withAttentionUnits(3),
                2);
        Prediction p = m.predict(new int[] {1, 2, 0, 0, 0});
        assertEquals(3, p.ids().length);
        for (float[] row : p.attention()) {
            double sum = 0;
            for (float w : row) {
                sum += w;
            }
            assertEquals(1.0, sum, 1e-6);
            assertEquals(0f, row[2]);
        }
        assertThrows(IllegalArgumentException.class, () -> m.predict(new int[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> m.predict(new int[] {9, 0, 0, 0, 0}));
    }

    @Test
    void decodingABatchGivesTheIdsPredictChoosesForEachInput() {
        AttentionSeq2Seq m = AttentionSeq2Seq.create(
                Seq2SeqOptions.defaults()
                        .withVocabularies(6, 4)
                        .withLengths(5, 3)
                        .withEncoderHidden(3)
                        .withDecoderHidden(4)
                        .withAttentionUnits(3),
                4);
        int[][] x = {{1, 2, 0, 0, 0}, {5, 4, 3, 2, 1}, {3, 0, 0, 0, 0}, {2, 2, 5, 1, 0}};
        int[][] ids = m.decode(x);
        assertEquals(x.length, ids.length);
        for (int b = 0; b < x.length; b++) {
            assertArrayEquals(m.predict(x[b]).ids(), ids[b], "input " + b);
        }
    }
}
