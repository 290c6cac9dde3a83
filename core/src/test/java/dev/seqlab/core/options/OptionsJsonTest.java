package dev.seqlab.core.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seqlab.core.io.MalformedFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OptionsJsonTest {

    enum Shape {
        ROUND,
        SQUARE_ISH
    }

    record Sample(int dim, double rate, boolean on, Shape shape, Path dir, long dModel) {
        Sample {
            Checks.atLeast("dim", dim, 1);
        }

        static Sample defaults() {
            return new Sample(100, 0.025, false, Shape.ROUND, null, 4);
        }

        Sample withDim(int d) {
            return Withers.with(this, "dim", d);
        }
    }

    @Test
    void writesSnakeCaseFieldsAndLowerCaseEnums() {
        String json = OptionsJson.toJson(new Sample(3, 0.5, true, Shape.SQUARE_ISH, Path.of("a/b"), 8));
        assertEquals(
                """
                {
                  "dim" : 3,
                  "rate" : 0.5,
                  "on" : true,
                  "shape" : "square_ish",
                  "dir" : "a/b",
                  "d_model" : 8
                }""",
                json);
    }

    @Test
    void roundTripsAndFillsMissingFieldsFromTheDefaults() {
        Sample s = new Sample(3, 0.5, true, Shape.SQUARE_ISH, Path.of("x"), 8);
        assertEquals(s, OptionsJson.fromJson(OptionsJson.toJson(s), Sample.defaults()));
        assertEquals(Sample.defaults().withDim(7), OptionsJson.fromJson("{\"dim\": 7}", Sample.defaults()));
        assertEquals(
                Shape.SQUARE_ISH,
                OptionsJson.fromJson("{\"shape\": \"SQUARE_ISH\"}", Sample.defaults())
                        .shape());
    }

    @Test
    void namesTheUnknownFieldAndTheFile(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("options.json");
        Files.writeString(f, "{\"dim\": 3, \"dimm\": 4}");
        MalformedFileException e =
                assertThrows(MalformedFileException.class, () -> OptionsJson.read(f, Sample.defaults()));
        assertTrue(e.getMessage().contains("unknown field 'dimm' in " + f), e.getMessage());
    }

    @Test
    void reportsTheRecordsOwnValidationAndWrongTypes() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> OptionsJson.fromJson("{\"dim\": 0}", Sample.defaults()));
        assertEquals("dim must be at least 1, got 0", e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class, () -> OptionsJson.fromJson("{\"shape\": \"oval\"}", Sample.defaults()));
        assertEquals("field 'shape' in the JSON must be one of round, square_ish, got \"oval\"", e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class, () -> OptionsJson.fromJson("{\"dim\": null}", Sample.defaults()));
        assertTrue(e.getMessage().startsWith("field 'dim' in the JSON must be a number"), e.getMessage());
    }

    @Test
    void leavesOtherFieldsToTheCaller() {
        var node = OptionsJson.toTree(Sample.defaults()).put("architecture", "x");
        assertEquals(
                Sample.defaults(),
                OptionsJson.fromTree(node, Sample.defaults(), "config.json", Set.of("architecture")));
        assertThrows(
                IllegalArgumentException.class,
                () -> OptionsJson.fromTree(node, Sample.defaults(), "config.json", Set.of()));
    }

    @Test
    void writesAndReadsFiles(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("o.json");
        Sample s = Sample.defaults().withDim(9);
        OptionsJson.write(f, s);
        assertEquals(s, OptionsJson.read(f, Sample.defaults()));
    }
}
