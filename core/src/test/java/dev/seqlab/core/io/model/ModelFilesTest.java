package dev.seqlab.core.io.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seqlab.core.io.MalformedFileException;
import dev.seqlab.core.param.Parameter;
import dev.seqlab.core.param.Parameters;
import dev.seqlab.core.tensor.Tensor;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFilesTest {

    @Test
    void roundTripAndArchitectureCheck(@TempDir Path dir) throws Exception {
        Parameters p = Parameters.of(Parameter.of("w", Tensor.of(new float[] {1f, 2f, 3f}, 3)));
        ModelFiles.save(dir.resolve("m"), ModelFiles.config("toy").put("size", 3), p);
        assertEquals("toy", ModelFiles.architecture(dir.resolve("m")));
        assertEquals(
                3, ModelFiles.readConfig(dir.resolve("m"), "toy").path("size").asInt());
        Parameters q = Parameters.of(Parameter.zeros("w", 3));
        ModelFiles.loadWeights(dir.resolve("m"), q);
        assertArrayEquals(new float[] {1f, 2f, 3f}, q.get("w").value().data());
        MalformedFileException other =
                assertThrows(MalformedFileException.class, () -> ModelFiles.readConfig(dir.resolve("m"), "other"));
        assertTrue(other.getMessage().contains("'toy' model, not a 'other'"), other.getMessage());
        assertThrows(
                MalformedFileException.class,
                () -> ModelFiles.loadWeights(dir.resolve("m"), Parameters.of(Parameter.zeros("w", 4))));
        assertThrows(NoSuchFileException.class, () -> ModelFiles.architecture(dir.resolve("none")));
        Files.writeString(dir.resolve("m/config.json"), "[1");
        assertThrows(MalformedFileException.class, () -> ModelFiles.architecture(dir.resolve("m")));
    }
}
