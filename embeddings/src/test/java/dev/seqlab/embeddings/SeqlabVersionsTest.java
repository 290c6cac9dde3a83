package dev.seqlab.embeddings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.seqlab.core.testing.GoldenFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The golden seqlab file of the first format version ({@code vectors-v1.seqlab}, as committed before
 * version 2) still loads, and answers exactly as the golden file of the current version
 * ({@code vectors.seqlab}, whose answers {@link GoldenVectorsTest} checks): same words, same bits in
 * every vector, and every query the same words with the same float scores.
 */
class SeqlabVersionsTest {
    private static final Path DIR = GoldenFiles.dir("vectors");

    @Test
    void version1FileAnswersExactlyAsTheCurrentVersion() throws IOException {
        WordVectors v1 = WordVectors.load(DIR.resolve("vectors-v1.seqlab"));
        WordVectors v2 = WordVectors.load(DIR.resolve("vectors.seqlab"));
        assertEquals(v2.size(), v1.size());
        assertEquals(v2.dimension(), v1.dimension());
        assertEquals(v2.words(), v1.words());
        assertArrayEquals(v2.copyOfMatrix(), v1.copyOfMatrix());
        for (String w : v2.words()) {
            assertEquals(v2.mostSimilar(w, 10), v1.mostSimilar(w, 10), w);
            assertEquals(v2.norm(v2.indexOf(w)), v1.norm(v1.indexOf(w)), w);
        }
        assertEquals(
                v2.analogy("man", "king", "woman", AnalogyMethod.ADD, 5),
                v1.analogy("man", "king", "woman", AnalogyMethod.ADD, 5));
        assertEquals(
                v2.analogy("france", "paris", "italy", AnalogyMethod.MUL, 5),
                v1.analogy("france", "paris", "italy", AnalogyMethod.MUL, 5));
        assertEquals(
                v2.doesntMatch(List.of("apple", "pear", "plum", "river")),
                v1.doesntMatch(List.of("apple", "pear", "plum", "river")));
    }
}
