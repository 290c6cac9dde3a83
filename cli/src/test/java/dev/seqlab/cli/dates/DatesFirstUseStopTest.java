package dev.seqlab.cli.dates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seqlab.cli.CliRun;
import dev.seqlab.cli.training.Checkpointing;
import dev.seqlab.cli.training.StopOnSignal;
import dev.seqlab.generators.cache.CachedModel;
import dev.seqlab.generators.dates.DateNormalizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stop request (as Ctrl-C makes) during the first-use training of the date model: the command
 * exits 130 with a checkpoint in the cache directory and no model there, and the next run says it
 * resumes and continues from that checkpoint (stopped again, it reports the later step).
 * DateNormalizerResumeTest shows that a resumed training ends with the uninterrupted weights.
 */
class DatesFirstUseStopTest {
    @TempDir
    Path home;

    @BeforeEach
    void emptyCache() {
        System.setProperty("seqlab.home", home.toString());
    }

    @AfterEach
    void clear() {
        System.clearProperty("seqlab.home");
    }

    private static CliRun stoppedAfter(int steps, String... args) {
        AtomicInteger asked = new AtomicInteger();
        try (StopOnSignal.Extra stop = StopOnSignal.alsoWhen(() -> asked.incrementAndGet() > steps)) {
            return CliRun.of(args);
        }
    }

    @Test
    void stoppedFirstUseTrainingResumesOnTheNextRun() {
        String cache = DateNormalizer.MODEL;
        CliRun first = stoppedAfter(3, "dates", "3 May 1979");
        assertEquals(Checkpointing.STOPPED, first.code(), first.err());
        assertTrue(first.err().contains("seqlab: training the attention date model"), first.err());
        assertTrue(first.err().contains("training stopped after 3 of "), first.err());
        assertTrue(first.err().contains("run the command again to resume"), first.err());
        assertEquals("", first.out(), "no answers from a model that is not trained");
        assertTrue(Files.isRegularFile(CachedModel.checkpoint(cache)), "checkpoint in the cache directory");
        assertFalse(DateNormalizer.cached(DateNormalizer.Architecture.ATTENTION), "no model cached yet");

        CliRun second = stoppedAfter(
                2, "dates", "export", "--out", home.resolve("d.onnx").toString());
        assertEquals(Checkpointing.STOPPED, second.code(), second.err());
        assertTrue(
                second.err().contains("resuming the interrupted training of the attention date model"), second.err());
        assertTrue(second.err().contains("training stopped after 5 of "), "continued from step 3: " + second.err());
        assertFalse(Files.exists(home.resolve("d.onnx")));
        assertFalse(DateNormalizer.cached(DateNormalizer.Architecture.ATTENTION));
    }
}
