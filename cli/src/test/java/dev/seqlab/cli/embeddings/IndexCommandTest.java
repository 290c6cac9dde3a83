package dev.seqlab.cli.embeddings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.seqlab.cli.CliRun;
import dev.seqlab.cli.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code seqlab embeddings index} and the {@code --approximate} queries, on a small file. */
class IndexCommandTest {
    @TempDir
    Path dir;

    private Path text;
    private Path seqlab;

    /** 300 words of 6 dimensions on a few smooth curves, so neighbours are well defined. */
    @BeforeEach
    void writeVectors() throws IOException {
        text = dir.resolve("v.txt");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            b.append("w").append(i);
            for (int k = 0; k < 6; k++) {
                b.append(' ').append(String.format(Locale.ROOT, "%.6f", Math.sin(0.37 * i * (k + 1) + k)));
            }
            b.append('\n');
        }
        Files.writeString(text, b);
        seqlab = dir.resolve("v.seqlab");
        CliRun c = CliRun.of("embeddings", "convert", "--vectors", text.toString(), "--out", seqlab.toString());
        assertEquals(0, c.code(), c.err());
    }

    @Test
    void indexEvaluatesThenSimilarAnswersApproximately() throws IOException {
        CliRun r = CliRun.of(
                "embeddings",
                "index",
                "--vectors",
                seqlab.toString(),
                "--method",
                "hnsw",
                "--m",
                "8",
                "--evaluate",
                "--queries",
                "50",
                "--ef",
                "32,300",
                "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = Json.mapper().readTree(r.out());
        assertEquals(300, j.get("build").get("words").asInt());
        assertEquals(50, j.get("evaluation").get("queries").asInt());
        // a beam as wide as the vocabulary is exhaustive
        assertEquals(1.0, j.get("evaluation").get("rows").get(1).get("recall").asDouble(), 1e-9);
        CliRun exact = CliRun.of("embeddings", "similar", "--vectors", seqlab.toString(), "--json", "--top", "3", "w7");
        CliRun approx = CliRun.of(
                "embeddings",
                "similar",
                "--vectors",
                seqlab.toString(),
                "--approximate",
                "--ef",
                "300",
                "--json",
                "--top",
                "3",
                "w7");
        assertEquals(0, approx.code(), approx.err());
        assertEquals(
                Json.mapper().readTree(exact.out()).get("neighbors").findValuesAsText("word"),
                Json.mapper().readTree(approx.out()).get("neighbors").findValuesAsText("word"));
    }

    @Test
    void theDefaultInvertedFileWithAWideMarginFindsTheExactNeighbours() throws IOException {
        CliRun r = CliRun.of(
                "embeddings",
                "index",
                "--vectors",
                seqlab.toString(),
                "--margin",
                "1000",
                "--rerank",
                "300",
                "--evaluate",
                "--queries",
                "50",
                "--ef",
                "1,35",
                "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = Json.mapper().readTree(r.out());
        assertEquals("ivf", j.get("build").get("method").asText());
        assertEquals(35, j.get("build").get("lists").asInt());
        // the margin is relative to the nearest list's distance, so even a wide one need not probe every list
        double recall = j.get("evaluation").get("rows").get(1).get("recall").asDouble();
        assertTrue(recall >= 0.99, "recall@10 probing up to every list: " + recall);
        CliRun exact = CliRun.of("embeddings", "similar", "--vectors", seqlab.toString(), "--json", "--top", "3", "w7");
        CliRun approx = CliRun.of(
                "embeddings",
                "similar",
                "--vectors",
                seqlab.toString(),
                "--approximate",
                "--ef",
                "35",
                "--json",
                "--top",
                "3",
                "w7");
        assertEquals(0, approx.code(), approx.err());
        assertEquals(
                Json.mapper().readTree(exact.out()).get("neighbors").findValuesAsText("word"),
                Json.mapper().readTree(approx.out()).get("neighbors").findValuesAsText("word"));
        CliRun wrong = CliRun.of("embeddings", "index", "--vectors", seqlab.toString(), "--m", "8");
        assertEquals(2, wrong.code());
        assertTrue(wrong.err().contains("--method hnsw"), wrong.err());
    }

    @Test
    void helpShowsExamplesAndTheApproximateOptions() {
        CliRun index = CliRun.of("embeddings", "index", "--help");
        assertEquals(0, index.code(), index.err());
        assertTrue(index.out().contains("seqlab embeddings index --vectors"), index.out());
        CliRun similar = CliRun.of("embeddings", "similar", "--help");
        assertTrue(similar.out().contains("--approximate") && similar.out().contains("--ef"), similar.out());
    }

    @Test
    void withoutAnIndexOrOnATextFileTheErrorSaysWhatToDo() {
        CliRun noIndex = CliRun.of("embeddings", "similar", "--vectors", seqlab.toString(), "--approximate", "w1");
        assertEquals(2, noIndex.code());
        assertTrue(noIndex.err().contains("seqlab embeddings index --vectors"), noIndex.err());
        assertEquals(1, noIndex.err().strip().lines().count(), noIndex.err());
        CliRun onText = CliRun.of("embeddings", "index", "--vectors", text.toString());
        assertEquals(2, onText.code());
        assertTrue(onText.err().contains("seqlab embeddings convert"), onText.err());
    }
}
