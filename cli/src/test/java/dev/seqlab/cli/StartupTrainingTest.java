package dev.seqlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's class-data training run succeeds: every command it runs gives its expected status. */
class StartupTrainingTest {

    @Test
    void everyTrainingCommandRuns(@TempDir Path dir) throws Exception {
        List<String> failed = StartupTraining.run(dir.resolve("files"));
        assertEquals(List.of(), failed);
        assertTrue(Files.size(dir.resolve("files").resolve("vectors.seqlab")) > 0);
    }
}
