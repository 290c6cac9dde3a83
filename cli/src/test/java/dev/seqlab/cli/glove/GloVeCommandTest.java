package dev.seqlab.cli.glove;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.seqlab.cli.CliRun;
import dev.seqlab.cli.Json;
import dev.seqlab.embeddings.WordVectors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code seqlab glove} end to end on a small generated corpus: the file it writes is read back by
 * {@code seqlab embeddings}; one thread and a seed give the same bytes twice; temporary files go
 * where --temp-dir says and are removed; bad input is one line and exit 2.
 */
class GloVeCommandTest {
    @TempDir
    Path dir;

    /**
     * "cat"/"dog" mostly among pet words and "red"/"blue" mostly among paint words (a fifth of
     * the time the other kind: GloVe learns from graded counts, see SyntheticRelations).
     */
    private Path corpus() throws IOException {
        SplittableRandom rnd = new SplittableRandom(3);
        List<String> lines = new ArrayList<>();
        String[] animals = {"cat", "dog"};
        String[] colours = {"red", "blue"};
        for (int i = 0; i < 4000; i++) {
            boolean animal = rnd.nextBoolean();
            String w = (animal ? animals : colours)[rnd.nextInt(2)];
            StringBuilder line = new StringBuilder("the");
            for (int k = 0; k < 4; k++) {
                boolean own = rnd.nextDouble() < 0.8;
                line.append(' ').append(animal == own ? "pet" : "paint").append((char) ('a' + rnd.nextInt(3)));
                if (k == 1) {
                    line.append(' ').append(w);
                }
            }
            lines.add(line.append(" .").toString());
        }
        Path file = dir.resolve("corpus.txt");
        Files.write(file, lines);
        return file;
    }

    @Test
    void trainsWritesAndIsReproducibleWithOneThread() throws IOException {
        Path corpus = corpus();
        Path out1 = dir.resolve("v1.txt");
        Path out2 = dir.resolve("v2.txt");
        Path temp = Files.createDirectory(dir.resolve("tmp"));
        Path png = dir.resolve("cost.png");
        CliRun r = CliRun.of(
                "glove",
                "--corpus",
                corpus.toString(),
                "--out",
                out1.toString(),
                "--dim",
                "16",
                "--x-max",
                "10",
                "--threads",
                "1",
                "--seed",
                "5",
                "--temp-dir",
                temp.toString(),
                "--json",
                "--cost-png",
                png.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode j = Json.mapper().readTree(r.out());
        assertEquals("word2vec", j.get("format").asText());
        assertEquals(4000 * 7, j.get("corpus_words").asLong());
        assertEquals(0, j.get("spilled_runs").asInt());
        assertTrue(j.get("pairs").asLong() > 0);
        JsonNode costs = j.get("costs");
        assertEquals(15, costs.size(), "one cost per iteration (default 15)");
        assertEquals(costs.get(14).asDouble(), j.get("final_cost").asDouble());
        assertTrue(costs.get(14).asDouble() < costs.get(0).asDouble(), "training lowers the cost: " + costs);
        assertTrue(ImageIO.read(png.toFile()).getWidth() > 0, "the cost curve is a PNG");
        WordVectors wv = WordVectors.load(out1);
        assertEquals(16, wv.dimension());
        assertEquals(j.get("vocabulary").asInt(), wv.size());
        assertTrue(wv.similarity("cat", "dog") > wv.similarity("cat", "blue"), "cat~dog should beat cat~blue");
        try (var left = Files.list(temp)) {
            assertEquals(0, left.count(), "temporary files removed");
        }

        CliRun again = CliRun.of(
                "glove",
                "--corpus",
                corpus.toString(),
                "--out",
                out2.toString(),
                "--dim",
                "16",
                "--x-max",
                "10",
                "--threads",
                "1",
                "--seed",
                "5");
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("Written to"), again.out());
        assertArrayEquals(Files.readAllBytes(out1), Files.readAllBytes(out2), "same seed, one thread: same bytes");
    }

    @Test
    void badInputIsOneLineAndExitTwo() throws IOException {
        CliRun missing = CliRun.of(
                "glove",
                "--corpus",
                dir.resolve("nope.txt").toString(),
                "--out",
                dir.resolve("x.txt").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("nope.txt"), missing.err());
        assertEquals(1, missing.err().strip().lines().count(), missing.err());

        CliRun badOption = CliRun.of(
                "glove",
                "--corpus",
                corpus().toString(),
                "--out",
                dir.resolve("x.txt").toString(),
                "--x-max",
                "0");
        assertEquals(2, badOption.code());
        assertTrue(badOption.err().contains("xMax"), badOption.err());

        CliRun badPng = CliRun.of(
                "glove",
                "--corpus",
                corpus().toString(),
                "--out",
                dir.resolve("x.txt").toString(),
                "--cost-png",
                dir.resolve("no/such/dir/c.png").toString());
        assertEquals(2, badPng.code());
        assertTrue(badPng.err().contains("--cost-png: no such directory"), badPng.err());

        CliRun badMemory = CliRun.of(
                "glove",
                "--corpus",
                corpus().toString(),
                "--out",
                dir.resolve("x.txt").toString(),
                "--memory",
                "0");
        assertEquals(2, badMemory.code());
        assertTrue(badMemory.err().contains("--memory"), badMemory.err());

        CliRun tooRare = CliRun.of(
                "glove",
                "--corpus",
                corpus().toString(),
                "--out",
                dir.resolve("x.txt").toString(),
                "--min-count",
                "1000000");
        assertEquals(2, tooRare.code());
        assertTrue(tooRare.err().contains("min-count"), tooRare.err());
        assertFalse(Files.exists(dir.resolve("x.txt")), "nothing written on failure");
    }
}
