package dev.seqlab.cli.embeddings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.seqlab.cli.CliRun;
import dev.seqlab.cli.Json;
import dev.seqlab.embeddings.WordVectors;
import dev.seqlab.embeddings.io.FormatDetector;
import dev.seqlab.embeddings.io.VectorFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code seqlab embeddings} subcommands on a small GloVe file with hand-worked answers. */
class EmbeddingsCommandTest {
    private static final double R3 = 1 / Math.sqrt(3);

    @TempDir
    Path dir;

    private Path glove;

    /**
     * man, woman, king, prince on the first four axes, queen = unit(woman − man + king),
     * princess = unit(woman − man + prince); doctor and nurse lean towards man and woman.
     */
    @BeforeEach
    void writeVectors() throws IOException {
        glove = dir.resolve("tiny.txt");
        Files.writeString(
                glove,
                String.join(
                        "\n",
                        "man 1 0 0 0 0",
                        "woman 0 1 0 0 0",
                        "king 0 0 1 0 0",
                        "prince 0 0 0 1 0",
                        "queen " + -R3 + " " + R3 + " " + R3 + " 0 0",
                        "princess " + -R3 + " " + R3 + " 0 " + R3 + " 0",
                        "doctor 0.3 0.1 0 0 1",
                        "nurse 0.1 0.3 0 0 1",
                        "car 0 0 0 0 -1",
                        ""));
    }

    private JsonNode json(CliRun r) throws IOException {
        assertEquals(0, r.code(), r.err());
        return Json.mapper().readTree(r.out());
    }

    @Test
    void similarListsNeighboursByCosine() throws IOException {
        CliRun r = CliRun.of("embeddings", "similar", "--vectors", glove.toString(), "--top", "2", "doctor");
        assertEquals(0, r.code(), r.err());
        // cos(doctor, nurse) = (.03 + .03 + 1) / (1.1) = .9636; the next is man: .3 / sqrt(1.1) = .2860
        assertTrue(r.out().contains("nurse"), r.out());
        assertTrue(r.out().contains("0.9636"), r.out());
        JsonNode j = json(
                CliRun.of("embeddings", "similar", "--vectors", glove.toString(), "--top", "2", "--json", "doctor"));
        assertEquals("nurse", j.get("neighbors").get(0).get("word").asText());
        assertEquals(1.06 / 1.1, j.get("neighbors").get(0).get("similarity").asDouble(), 1e-6);
        assertEquals("man", j.get("neighbors").get(1).get("word").asText());
        assertEquals(
                0.3 / Math.sqrt(1.1),
                j.get("neighbors").get(1).get("similarity").asDouble(),
                1e-6);
    }

    @Test
    void similarWithNegativeWords() throws IOException {
        JsonNode j = json(CliRun.of(
                "embeddings",
                "similar",
                "--vectors",
                glove.toString(),
                "--json",
                "--top",
                "1",
                "woman",
                "king",
                "--negative",
                "man"));
        assertEquals("queen", j.get("neighbors").get(0).get("word").asText());
        assertEquals(1.0, j.get("neighbors").get(0).get("similarity").asDouble(), 1e-6);
    }

    @Test
    void analogyAnswersBothWays() throws IOException {
        CliRun r = CliRun.of("embeddings", "analogy", "--vectors", glove.toString(), "man", "woman", "king");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("man : woman :: king : queen"), r.out());
        JsonNode j = json(CliRun.of(
                "embeddings",
                "analogy",
                "--vectors",
                glove.toString(),
                "--method",
                "mul",
                "--json",
                "man",
                "woman",
                "prince"));
        assertEquals("princess", j.get("answers").get(0).get("word").asText());
        assertEquals("mul", j.get("method").asText());
    }

    @Test
    void similarityAndDoesntMatch() throws IOException {
        CliRun r = CliRun.of("embeddings", "similarity", "--vectors", glove.toString(), "man", "queen");
        assertEquals(0, r.code(), r.err());
        assertEquals(String.format(Locale.ROOT, "%.4f", -R3), r.out().strip());
        JsonNode j = json(CliRun.of(
                "embeddings", "doesnt-match", "--vectors", glove.toString(), "--json", "doctor", "nurse", "car"));
        assertEquals("car", j.get("doesnt_match").asText());
    }

    @Test
    void unknownWordIsOneLineWithSuggestionsAndExitTwo() {
        CliRun r = CliRun.of("embeddings", "similar", "--vectors", glove.toString(), "quen");
        assertEquals(2, r.code());
        assertEquals(
                "seqlab: unknown word 'quen'; did you mean queen?",
                r.err().strip().lines().findFirst().orElse(""),
                r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void malformedFileNamesTheLineAndExitsTwo() throws IOException {
        Path bad = dir.resolve("bad.txt");
        Files.writeString(bad, "a 1 2\nb 3\nc 4 5\n");
        CliRun r = CliRun.of("embeddings", "similar", "--vectors", bad.toString(), "a");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("bad.txt") && r.err().contains("2"), r.err());
        assertTrue(r.err().strip().lines().count() <= 2, r.err());
        CliRun missing = CliRun.of(
                "embeddings", "similar", "--vectors", dir.resolve("none.txt").toString(), "a");
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("no such file"), missing.err());
    }

    @Test
    void evaluateReportsAnalogiesAndPairs() throws IOException {
        Path q = dir.resolve("q.txt");
        Files.writeString(
                q,
                ": royals\nman woman king queen\nman woman prince princess\nman woman king princess\n"
                        + "man woman emperor empress\n");
        Path pairs = dir.resolve("pairs.tsv");
        Files.writeString(pairs, "# w1\tw2\tscore\ndoctor\tnurse\t8\nman\tcar\t1\nking\tqueen\t7\nman\tdragon\t3\n");
        JsonNode j = json(CliRun.of(
                "embeddings",
                "evaluate",
                "--vectors",
                glove.toString(),
                "--analogies",
                q.toString(),
                "--pairs",
                pairs.toString(),
                "--json"));
        JsonNode a = j.get("analogies");
        assertEquals(2.0 / 3, a.get("accuracy").asDouble(), 1e-12);
        assertEquals(1, a.get("out_of_vocabulary").asInt());
        assertEquals("royals", a.get("sections").get(0).get("name").asText());
        // similarities .9636 (doctor, nurse), 0 (man, car), .5774 (king, queen): same order as 8, 1, 7
        assertEquals(1.0, j.get("pairs").get("spearman").asDouble(), 1e-12);
        assertEquals(3, j.get("pairs").get("pairs").asInt());
        CliRun table = CliRun.of("embeddings", "evaluate", "--vectors", glove.toString(), "--analogies", q.toString());
        assertTrue(table.out().contains("Total accuracy") && table.out().contains("66.67%"), table.out());
        CliRun none = CliRun.of("embeddings", "evaluate", "--vectors", glove.toString());
        assertEquals(2, none.code());
    }

    @Test
    void convertWritesEveryFormatThatReadsBackTheSame() throws IOException {
        WordVectors original = WordVectors.load(glove);
        for (String[] c : new String[][] {
            {"v.seqlab", null, "seqlab"},
            {"v.bin", null, "word2vec-bin"},
            {"v.vec.gz", null, "word2vec"},
            {"v.out", "glove", "glove"}
        }) {
            Path out = dir.resolve(c[0]);
            CliRun r = c[1] == null
                    ? CliRun.of("embeddings", "convert", "--vectors", glove.toString(), "--out", out.toString())
                    : CliRun.of(
                            "embeddings",
                            "convert",
                            "--vectors",
                            glove.toString(),
                            "--out",
                            out.toString(),
                            "--format",
                            c[1]);
            assertEquals(0, r.code(), r.err());
            assertEquals(
                    VectorFormat.fromCliName(c[2]), FormatDetector.detect(out).format());
            WordVectors back = WordVectors.load(out);
            assertEquals(original.words(), back.words());
            assertTrue(Arrays.equals(original.copyOfMatrix(), back.copyOfMatrix()), c[0]);
        }
        CliRun unknown = CliRun.of(
                "embeddings",
                "convert",
                "--vectors",
                glove.toString(),
                "--out",
                dir.resolve("x.dat").toString());
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("--format"), unknown.err());
    }

    @Test
    void debiasWritesVectorsWithNeutralWordsOffTheAxis() throws IOException {
        Path pairs = dir.resolve("pairs.txt");
        Files.writeString(pairs, "woman man\n");
        Path neutral = dir.resolve("neutral.txt");
        Files.writeString(neutral, "doctor\nnurse\nastronaut\n");
        Path out = dir.resolve("debiased.txt");
        JsonNode j = json(CliRun.of(
                "embeddings",
                "debias",
                "--vectors",
                glove.toString(),
                "--out",
                out.toString(),
                "--pairs",
                pairs.toString(),
                "--neutral",
                neutral.toString(),
                "--json"));
        JsonNode first = j.get("projections").get(0);
        assertEquals("doctor", first.get("word").asText());
        // bias axis = unit(woman − man) = (−1, 1, 0, 0, 0)/√2; doctor's unit vector is (.3, .1, 0, 0, 1)/√1.1
        assertEquals(
                (-0.3 + 0.1) / Math.sqrt(2) / Math.sqrt(1.1),
                first.get("before").asDouble(),
                1e-6);
        assertEquals(0.0, first.get("after").asDouble(), 1e-6);
        assertEquals(List.of("astronaut"), List.of(j.get("missing").get(0).asText()));
        WordVectors d = WordVectors.load(out);
        assertEquals(d.similarity("doctor", "man"), d.similarity("doctor", "woman"), 1e-6);
        assertEquals(d.similarity("nurse", "man"), d.similarity("nurse", "woman"), 1e-6);
        assertEquals(d.similarity("man", "king"), d.similarity("woman", "king"), 1e-6);
    }

    @Test
    void shellAnswersAScriptAndReportsBadLines() throws IOException {
        Path script = dir.resolve("queries.txt");
        Files.writeString(script, "man : woman :: king : ?\nkign\nking - man + woman\nsim man woman\n");
        CliRun r = CliRun.of(
                "embeddings", "shell", "--vectors", glove.toString(), "--top", "1", "--script", script.toString());
        assertEquals(2, r.code(), "one query failed: " + r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(4, lines.size(), "one line per query: " + r.out());
        assertTrue(lines.get(0).startsWith("man : woman :: king : ?\tqueen "), r.out());
        assertEquals("kign\t\tunknown word 'kign'; did you mean king?", lines.get(1));
        assertEquals("sim man woman\t0.0000", lines.get(3));
        assertTrue(r.err().contains("unknown word 'kign'; did you mean king"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void exportAndPlot() throws IOException {
        Path proj = dir.resolve("proj");
        CliRun r = CliRun.of(
                "embeddings", "export", "--vectors", glove.toString(), "--out", proj.toString(), "--limit", "3");
        assertEquals(0, r.code(), r.err());
        assertEquals(List.of("man", "woman", "king"), Files.readAllLines(proj.resolve("metadata.tsv")));
        assertEquals(
                "1.0\t0.0\t0.0\t0.0\t0.0",
                Files.readAllLines(proj.resolve("vectors.tsv")).get(0));
        Path png = dir.resolve("royals.png");
        JsonNode j = json(CliRun.of(
                "embeddings",
                "plot",
                "--vectors",
                glove.toString(),
                "--out",
                png.toString(),
                "--json",
                "man",
                "woman",
                "king",
                "queen"));
        assertEquals(4, j.get("points").size());
        byte[] b = Files.readAllBytes(png);
        assertEquals((byte) 0x89, b[0]);
        assertEquals('P', b[1]);
    }

    @Test
    void everySubcommandHasHelpWithAnExample() {
        for (String sub : new String[] {
            "similar",
            "analogy",
            "similarity",
            "doesnt-match",
            "evaluate",
            "convert",
            "debias",
            "shell",
            "export",
            "plot"
        }) {
            CliRun r = CliRun.of("embeddings", sub, "--help");
            assertEquals(0, r.code(), sub);
            assertTrue(r.out().contains("seqlab embeddings " + sub), sub + ": " + r.out());
        }
    }
}
