package dev.seqlab.attention.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seqlab.attention.seq2seq.AttentionSeq2Seq;
import dev.seqlab.attention.seq2seq.Seq2SeqOptions;
import dev.seqlab.attention.transformer.TransformerOptions;
import dev.seqlab.attention.transformer.TransformerSeq2Seq;
import dev.seqlab.core.optim.ClipPolicy;
import dev.seqlab.core.progress.ProgressListener;
import dev.seqlab.core.random.SeededRandom;
import dev.seqlab.core.train.RunControl;
import dev.seqlab.core.train.TrainingOptions;
import dev.seqlab.core.train.TrainingResult;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Seq2SeqTrainerTest {
    private static final int PAIRS = 330;
    private static final TrainingOptions OPTIONS = TrainingOptions.defaults()
            .withEpochs(3)
            .withBatchSize(16)
            .withLearningRate(1e-2f)
            .withLrDecay(0.8)
            .withClip(ClipPolicy.globalNorm(1.0))
            .withSeed(2);

    /** Reverse five symbols out of 1..6 (0 pads). */
    private static int[][][] reversePairs(long seed) {
        SeededRandom rng = new SeededRandom(seed);
        int[][] x = new int[PAIRS][5];
        int[][] y = new int[PAIRS][5];
        for (int i = 0; i < PAIRS; i++) {
            for (int t = 0; t < 5; t++) {
                x[i][t] = 1 + rng.nextInt(6);
            }
            for (int t = 0; t < 5; t++) {
                y[i][t] = x[i][4 - t];
            }
        }
        return new int[][][] {x, y};
    }

    private static TransformerSeq2Seq transformer() {
        return TransformerSeq2Seq.create(new TransformerOptions(7, 7, 5, 5, 12, 3, 24, 1), 8);
    }

    @Test
    void bothArchitecturesLearnOnFullBatches() {
        int[][][] d = reversePairs(1);
        TrainingResult t = Seq2SeqTrainer.train(transformer(), d[0], d[1], OPTIONS, ProgressListener.NONE);
        AttentionSeq2Seq rnn = AttentionSeq2Seq.create(new Seq2SeqOptions(7, 7, 5, 5, 8, 16, 6), 3);
        TrainingResult a = Seq2SeqTrainer.train(rnn, d[0], d[1], OPTIONS, ProgressListener.NONE);
        for (TrainingResult r : new TrainingResult[] {t, a}) {
            assertEquals(PAIRS / 16, r.batchesPerEpoch(), "the last, smaller batch is left out");
            assertEquals(3L * (PAIRS / 16) * 16, r.weight());
            // below guessing among the six symbols (ln 6 = 1.79 nats), and falling
            assertTrue(
                    r.trainLoss().get(2) < Math.log(6) * 0.9
                            && r.trainLoss().get(2) < r.trainLoss().get(0) * 0.9,
                    "losses " + r.trainLoss());
        }
    }

    @Test
    void aStoppedRunResumesToTheSameWeights(@TempDir Path dir) {
        int[][][] d = reversePairs(1);
        TransformerSeq2Seq straight = transformer();
        Seq2SeqTrainer.train(straight, d[0], d[1], OPTIONS, ProgressListener.NONE);
        Path file = dir.resolve("checkpoint.safetensors");
        AtomicInteger asked = new AtomicInteger();
        TrainingResult stopped = Seq2SeqTrainer.train(
                transformer(),
                d[0],
                d[1],
                OPTIONS,
                ProgressListener.NONE,
                RunControl.checkpointTo(file).withStopRequested(() -> asked.incrementAndGet() > 25));
        assertTrue(stopped.stopRequested());
        TransformerSeq2Seq resumed = transformer();
        Seq2SeqTrainer.train(
                resumed,
                d[0],
                d[1],
                OPTIONS,
                ProgressListener.NONE,
                RunControl.checkpointTo(file).resuming());
        assertArrayEquals(straight.parameters().snapshot(), resumed.parameters().snapshot());
    }

    @Test
    void refusesMismatchedPairs() {
        int[][][] d = reversePairs(1);
        assertThrows(
                IllegalArgumentException.class,
                () -> Seq2SeqTrainer.train(transformer(), d[0], new int[3][5], OPTIONS, ProgressListener.NONE));
    }
}
