package dev.seqlab.generators.dates;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seqlab.core.checkpoint.TrainingStoppedException;
import dev.seqlab.core.progress.ProgressListener;
import dev.seqlab.core.train.RunControl;
import dev.seqlab.generators.dates.DateNormalizer.Architecture;
import dev.seqlab.generators.dates.DateNormalizer.Training;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A date model whose training is stopped on request, then resumed from its checkpoint (stopped a
 * second time, resumed again), saves the same bytes as one trained without a stop.
 */
class DateNormalizerResumeTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Architecture.class)
    void stoppedTwiceAndResumedSavesTheBytesOfAnUninterruptedRun(Architecture a) throws Exception {
        Training t = Training.defaults(a).withSize(640, 2); // 10 batches of 64 per epoch
        DateNormalizer.train(t, ProgressListener.NONE).save(dir.resolve("straight"));

        Path checkpoint = dir.resolve("training.checkpoint");
        TrainingStoppedException first = assertThrows(
                TrainingStoppedException.class,
                () -> DateNormalizer.train(t, ProgressListener.NONE, stopAfter(checkpoint, 4)));
        assertEquals(4, first.stepsDone());
        assertEquals(20, first.stepsTotal());
        TrainingStoppedException second = assertThrows(
                TrainingStoppedException.class,
                () -> DateNormalizer.train(
                        t, ProgressListener.NONE, stopAfter(checkpoint, 9).resuming()));
        assertEquals(13, second.stepsDone(), "resumed at step 4, stopped 9 steps later, in the second epoch");
        DateNormalizer.train(
                        t,
                        ProgressListener.NONE,
                        RunControl.checkpointTo(checkpoint).resuming())
                .save(dir.resolve("resumed"));

        for (String file : new String[] {"model.safetensors", "config.json"}) {
            assertArrayEquals(
                    Files.readAllBytes(dir.resolve("straight").resolve(file)),
                    Files.readAllBytes(dir.resolve("resumed").resolve(file)),
                    file);
        }
        assertTrue(Files.size(checkpoint) > 0);
    }

    private static RunControl stopAfter(Path checkpoint, int steps) {
        AtomicInteger asked = new AtomicInteger();
        return RunControl.checkpointTo(checkpoint).withStopRequested(() -> asked.incrementAndGet() > steps);
    }
}
