package dev.seqlab.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/**
 * Golden files: small examples of seqlab's file formats written by the code of one moment and
 * committed under each module's {@code src/test/resources/golden/}, together with the outputs that
 * code gave for them ({@code expected.json}). A module's golden test loads the committed files with
 * today's code and compares what it gives with the committed outputs, so no change silently breaks
 * the files users keep.
 *
 * <p>The files are rewritten only on purpose: {@code mvn test -Dseqlab.golden.write=true
 * -Dtest=...GoldenFilesTest} runs the guarded writer test of that class ({@link #WRITE_PROPERTY}).
 * Tests run with the module directory as working directory (Maven's default), so the writer writes
 * into the source tree.
 */
public final class GoldenFiles {
    /** The system property that, set to {@code true}, lets the writer tests rewrite the golden files. */
    public static final String WRITE_PROPERTY = "seqlab.golden.write";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private GoldenFiles() {}

    /** The directory of the golden files named {@code name} in the current module's test resources. */
    public static Path dir(String name) {
        return Path.of("src", "test", "resources", "golden", name);
    }

    /** A new empty JSON object to collect observed outputs in. */
    public static ObjectNode object() {
        return JSON.createObjectNode();
    }

    /** Writes {@code observed} as the expected outputs, pretty-printed, creating the directory. */
    public static void writeExpected(Path file, JsonNode observed) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, JSON.writeValueAsString(observed) + "\n");
    }

    /**
     * Asserts that {@code observed} has exactly the fields, array lengths and strings of the
     * expected outputs in {@code file}, and numbers within {@code tolerance} of them: absolute up to
     * magnitude 1, relative beyond (a sum of twenty log-probabilities near -50 may move by 20 ulps).
     */
    public static void assertMatches(Path file, JsonNode observed, double tolerance) throws IOException {
        assertTrue(Files.isRegularFile(file), "golden file missing: " + file.toAbsolutePath());
        assertMatches(JSON.readTree(file.toFile()), observed, tolerance, "$", true);
    }

    /**
     * As {@link #assertMatches(Path, JsonNode, double)}, but objects may have fields the expected
     * ones lack: for documents a command prints with {@code --json}, where a new field is a
     * compatible addition and a missing or changed one is not.
     */
    public static void assertMatchesAllowingNewFields(Path file, JsonNode observed, double tolerance)
            throws IOException {
        assertTrue(Files.isRegularFile(file), "golden file missing: " + file.toAbsolutePath());
        assertMatches(JSON.readTree(file.toFile()), observed, tolerance, "$", false);
    }

    private static void assertMatches(
            JsonNode expected, JsonNode observed, double tolerance, String where, boolean exactFields) {
        if (expected.isNumber()) {
            assertTrue(observed.isNumber(), where + ": expected a number, got " + observed);
            double e = expected.doubleValue();
            double o = observed.doubleValue();
            if (!(Math.abs(e - o) <= tolerance * Math.max(1, Math.abs(e)))) {
                fail(where + ": expected " + e + " ± " + tolerance + ", got " + o);
            }
        } else if (expected.isArray()) {
            assertTrue(observed.isArray(), where + ": expected an array, got " + observed);
            assertEquals(expected.size(), observed.size(), where + ": length");
            for (int i = 0; i < expected.size(); i++) {
                assertMatches(expected.get(i), observed.get(i), tolerance, where + "[" + i + "]", exactFields);
            }
        } else if (expected.isObject()) {
            assertTrue(observed.isObject(), where + ": expected an object, got " + observed);
            Iterator<Map.Entry<String, JsonNode>> fields = expected.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                assertTrue(observed.has(f.getKey()), where + ": missing field " + f.getKey());
                assertMatches(f.getValue(), observed.get(f.getKey()), tolerance, where + "." + f.getKey(), exactFields);
            }
            if (exactFields) {
                assertEquals(expected.size(), observed.size(), where + ": field count");
            }
        } else {
            assertEquals(expected, observed, where);
        }
    }
}
