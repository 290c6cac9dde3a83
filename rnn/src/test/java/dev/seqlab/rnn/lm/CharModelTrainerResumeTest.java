package dev.seqlab.rnn.lm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seqlab.core.progress.ProgressListener;
import dev.seqlab.core.train.RunControl;
import dev.seqlab.rnn.cell.CellKind;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A character model stopped half way and resumed from its checkpoint ends with the weights of an uninterrupted run. */
class CharModelTrainerResumeTest {
    private static final TrainOptions OPTIONS = TrainOptions.defaults()
            .withEpochs(3)
            .withBatchSize(8)
            .withSeqLength(20)
            .withLearningRate(1e-2f)
            .withLrDecay(0.9)
            .withClipValue(0.5f)
            .withSeed(4)
            .withPatience(0);

    private static CharLanguageModel model(TrainingData data) {
        return CharLanguageModel.create(data.vocabulary(), new CharModelOptions(CellKind.GRU, 16, 2, 0.2f), 5);
    }

    @Test
    void stoppedAndResumedEqualsUninterrupted(@TempDir Path dir) {
        TrainingData data = TrainingData.text(CharLanguageModelTest.grammarText(120, 3));
        CharLanguageModel straight = model(data);
        TrainingReport full = CharModelTrainer.train(straight, data, OPTIONS, ProgressListener.NONE);

        Path file = dir.resolve("checkpoint.safetensors");
        int half = full.batchLoss().size() / 2;
        AtomicInteger asked = new AtomicInteger();
        CharLanguageModel first = model(data);
        TrainingReport stopped = CharModelTrainer.train(
                first,
                data,
                OPTIONS,
                ProgressListener.NONE,
                RunControl.checkpointTo(file).withStopRequested(() -> asked.incrementAndGet() > half));
        assertTrue(stopped.stopRequested());
        assertEquals(half, stopped.batchLoss().size());

        CharLanguageModel second = model(data);
        TrainingReport resumed = CharModelTrainer.train(
                second,
                data,
                OPTIONS,
                ProgressListener.NONE,
                RunControl.checkpointTo(file).resuming());
        assertArrayEquals(straight.parameters().snapshot(), second.parameters().snapshot());
        assertEquals(full.trainLoss(), resumed.trainLoss());
        assertEquals(full.validationLoss(), resumed.validationLoss());
        assertEquals(full.batchLoss(), resumed.batchLoss());
        assertEquals(full.characters(), resumed.characters());

        TrainingReport atOnce = CharModelTrainer.train(
                model(data),
                data,
                OPTIONS,
                ProgressListener.NONE,
                RunControl.checkpointTo(dir.resolve("at-once.safetensors")).withStopRequested(() -> true));
        assertTrue(atOnce.stopRequested());
        assertTrue(Double.isNaN(atOnce.finalTrainLoss()), "no epoch finished: " + atOnce.trainLoss());
    }
}
