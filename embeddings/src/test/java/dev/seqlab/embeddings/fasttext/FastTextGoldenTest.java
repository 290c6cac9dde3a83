package dev.seqlab.embeddings.fasttext;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.seqlab.core.testing.GoldenFiles;
import dev.seqlab.embeddings.Neighbor;
import dev.seqlab.embeddings.WordVectors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * A golden fastText {@code .bin} written by seqlab's writer (5 words, two of them not ASCII, 40
 * n-gram buckets, dimension 5), committed with what the code of the moment answered from it: its
 * args and words, the vectors of known and unknown words, and the neighbours of an unknown word.
 * Reading it today must give the same to 1e-6, and writing what was read must give the same bytes.
 *
 * <p>Rewrite (only on purpose): {@code mvn -pl embeddings -am test -Dtest=FastTextGoldenTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dseqlab.golden.write=true}.
 */
class FastTextGoldenTest {
    private static final Path DIR = GoldenFiles.dir("fasttext");
    private static final Path MODEL = DIR.resolve("model.bin");
    private static final Path EXPECTED = DIR.resolve("expected.json");
    private static final List<String> QUERIES = List.of("cat", "naïve", "日本", "cats", "naïveté", "日本語", "zz");

    @TempDir
    Path dir;

    @Test
    @EnabledIfSystemProperty(named = GoldenFiles.WRITE_PROPERTY, matches = "true")
    void writeGoldenFiles() throws IOException {
        Files.createDirectories(DIR);
        FastTextBinary.write(FastTextBinaryTest.sample(FastTextArchitecture.SKIPGRAM), MODEL);
        GoldenFiles.writeExpected(EXPECTED, observe(MODEL));
    }

    @Test
    void goldenModelReadsAsWritten() throws IOException {
        GoldenFiles.assertMatches(EXPECTED, observe(MODEL), 1e-6);
        Path again = dir.resolve("again.bin");
        FastTextBinary.write(FastTextBinary.read(MODEL), again);
        assertEquals(-1L, Files.mismatch(MODEL, again), "writing the golden model again changed its bytes");
    }

    private static ObjectNode observe(Path file) throws IOException {
        FastTextModel m = FastTextBinary.read(file);
        ObjectNode o = GoldenFiles.object();
        o.put("args", m.args().toString());
        ArrayNode words = o.putArray("words");
        m.dictionary().entries().forEach(words::add);
        WordVectors wv = WordVectors.load(file);
        ObjectNode vectors = o.putObject("vectors");
        for (String w : QUERIES) {
            ArrayNode v = vectors.putArray(w);
            for (float x : wv.vector(w)) {
                v.add(x);
            }
        }
        ArrayNode near = o.putArray("mostSimilar(cats)");
        for (Neighbor n : wv.mostSimilar("cats", 3)) {
            near.addObject().put("word", n.word()).put("score", n.score());
        }
        return o;
    }
}
