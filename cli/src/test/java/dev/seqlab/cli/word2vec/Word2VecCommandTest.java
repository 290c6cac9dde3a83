package dev.seqlab.cli.word2vec;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code seqlab word2vec} end to end on a small generated corpus: the vectors file it writes is
 * read back by {@code seqlab embeddings}; one thread and a seed give the same bytes twice; bad
 * input is one line and exit 2.
 */
class Word2VecCommandTest {
    @TempDir
    Path dir;

    /** Sentences where "cat"/"dog" share contexts and "red"/"blue" share others. */
    private Path corpus() throws IOException {
        SplittableRandom rnd = new SplittableRandom(3);
        List<String> lines = new ArrayList<>();
        String[] animals = {"cat", "dog"};
        String[] colours = {"red", "blue"};
        for (int i = 0; i < 4000; i++) {
            boolean animal = rnd.nextBoolean();
            String w = (animal ? animals : colours)[rnd.nextInt(2)];
            String ctx = animal ? "pet" : "paint";
            lines.add("the " + ctx + rnd.nextInt(3) + " " + w + " is " + ctx + rnd.nextInt(3) + " , really .");
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
        CliRun r = CliRun.of(
                "word2vec",
                "--corpus",
                corpus.toString(),
                "--out",
                out1.toString(),
                "--dim",
                "16",
                "--epochs",
                "3",
                "--threads",
                "1",
                "--seed",
                "5",
                "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = Json.mapper().readTree(r.out());
        assertEquals("skip-gram", j.get("architecture").asText());
        assertEquals("word2vec", j.get("format").asText());
        // the simple tokenizer splits at character-class changes: "the pet 1 cat is pet 2 , really ."
        assertEquals(4000 * 10, j.get("corpus_words").asLong());
        assertTrue(j.get("words_per_s").asLong() > 0);
        WordVectors wv = WordVectors.load(out1);
        assertEquals(16, wv.dimension());
        assertEquals(j.get("vocabulary").asInt(), wv.size());
        assertTrue(wv.similarity("cat", "dog") > wv.similarity("cat", "blue"), "cat~dog should beat cat~blue");
        assertTrue(Files.readAllLines(out1).get(0).matches("\\d+ 16"), "word2vec text starts with its header");

        CliRun again = CliRun.of(
                "word2vec",
                "--corpus",
                corpus.toString(),
                "--out",
                out2.toString(),
                "--dim",
                "16",
                "--epochs",
                "3",
                "--threads",
                "1",
                "--seed",
                "5");
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("Written to"), again.out());
        assertArrayEquals(Files.readAllBytes(out1), Files.readAllBytes(out2), "same seed, one thread: same bytes");
    }

    @Test
    void cbowToBinaryFormat() throws IOException {
        Path out = dir.resolve("v.bin");
        CliRun r = CliRun.of(
                "word2vec",
                "--corpus",
                corpus().toString(),
                "--out",
                out.toString(),
                "--cbow",
                "--dim",
                "8",
                "--epochs",
                "1",
                "--threads",
                "2",
                "--json");
        assertEquals(0, r.code(), r.err());
        assertEquals(
                "word2vec-bin", Json.mapper().readTree(r.out()).get("format").asText());
        assertEquals(8, WordVectors.load(out).dimension());
    }

    @Test
    void badInputIsOneLineAndExitTwo() throws IOException {
        CliRun missing = CliRun.of(
                "word2vec",
                "--corpus",
                dir.resolve("nope.txt").toString(),
                "--out",
                dir.resolve("x.txt").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("nope.txt"), missing.err());
        assertEquals(1, missing.err().strip().lines().count(), missing.err());

        CliRun badOption = CliRun.of(
                "word2vec",
                "--corpus",
                corpus().toString(),
                "--out",
                dir.resolve("x.txt").toString(),
                "--window",
                "0");
        assertEquals(2, badOption.code());
        assertTrue(badOption.err().contains("window"), badOption.err());

        CliRun tooRare = CliRun.of(
                "word2vec",
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
