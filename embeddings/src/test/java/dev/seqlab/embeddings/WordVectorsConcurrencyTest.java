package dev.seqlab.embeddings;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seqlab.core.testing.ParallelAgreement;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * WordVectors is documented as safe to query from several threads: similar, analogy,
 * similarity and doesn't-match from 8 threads for a few seconds give exactly the sequential
 * answers (including the first queries, which build the lazily made search index); and over a
 * vocabulary large enough for the two-pass search, where concurrent searches share one circular
 * scan, every answer of 8 threads for a few seconds is the sequential one; likewise over vectors
 * opened from a text file (words kept as bytes in chunks, norms computed while parsing). The
 * seconds are 3 in the build; {@code -Dseqlab.concurrency.seconds=30} runs each for 30 s (issue
 * 15's "8 threads querying one instance for 30 s").
 */
class WordVectorsConcurrencyTest {
    /** How long each test queries: {@code seqlab.concurrency.seconds}, 3 by default. */
    private static final Duration DURATION = Duration.ofSeconds(Integer.getInteger("seqlab.concurrency.seconds", 3));

    @TempDir
    Path dir;

    private static WordVectors random(int words, int dim, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<String> vocabulary = new ArrayList<>();
        float[] m = new float[words * dim];
        for (int w = 0; w < words; w++) {
            vocabulary.add("w" + w);
            for (int d = 0; d < dim; d++) {
                m[w * dim + d] = (float) r.nextGaussian();
            }
        }
        return WordVectors.of(vocabulary, m, dim);
    }

    @Test
    void eightThreadsAgreeWithOne() {
        WordVectors wv = random(3_000, 48, 9);
        SplittableRandom r = new SplittableRandom(4);
        List<Function<WordVectors, Object>> queries = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String a = "w" + r.nextInt(3_000);
            String b = "w" + r.nextInt(3_000);
            String c = "w" + r.nextInt(3_000);
            String d = "w" + r.nextInt(3_000);
            AnalogyMethod method = i % 8 == 1 ? AnalogyMethod.ADD : AnalogyMethod.MUL;
            switch (i % 4) {
                case 0 -> queries.add(v -> v.mostSimilar(a, 10));
                case 1 -> queries.add(v -> v.analogy(a, b, c, method, 5));
                case 2 -> queries.add(v -> v.similarity(a, b));
                default -> queries.add(v -> v.doesntMatch(List.of(a, b, c, d)));
            }
        }
        long compared = ParallelAgreement.check(8, DURATION, queries, q -> q.apply(wv));
        assertTrue(compared >= 8 * queries.size(), compared + " answers compared");
    }

    @Test
    void eightThreadsForSecondsOverBatchedTwoPassSearches() {
        WordVectors wv = random(40_000, 32, 12);
        wv.prepareQueries();
        SplittableRandom r = new SplittableRandom(6);
        List<Function<WordVectors, Object>> queries = new ArrayList<>();
        for (int i = 0; i < 48; i++) {
            String a = "w" + r.nextInt(40_000);
            String b = "w" + r.nextInt(40_000);
            String c = "w" + r.nextInt(40_000);
            int top = 1 + r.nextInt(30);
            switch (i % 4) {
                case 0 -> queries.add(v -> v.mostSimilar(a, top).toString());
                case 1 -> queries.add(
                        v -> v.analogy(a, b, c, AnalogyMethod.ADD, top).toString());
                case 2 -> queries.add(v ->
                        v.mostSimilar(List.of(a, b), List.of(c), top, 35_000).toString());
                default -> queries.add(v -> v.similarByVector(v.vector(a), top).toString());
            }
        }
        long compared = ParallelAgreement.check(8, DURATION, queries, q -> q.apply(wv));
        assertTrue(compared >= 8 * queries.size(), compared + " answers compared");
    }

    @Test
    void eightThreadsAgreeWithOneOverVectorsOpenedFromText() throws IOException {
        SplittableRandom r = new SplittableRandom(21);
        Path file = dir.resolve("v.txt");
        try (Writer out = Files.newBufferedWriter(file)) {
            out.write("20000 24\n");
            for (int w = 0; w < 20_000; w++) {
                out.write(w % 7 == 3 ? "é" + w : "w" + w);
                for (int d = 0; d < 24; d++) {
                    out.write(" " + (float) r.nextGaussian());
                }
                out.write('\n');
            }
        }
        WordVectors wv = WordVectors.load(file);
        List<Function<WordVectors, Object>> queries = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String a = "w" + (7 * r.nextInt(2_800));
            String b = "é" + (7 * r.nextInt(2_800) + 3);
            String c = "w" + (7 * r.nextInt(2_800) + 1);
            int top = 1 + r.nextInt(20);
            switch (i % 4) {
                case 0 -> queries.add(v -> v.mostSimilar(a, top).toString());
                case 1 -> queries.add(v -> v.mostSimilar(b, top).toString());
                case 2 -> queries.add(
                        v -> v.analogy(a, b, c, AnalogyMethod.ADD, top).toString());
                default -> queries.add(v -> v.similarity(b, c));
            }
        }
        long compared = ParallelAgreement.check(8, DURATION, queries, q -> q.apply(wv));
        assertTrue(compared >= 8 * queries.size(), compared + " answers compared");
    }
}
