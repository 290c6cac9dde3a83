package dev.seqlab.cli.dates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.seqlab.cli.CliRun;
import dev.seqlab.cli.Json;
import dev.seqlab.core.progress.ProgressListener;
import dev.seqlab.generators.cache.CachedModel;
import dev.seqlab.generators.dates.DateNormalizer;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
        List<String> lines = r.out().lines().toList();
        assertEquals(3, lines.size(), r.out());
        // the small model may or may not understand the first date; either way its line says so
        assertTrue(lines.get(0).matches("3 may 1979\\t(\\d{4}-\\d{2}-\\d{2}|\\tnot understood: .+)"), lines.get(0));
        assertTrue(lines.get(1).startsWith("banana\t\tnot understood"), lines.get(1));
        assertTrue(lines.get(2).startsWith("\t\tempty date"), lines.get(2));
        long declined =
                lines.stream().filter(l -> l.split("\t", -1)[1].isEmpty()).count();
        assertEquals(
                "seqlab: " + declined + " of 3 dates declined (empty ISO field, reason in the third column)",
                r.err().strip());
    }

    @Test
    void standardInputGivesOneLinePerLineInOrderDeclinedOnesMarked() throws Exception {
        List<String> input = new ArrayList<>();
        String[] good = {"3 May 1979", "2007-07-10", "tuesday 10 july 2007", "5/3/79", "21th of August 2016"};
        String[] bad = {"xx", "", "banana", "!!!", "a".repeat(40)};
        for (int i = 0; i < 60; i++) {
            input.add(i % 3 == 1 ? bad[i % bad.length] : good[i % good.length]);
        }
        CliRun r = withStdin(String.join("\n", input) + "\n", "dates");
        List<String> lines = r.out().lines().toList();
        assertEquals(input.size(), lines.size(), "one output line per input line");
        int declined = 0;
        for (int i = 0; i < input.size(); i++) {
            String[] cols = lines.get(i).split("\t", -1);
            assertEquals(input.get(i), cols[0], "line " + (i + 1) + " starts with its input");
            boolean unreadable = input.get(i).isEmpty() || input.get(i).length() > 30;
            assertTrue(!unreadable || cols[1].isEmpty(), "an empty or over-long date is declined: " + lines.get(i));
            if (cols[1].isEmpty()) {
                declined++;
                assertEquals(3, cols.length, lines.get(i));
                assertFalse(cols[2].isBlank(), "a declined line says why: " + lines.get(i));
            } else {
                assertEquals(2, cols.length, lines.get(i));
                assertTrue(cols[1].matches("\\d{4}-\\d{2}-\\d{2}"), lines.get(i));
            }
        }
        assertTrue(declined >= 8, declined + " declined");
        assertEquals(2, r.code());
        assertEquals(
                "seqlab: " + declined + " of 60 dates declined (empty ISO field, reason in the third column)",
                r.err().strip());

        CliRun json = withStdin(String.join("\n", input) + "\n", "dates", "--json");
        JsonNode results = Json.mapper().readTree(json.out()).get("results");
        assertEquals(input.size(), results.size(), "one JSON record per input line");
        int jsonDeclined = 0;
        for (int i = 0; i < input.size(); i++) {
            JsonNode rec = results.get(i);
            assertEquals(input.get(i), rec.get("input").asText());
            if (rec.has("declined")) {
                jsonDeclined++;
                assertTrue(rec.get("iso").isNull(), rec.toString());
            } else {
                assertTrue(rec.get("iso").asText().matches("\\d{4}-\\d{2}-\\d{2}"), rec.toString());
            }
        }
        assertEquals(declined, jsonDeclined);
        assertEquals(2, json.code());
    }

    @Test
    void theExitStatusIsZeroExactlyWhenNothingWasDeclined() throws Exception {
        CliRun r = withStdin("3 May 1979\n2007-07-10\nTue 10 Jul 2007\n", "dates");
        List<String> lines = r.out().lines().toList();
        assertEquals(3, lines.size(), r.out());
        boolean anyDeclined = lines.stream().anyMatch(l -> l.split("\t", -1)[1].isEmpty());
        assertEquals(anyDeclined ? 2 : 0, r.code(), r.out() + r.err());
        assertEquals(anyDeclined, !r.err().isEmpty(), r.err());
    }

    private static CliRun withStdin(String text, String... args) {
        InputStream saved = System.in;
        System.setIn(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        try {
            return CliRun.of(args);
        } finally {
            System.setIn(saved);
        }
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
