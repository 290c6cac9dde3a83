package dev.seqlab.rnn.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seqlab.core.gradcheck.GradientChecker;
import dev.seqlab.core.random.SeededRandom;
import dev.seqlab.rnn.cell.CellKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SequenceClassifierTest {

    /**
     * Sequences of filler tokens (3..11) holding token 1 and token 2 once each at random places:
     * label 1 when 1 comes before 2. Only a model that reads the order can beat 50%.
     */
    static List<int[]> orderTask(int n, SeededRandom rng, int[] labels) {
        List<int[]> seqs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int len = 4 + rng.nextInt(6);
            int[] s = new int[len];
            for (int t = 0; t < len; t++) {
                s[t] = 3 + rng.nextInt(9);
            }
            int a = rng.nextInt(len);
            int b;
            do {
                b = rng.nextInt(len);
            } while (b == a);
            s[a] = 1;
            s[b] = 2;
            labels[i] = a < b ? 1 : 0;
            seqs.add(s);
        }
        return seqs;
    }

    @ParameterizedTest(name = "{0} bidirectional={1}")
    @CsvSource({"LSTM, false", "GRU, true"})
    void gradientsOfTheWholeModelMatchFiniteDifferences(CellKind cell, boolean bidi) {
        SequenceClassifier c = SequenceClassifier.create(
                ClassifierOptions.defaults()
                        .withVocabulary(12)
                        .withEmbeddingDim(4)
                        .withCell(cell)
                        .withHidden(5)
                        .withLayers(2)
                        .withBidirectional(bidi)
                        .withClasses(3),
                3);
        List<int[]> seqs = List.of(new int[] {3, 1, 4}, new int[] {5, 9, 2, 6, 5}, new int[] {7});
        int[] labels = {2, 0, 1};
        GradientChecker.check(
                        c.parameters().list(),
                        () -> {
                            float[] p = c.probabilities(seqs);
                            double loss = 0;
                            for (int i = 0; i < 3; i++) {
                                loss -= Math.log(p[i * 3 + labels[i]]);
                            }
                            return loss / 3;
                        },
                        () -> {
                            c.parameters().zeroGrads();
                            c.trainStep(seqs, labels, new SeededRandom(1));
                        },
                        GradientChecker.Options.float32())
                .assertBelow(2e-3);
    }

    @Test
    void learnsATaskThatNeedsWordOrder() {
        SeededRandom rng = new SeededRandom(11);
        int[] trainY = new int[600];
        int[] testY = new int[300];
        List<int[]> train = orderTask(600, rng, trainY);
        List<int[]> test = orderTask(300, rng, testY);
        SequenceClassifier c = SequenceClassifier.create(
                ClassifierOptions.defaults()
                        .withVocabulary(12)
                        .withEmbeddingDim(8)
                        .withHidden(24),
                5);
        double[] losses = c.fit(train, trainY, 25, 32, 1e-2f, 7);
        double acc = c.accuracy(test, testY);
        System.out.printf(
                "order task: loss %.3f → %.3f, held-out accuracy %.3f (chance 0.5)%n",
                losses[0], losses[losses.length - 1], acc);
        assertTrue(acc > 0.9, "held-out accuracy " + acc);
    }

    @Test
    void frozenPretrainedEmbeddingsStayPut() {
        SequenceClassifier c = SequenceClassifier.create(
                ClassifierOptions.defaults()
                        .withVocabulary(12)
                        .withEmbeddingDim(3)
                        .withCell(CellKind.GRU)
                        .withHidden(6)
                        .withLayers(2)
                        .withDropout(0.3f),
                1);
        float[] rows = new float[12 * 3];
        SeededRandom rng = new SeededRandom(2);
        for (int i = 0; i < rows.length; i++) {
            rows[i] = (float) rng.nextGaussian();
        }
        c.setEmbeddings(rows, true);
        float[] before = c.parameters().get("embedding.E").value().data().clone();
        int[] y = new int[50];
        c.fit(orderTask(50, rng, y), y, 2, 10, 1e-2f, 3);
        assertArrayEquals(before, c.parameters().get("embedding.E").value().data());
        assertThrows(IllegalArgumentException.class, () -> c.setEmbeddings(new float[5], false));
        assertThrows(IllegalArgumentException.class, () -> c.predict(new int[0]));
    }
}
