package dev.seqlab.cli.sentences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.seqlab.cli.CliRun;
import dev.seqlab.cli.Json;
import dev.seqlab.onnx.graph.GraphBuilder;
import dev.seqlab.onnx.graph.OnnxFiles;
import dev.seqlab.sentences.SentenceEncoder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code seqlab sentences similar} with the bundled model, a model directory, and bad input. */
class SentencesCommandTest {

    private static final String QUERY = "A man is playing a guitar.";
    private static final List<String> SENTENCES = List.of(
            "The stock market fell sharply today.",
            "A man plays the guitar.",
            "A cat sleeps on the sofa.",
            "Someone is performing music on a string instrument.");

    @TempDir
    Path dir;

    private static JsonNode json(CliRun r) throws IOException {
        assertEquals(0, r.code(), r.err());
        return Json.mapper().readTree(r.out());
    }

    private static String[] args(String... first) {
        List<String> a = new ArrayList<>(List.of(first));
        a.add(QUERY);
        a.addAll(SENTENCES);
        return a.toArray(String[]::new);
    }

    /** The bundled model in a directory of its own, as a user would lay it out. */
    private Path modelDir() throws IOException {
        Path d = dir.resolve("minilm");
        Files.createDirectories(d);
        try (InputStream m = getClass().getResourceAsStream("/all-minilm-l6-v2-q.onnx");
                InputStream t = getClass().getResourceAsStream("/all-minilm-l6-v2-q-tokenizer.json")) {
            Files.copy(m, d.resolve("model.onnx"));
            Files.copy(t, d.resolve("tokenizer.json"));
        }
        return d;
    }

    @Test
    void ranksByMeaningWithTheBundledModelAndTheLibrarysCosines() throws IOException {
        JsonNode j = json(CliRun.of(args("sentences", "similar", "--json")));
        assertEquals(QUERY, j.get("query").asText());
        assertEquals("all-minilm-l6-v2-q", j.get("model").asText());
        JsonNode results = j.get("results");
        assertEquals(4, results.size());
        assertEquals("A man plays the guitar.", results.get(0).get("sentence").asText());
        assertEquals(2, results.get(0).get("argument").asInt());
        assertEquals(
                "Someone is performing music on a string instrument.",
                results.get(1).get("sentence").asText());
        try (SentenceEncoder enc = SentenceEncoder.allMiniLmL6V2Q()) {
            float[] q = enc.encode(QUERY);
            for (JsonNode r : results) {
                float[] v = enc.encode(r.get("sentence").asText());
                double dot = 0;
                for (int k = 0; k < q.length; k++) {
                    dot += (double) q[k] * v[k];
                }
                assertEquals(dot, r.get("similarity").asDouble(), 1e-9);
            }
        }
        for (int i = 1; i < results.size(); i++) {
            assertTrue(results.get(i - 1).get("similarity").asDouble()
                    >= results.get(i).get("similarity").asDouble());
        }
    }

    @Test
    void tableAndTopN() {
        CliRun r = CliRun.of(args("sentences", "similar", "--top", "2"));
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().strip().lines().toList();
        assertEquals(4, lines.size(), r.out());
        assertTrue(lines.get(0).matches("rank\\s+cosine\\s+sentence"), r.out());
        assertTrue(lines.get(2).matches("\\s*1\\s+0\\.\\d{4}\\s+A man plays the guitar\\."), r.out());
    }

    @Test
    void corpusLinesAndAModelDirectoryGiveTheSameAnswers() throws IOException {
        Path corpus = dir.resolve("corpus.txt");
        Files.writeString(corpus, "\n" + String.join("\n\n", SENTENCES) + "\n   \n");
        Path model = modelDir();
        JsonNode fromCorpus = json(CliRun.of(
                "sentences", "similar", "--json", "--model", model.toString(), "--corpus", corpus.toString(), QUERY));
        JsonNode fromArgs = json(CliRun.of(args("sentences", "similar", "--json")));
        assertEquals(4, fromCorpus.get("sentences").asInt());
        assertTrue(fromCorpus.get("model").asText().endsWith("model.onnx"));
        for (int i = 0; i < 4; i++) {
            assertEquals(
                    fromArgs.get("results").get(i).get("sentence"),
                    fromCorpus.get("results").get(i).get("sentence"));
            assertEquals(
                    fromArgs.get("results").get(i).get("similarity").asDouble(),
                    fromCorpus.get("results").get(i).get("similarity").asDouble(),
                    1e-12);
        }
        // "A man plays the guitar." is the second sentence, on line 4 of the file
        assertEquals(4, fromCorpus.get("results").get(0).get("line").asInt());
        // the table names each row's line too, so a ranked row leads back to its input line
        CliRun table =
                CliRun.of("sentences", "similar", "--model", model.toString(), "--corpus", corpus.toString(), QUERY);
        List<String> rows = table.out().lines().toList();
        assertTrue(rows.get(0).matches("rank\\s+cosine\\s+line\\s+sentence\\s*"), rows.get(0));
        assertTrue(rows.get(2).matches("\\s*1\\s+\\S+\\s+4\\s+A man plays the guitar\\.\\s*"), rows.get(2));
    }

    private static void assertBadInput(CliRun r, String expectedStart) {
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("seqlab: " + expectedStart), r.err());
        assertTrue(r.err().strip().lines().count() <= 2, r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void badModelsAndCorporaAreOneLineAndExitTwo() throws IOException {
        Path none = dir.resolve("no-such-model");
        assertBadInput(
                CliRun.of("sentences", "similar", "--model", none.toString(), "q", "s"),
                "no model '" + none + "': neither a bundled model (all-minilm-l6-v2-q) nor a directory");
        Path noTokenizer = modelDir();
        Files.delete(noTokenizer.resolve("tokenizer.json"));
        assertBadInput(
                CliRun.of("sentences", "similar", "--model", noTokenizer.toString(), "q", "s"),
                noTokenizer + ": holds no tokenizer.json");
        Path corrupt = dir.resolve("corrupt");
        Files.createDirectories(corrupt);
        Files.writeString(corrupt.resolve("model.onnx"), "not a model at all");
        Files.copy(
                getClass().getResourceAsStream("/all-minilm-l6-v2-q-tokenizer.json"),
                corrupt.resolve("tokenizer.json"));
        assertBadInput(
                CliRun.of("sentences", "similar", "--model", corrupt.toString(), "q", "s"),
                corrupt.resolve("model.onnx") + ": not an ONNX model");

        // valid ONNX graphs that are not sentence encoders: a missing input name, a wrong shape
        Path renamed = encoderLike("renamed", "tokens", "batch", "sequence");
        assertBadInput(
                CliRun.of("sentences", "similar", "--model", renamed.toString(), "q", "s"),
                renamed.resolve("model.onnx") + ": the model has no input_ids input; its inputs are");
        Path rank3 = encoderLike("rank3", "input_ids", "batch", "sequence", 4);
        assertBadInput(
                CliRun.of("sentences", "similar", "--model", rank3.toString(), "q", "s"),
                rank3.resolve("model.onnx") + ": input input_ids");

        Path empty = dir.resolve("empty.txt");
        Files.writeString(empty, "\n  \n\n");
        assertBadInput(
                CliRun.of("sentences", "similar", "--corpus", empty.toString(), "q"), empty + ": holds no sentences");
        assertBadInput(
                CliRun.of(
                        "sentences",
                        "similar",
                        "--corpus",
                        dir.resolve("none.txt").toString(),
                        "q"),
                "no such file: " + dir.resolve("none.txt"));
        Path latin1 = dir.resolve("latin1.txt");
        Files.write(latin1, new byte[] {'o', 'k', '\n', 'c', 'a', 'f', (byte) 0xE9, '\n'});
        assertBadInput(
                CliRun.of("sentences", "similar", "--corpus", latin1.toString(), "q"), latin1 + ":2: not UTF-8 text");
        assertBadInput(CliRun.of("sentences", "similar", "q"), "no sentences to rank");
        assertBadInput(
                CliRun.of("sentences", "similar", "--corpus", empty.toString(), "q", "s"),
                "give the sentences to rank either with --corpus or as arguments");
        assertBadInput(CliRun.of("sentences", "similar", "--top", "0", "q", "s"), "--top must be at least 1");
    }

    /**
     * A model directory (the bundled tokenizer) whose graph takes int64 ids under {@code input}
     * with {@code dims} and gives them back as float [batch, sequence, 1] token vectors.
     */
    private Path encoderLike(String name, String input, Object... dims) throws IOException {
        Path d = Files.createDirectories(dir.resolve(name));
        GraphBuilder g = new GraphBuilder(name);
        g.input(input, GraphBuilder.INT64, dims);
        g.longs("axes", 2);
        g.node("Cast", input).attr("to", (long) GraphBuilder.FLOAT).output("ids");
        g.node("Unsqueeze", "ids", "axes").output("last_hidden_state");
        g.output("last_hidden_state", GraphBuilder.FLOAT, "batch", "sequence", 1);
        OnnxFiles.write(g.build(14, "test"), d.resolve("model.onnx"));
        Files.copy(getClass().getResourceAsStream("/all-minilm-l6-v2-q-tokenizer.json"), d.resolve("tokenizer.json"));
        return d;
    }

    @Test
    void helpShowsAnExampleAndTheDefaultModel() {
        CliRun r = CliRun.of("sentences", "similar", "--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("seqlab sentences similar \"a dog runs in the park\" \\"), r.out());
        assertTrue(r.out().contains("Default: all-minilm-l6-v2-q."), r.out());
        assertTrue(r.out().lines().allMatch(l -> l.length() <= 80), r.out());
        assertTrue(CliRun.of("--help").out().contains("sentences"));
    }
}
