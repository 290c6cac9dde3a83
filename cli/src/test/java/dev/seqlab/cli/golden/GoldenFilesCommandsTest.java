package dev.seqlab.cli.golden;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.seqlab.cli.CliRun;
import dev.seqlab.core.testing.GoldenFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The golden files the other modules commit (written before the architecture refactor of issue 14),
 * read through the {@code seqlab} command as users read them: char-LM directories and their ONNX
 * exports sampled with {@code text sample --model/--onnx} (the ONNX importer, called as the CLI
 * calls it), every golden ONNX file inspected, the golden vectors queried, and converted to seqlab's
 * format byte for byte. The outputs are compared with those committed in
 * {@code golden/commands/expected.json}: text exactly, JSON documents field by field (numbers to 1e-6).
 *
 * <p>The files are read from the sibling modules' {@code src/test/resources/golden} (tests run in the
 * module directory). Rewrite the expected outputs (only on purpose): {@code mvn -pl cli -am test
 * -Dtest=GoldenFilesCommandsTest -Dsurefire.failIfNoSpecifiedTests=false -Dseqlab.golden.write=true}.
 */
class GoldenFilesCommandsTest {
    private static final Path EXPECTED = GoldenFiles.dir("commands").resolve("expected.json");
    private static final double TOLERANCE = 1e-6;
    private static final String CHARLM = "../rnn/src/test/resources/golden/charlm/";
    private static final String DATES = "../generators/src/test/resources/golden/dates/";
    private static final String VECTORS = "../embeddings/src/test/resources/golden/vectors/";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Each command by name; names ending in {@code _json} print one JSON document. */
    private static Map<String, List<String>> commands() {
        Map<String, List<String>> c = new LinkedHashMap<>();
        c.put(
                "text_sample_model_lstm_json",
                List.of(
                        "text",
                        "sample",
                        "--model",
                        CHARLM + "lstm",
                        "--prime",
                        "the ",
                        "--length",
                        "50",
                        "--seed",
                        "5",
                        "--json"));
        c.put(
                "text_sample_onnx_lstm_json",
                List.of(
                        "text",
                        "sample",
                        "--onnx",
                        CHARLM + "lstm.onnx",
                        "--prime",
                        "the ",
                        "--length",
                        "50",
                        "--seed",
                        "5",
                        "--json"));
        c.put(
                "text_sample_onnx_gru_top_k_json",
                List.of(
                        "text",
                        "sample",
                        "--onnx",
                        CHARLM + "gru.onnx",
                        "--prime",
                        "a ",
                        "--length",
                        "50",
                        "--seed",
                        "7",
                        "--temperature",
                        "0.8",
                        "--top-k",
                        "4",
                        "--json"));
        for (String f : List.of(
                CHARLM + "lstm.onnx",
                CHARLM + "classifier.onnx",
                DATES + "attention.onnx",
                DATES + "transformer.onnx")) {
            c.put("onnx_inspect_" + Path.of(f).getFileName() + "_json", List.of("onnx", "inspect", f, "--json"));
        }
        c.put(
                "embeddings_similar_json",
                List.of(
                        "embeddings",
                        "similar",
                        "--vectors",
                        VECTORS + "vectors.w2v.bin",
                        "--top",
                        "5",
                        "--json",
                        "king",
                        "café"));
        c.put(
                "embeddings_analogy_json",
                List.of(
                        "embeddings",
                        "analogy",
                        "--vectors",
                        VECTORS + "vectors.seqlab",
                        "--method",
                        "mul",
                        "--json",
                        "man",
                        "king",
                        "woman"));
        return c;
    }

    @Test
    void goldenFilesReadThroughTheCommandAsWhenWritten() throws IOException {
        GoldenFiles.assertMatchesAllowingNewFields(EXPECTED, observe(), TOLERANCE);
    }

    @Test
    void convertWritesTheGoldenSeqlabFileAgain(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("converted.seqlab");
        CliRun r = CliRun.of(
                "embeddings",
                "convert",
                "--vectors",
                VECTORS + "vectors.w2v.bin",
                "--out",
                out.toString(),
                "--format",
                "seqlab");
        assertEquals(0, r.code(), r.err());
        assertArrayEquals(Files.readAllBytes(Path.of(VECTORS, "vectors.seqlab")), Files.readAllBytes(out));
    }

    @Test
    @EnabledIfSystemProperty(named = GoldenFiles.WRITE_PROPERTY, matches = "true")
    void writeExpectedCommandOutputs() throws IOException {
        GoldenFiles.writeExpected(EXPECTED, observe());
    }

    private static ObjectNode observe() throws IOException {
        ObjectNode all = GoldenFiles.object();
        for (Map.Entry<String, List<String>> e : commands().entrySet()) {
            CliRun r = CliRun.of(e.getValue().toArray(new String[0]));
            assertEquals(0, r.code(), e.getKey() + ": " + r.err());
            ObjectNode o = all.putObject(e.getKey());
            if (e.getKey().endsWith("_json")) {
                o.set("out", JSON.readTree(r.out()));
            } else {
                o.put("out", r.out());
            }
        }
        return all;
    }
}
