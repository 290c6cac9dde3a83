package dev.seqlab.cli.fasttext;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.seqlab.cli.CliRun;
import dev.seqlab.cli.Json;
import dev.seqlab.embeddings.WordVectors;
import dev.seqlab.embeddings.fasttext.FastTextBinary;
import dev.seqlab.embeddings.fasttext.FastTextModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code seqlab fasttext}: writes a {@code .bin} and a {@code .vec} that agree; bad input is one line and exit 2. */
class FastTextCommandTest {
    @TempDir
    Path dir;

    private Path corpus() throws IOException {
        SplittableRandom rnd = new SplittableRandom(2);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            lines.add("the walk" + (rnd.nextBoolean() ? "ing" : "ed") + " cat" + rnd.nextInt(5) + " is, really.");
        }
        Path file = dir.resolve("corpus.txt");
        Files.write(file, lines);
        return file;
    }

    @Test
    void writesABinAndAVecThatAgree() throws IOException {
        Path prefix = dir.resolve("model");
        CliRun r = CliRun.of(
                "fasttext",
                "--corpus",
                corpus().toString(),
                "--out",
                prefix.toString(),
                "--cbow",
                "--dim",
                "8",
                "--bucket",
                "1000",
                "--epoch",
                "1",
                "--threads",
                "1",
                "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = Json.mapper().readTree(r.out());
        assertEquals("cbow", j.get("architecture").asText());
        // split at whitespace only, as fastText splits: "is," and "really." are words
        assertEquals(1500 * 5, j.get("corpus_words").asLong());
        FastTextModel model = FastTextBinary.read(Path.of(prefix + ".bin"));
        WordVectors vec = WordVectors.load(Path.of(prefix + ".vec"));
        assertEquals(model.nwords(), vec.size());
        assertEquals(1000, model.args().bucket());
        for (String w : List.of("walking", "is,", "</s>")) {
            assertArrayEquals(model.wordVector(w), vec.vector(w), 1e-5f, w);
        }
    }

    @Test
    void badInputIsOneLineAndExitTwo() throws IOException {
        assertRefused(dir.resolve("nope.txt"), "nope.txt");
        Path corpus = corpus();
        assertRefused(corpus, "minn", "--maxn", "2");
        assertRefused(corpus, "dim", "--dim", "0");
        assertRefused(corpus, "min-count", "--min-count", "1000000");
        assertRefused(corpus, "x.checkpoint", "--resume");
        assertFalse(Files.exists(dir.resolve("x.bin")), "nothing written on failure");
        assertFalse(Files.exists(dir.resolve("x.vec")), "nothing written on failure");
    }

    /**
     * Asserts that {@code seqlab fasttext --corpus CORPUS --out DIR/x OPTIONS…} is refused with one
     * line naming {@code expected} and exit status 2.
     */
    private void assertRefused(Path corpus, String expected, String... options) {
        List<String> args = new ArrayList<>(List.of(
                "fasttext",
                "--corpus",
                corpus.toString(),
                "--out",
                dir.resolve("x").toString()));
        args.addAll(List.of(options));
        CliRun.assertOneLineExit2(CliRun.of(args.toArray(String[]::new)), expected);
    }
}
