package dev.seqlab.embeddings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.seqlab.core.random.SeededRandom;
import dev.seqlab.core.testing.GoldenFiles;
import dev.seqlab.embeddings.io.VectorFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Golden vectors files: the same 48 words × 16 dimensions written in every format seqlab writes
 * (seqlab's own, word2vec binary, word2vec text, GloVe text), committed with what the code of the
 * moment answered from each (size, words, raw vectors, neighbours with cosines, an analogy of each
 * method, a word pair's similarity, the odd one out). Loading them today must give the same answers
 * to 1e-6, so vectors files users keep stay readable and mean the same; writing them again must
 * give the same bytes.
 *
 * <p>Rewrite (only on purpose): {@code mvn -pl embeddings -am test -Dtest=GoldenVectorsTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dseqlab.golden.write=true}.
 */
class GoldenVectorsTest {
    private static final Path DIR = GoldenFiles.dir("vectors");
    private static final Path EXPECTED = DIR.resolve("expected.json");
    private static final double TOLERANCE = 1e-6;
    private static final int DIM = 16;
    /** Plain words, plus two that are not ASCII (UTF-8 in every format). */
    private static final List<String> WORDS = List.of(
            "king",
            "queen",
            "man",
            "woman",
            "prince",
            "princess",
            "boy",
            "girl",
            "paris",
            "france",
            "rome",
            "italy",
            "berlin",
            "germany",
            "madrid",
            "spain",
            "cat",
            "dog",
            "mouse",
            "horse",
            "apple",
            "pear",
            "plum",
            "grape",
            "red",
            "green",
            "blue",
            "yellow",
            "one",
            "two",
            "three",
            "four",
            "run",
            "walk",
            "swim",
            "jump",
            "big",
            "small",
            "fast",
            "slow",
            "sun",
            "moon",
            "star",
            "sky",
            "café",
            "naïve",
            "river",
            "sea");

    /** Each file and the format it is written in. */
    private enum Golden {
        SEQLAB("vectors.seqlab", VectorFormat.SEQLAB),
        WORD2VEC_BINARY("vectors.w2v.bin", VectorFormat.WORD2VEC_BINARY),
        WORD2VEC_TEXT("vectors.w2v.txt", VectorFormat.WORD2VEC),
        GLOVE("vectors.glove.txt", VectorFormat.GLOVE);

        final String file;
        final VectorFormat format;

        Golden(String file, VectorFormat format) {
            this.file = file;
            this.format = format;
        }
    }

    @Test
    void goldenVectorsGiveTheAnswersTheyGaveWhenWritten() throws IOException {
        GoldenFiles.assertMatches(EXPECTED, observeAll(), TOLERANCE);
    }

    @Test
    void writingTheGoldenVectorsAgainGivesTheSameBytes(@TempDir Path tmp) throws IOException {
        WordVectors v = WordVectors.load(DIR.resolve(Golden.SEQLAB.file));
        for (Golden g : Golden.values()) {
            Path out = tmp.resolve(g.file);
            v.save(out, g.format);
            assertArrayEquals(Files.readAllBytes(DIR.resolve(g.file)), Files.readAllBytes(out), g.file);
        }
    }

    @Test
    @EnabledIfSystemProperty(named = GoldenFiles.WRITE_PROPERTY, matches = "true")
    void writeGoldenVectors() throws IOException {
        SeededRandom rng = new SeededRandom(14);
        float[] matrix = new float[WORDS.size() * DIM];
        for (int i = 0; i < matrix.length; i++) {
            matrix[i] = (float) rng.nextGaussian();
        }
        WordVectors vectors = WordVectors.of(WORDS, matrix, DIM);
        Files.createDirectories(DIR);
        for (Golden g : Golden.values()) {
            vectors.save(DIR.resolve(g.file), g.format);
        }
        GoldenFiles.writeExpected(EXPECTED, observeAll());
    }

    private static ObjectNode observeAll() throws IOException {
        ObjectNode all = GoldenFiles.object();
        for (Golden g : Golden.values()) {
            all.set(g.file, observe(WordVectors.load(DIR.resolve(g.file))));
        }
        return all;
    }

    private static ObjectNode observe(WordVectors v) {
        ObjectNode o = GoldenFiles.object();
        o.put("size", v.size());
        o.put("dimension", v.dimension());
        ArrayNode words = o.putArray("words");
        v.words().forEach(words::add);
        ObjectNode vectors = o.putObject("vectors");
        for (String w : List.of("king", "café", "sea")) {
            ArrayNode row = vectors.putArray(w);
            for (float x : v.vector(w)) {
                row.add(x);
            }
        }
        ObjectNode similar = o.putObject("most_similar");
        for (String w : List.of("king", "paris", "naïve")) {
            similar.set(w, neighbors(v.mostSimilar(w, 5)));
        }
        o.set("analogy_add", neighbors(v.analogy("man", "king", "woman", AnalogyMethod.ADD, 3)));
        o.set("analogy_mul", neighbors(v.analogy("france", "paris", "italy", AnalogyMethod.MUL, 3)));
        o.put("similarity_cat_dog", v.similarity("cat", "dog"));
        o.put("doesnt_match", v.doesntMatch(List.of("apple", "pear", "plum", "river")));
        return o;
    }

    private static ArrayNode neighbors(List<Neighbor> list) {
        ArrayNode a = GoldenFiles.object().arrayNode();
        for (Neighbor n : list) {
            a.addObject().put("word", n.word()).put("score", n.score());
        }
        return a;
    }
}
