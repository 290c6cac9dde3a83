package dev.seqlab.spark.submit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seqlab.embeddings.WordVectors;
import dev.seqlab.embeddings.synthetic.SyntheticRelations;
import dev.seqlab.spark.SparkTesting;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spark-submit entry point run in-process on {@code local[2]}: a word2vec job end to end, and bad input. */
class SparkMainTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        SparkTesting.session();
        return SparkMain.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void word2vecJobWritesAVectorsFileSeqlabReads() throws IOException {
        Path corpus = dir.resolve("corpus.txt");
        Files.write(
                corpus,
                SyntheticRelations.corpus(10_000, 5).stream()
                        .map(s -> String.join(" ", s))
                        .collect(Collectors.toList()));
        Path vectors = dir.resolve("vectors.bin");
        int status = run(
                "word2vec",
                "--corpus",
                corpus.toString(),
                "--out",
                vectors.toString(),
                "--tokenizer",
                "whitespace",
                "--dim",
                "16",
                "--epochs",
                "1",
                "--partitions",
                "2",
                "--master",
                "local[2]",
                "--json");
        assertEquals(0, status, err.toString());
        assertTrue(out.toString().startsWith("{\"words\":"), out.toString());
        assertTrue(out.toString().contains("\"partitions\":2"), out.toString());
        WordVectors wv = WordVectors.load(vectors);
        assertEquals(16, wv.dimension());
        assertTrue(wv.contains("king"));
    }

    @Test
    void badInputIsOneLineAndExitStatusTwo() {
        int status = run("word2vec", "--corpus", dir.resolve("missing.txt").toString(), "--out", "x.txt");
        assertEquals(SparkMain.BAD_INPUT, status);
        String message = err.toString().strip();
        assertTrue(message.startsWith("seqlab-spark: "), message);
        assertTrue(message.contains("missing.txt"), message);
        assertFalse(message.contains("\n"), message);
        assertFalse(message.contains("\tat "), message);

        err.getBuffer().setLength(0);
        assertEquals(SparkMain.BAD_INPUT, run("word2vec", "--corpus", "c", "--out", "x.txt", "--sync", "sometimes"));
        assertTrue(err.toString().contains("--sync 'sometimes'"), err.toString());
    }
}
