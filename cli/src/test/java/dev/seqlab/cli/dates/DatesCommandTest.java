package dev.seqlab.cli.dates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.seqlab.cli.CliRun;
import dev.seqlab.cli.Json;
import dev.seqlab.core.progress.ProgressListener;
import dev.seqlab.generators.cache.CachedModel;
import dev.seqlab.generators.dates.DateNormalizer;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command's plumbing, on a small model placed in a temporary cache (quality is DateNormalizerTest's). */
class DatesCommandTest {
    @TempDir
    static Path home;

    @BeforeAll
    static void smallModel() throws Exception {
        System.setProperty("seqlab.home", home.toString());
        DateNormalizer.train(DateNormalizer.Training.defaults().withSize(6000, 3), ProgressListener.NONE)
                .save(CachedModel.dir(DateNormalizer.MODEL));
    }

    @AfterAll
    static void clear() {
        System.clearProperty("seqlab.home");
    }

    @Test
    void answersEachDateAndReportsWhatItDoesNotUnderstand() {
        CliRun r = CliRun.of("dates", "3 may 1979", "banana", "");
        assertEquals(2, r.code(), "one bad line makes the status 2");
        for (String line : r.out().strip().lines().toList()) {
            assertTrue(line.matches("[^\\t]+\\t\\d{4}-\\d{2}-\\d{2}"), line);
        }
        assertTrue(r.err().contains("'banana': not understood"), r.err());
        assertTrue(r.err().contains("'': empty date"), r.err());
    }

    @Test
    void jsonAndAttentionMap(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("map.png");
        CliRun r = CliRun.of("dates", "--json", "--attention-png", png.toString(), "saturday 9 may 2018");
        JsonNode doc = Json.mapper().readTree(r.out());
        JsonNode first = doc.get("results").get(0);
        assertEquals("saturday 9 may 2018", first.get("input").asText());
        assertEquals(10, first.get("char_probabilities").size());
        assertTrue(ImageIO.read(png.toFile()).getWidth() > 19 * 28);
        CliRun arch = CliRun.of("dates", "--arch", "lstm", "3 may 1979");
        assertEquals(2, arch.code());
        assertTrue(arch.err().contains("--arch"), arch.err());
    }
}
