package dev.seqlab.bench.embeddings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seqlab.embeddings.WordVectors;
import dev.seqlab.embeddings.io.VectorFormat;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code AnnVersusLucene --lucene-graph}: the first run builds and saves, the second opens and measures. */
class AnnVersusLuceneGraphTest {
    @TempDir
    Path dir;

    @Test
    void buildsSavesThenReopensTheSavedGraph() throws Exception {
        int n = 1500;
        int dim = 16;
        Random random = new Random(3);
        List<String> words = new ArrayList<>(n);
        float[] matrix = new float[n * dim];
        for (int i = 0; i < n; i++) {
            words.add("w" + i);
            for (int d = 0; d < dim; d++) {
                matrix[i * dim + d] = (float) random.nextGaussian();
            }
        }
        Path vectors = dir.resolve("small.seqlab");
        WordVectors.of(words, matrix, dim).save(vectors, VectorFormat.SEQLAB);
        Path graph = dir.resolve("small.hnsw");
        String[] args = {
            vectors.toString(),
            dir.resolve("work").toString(),
            "--skip-seqlab",
            "--threads",
            "2",
            "--queries",
            "20",
            "--rounds",
            "1",
            "--lucene-efs",
            "16,32",
            "--lucene-graph",
            graph.toString()
        };

        String first = run(args);
        assertTrue(Files.exists(graph));
        assertTrue(first.contains("lucene build "), first);
        assertTrue(first.contains("equal the built graph's"), first);
        assertEquals(n, LuceneGraphFile.readHeader(graph).nodes());

        String second = run(args);
        assertFalse(second.contains("lucene build "), second);
        assertTrue(second.contains("lucene graph opened from " + graph), second);
        assertTrue(second.contains("recorded at that build"), second);
        assertEquals(recallColumn(first), recallColumn(second));
    }

    private static String run(String[] args) throws Exception {
        PrintStream out = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            AnnVersusLucene.main(args);
        } finally {
            System.setOut(out);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** The engine, ef and recall of each median row. */
    private static List<String> recallColumn(String log) {
        String medians = log.substring(log.indexOf("medians of"));
        List<String> out = new ArrayList<>();
        for (String line : medians.split("\n")) {
            if (line.startsWith("lucene ")) {
                String[] f = line.trim().split("\\s+");
                out.add(f[0] + " " + f[4] + " " + f[5]);
            }
        }
        assertEquals(2, out.size(), medians);
        return out;
    }
}
