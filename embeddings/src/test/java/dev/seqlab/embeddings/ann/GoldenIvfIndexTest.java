package dev.seqlab.embeddings.ann;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.seqlab.core.progress.ProgressListener;
import dev.seqlab.core.testing.GoldenFiles;
import dev.seqlab.embeddings.Neighbor;
import dev.seqlab.embeddings.WordVectors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The golden vectors file (48 words × 16, {@code golden/vectors/vectors.seqlab}) with an
 * inverted-file index section, committed with the approximate answers it gave: loading it today
 * must give the same answers, and indexing the golden vectors again with the same options must
 * give the same bytes, so the section layout and the build stay what users' files hold.
 *
 * <p>Rewrite (only on purpose): {@code mvn -pl embeddings -am test -Dtest=GoldenIvfIndexTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dseqlab.golden.write=true}.
 */
class GoldenIvfIndexTest {
    private static final Path DIR = GoldenFiles.dir("ivf");
    private static final Path INDEXED = DIR.resolve("vectors.ivf.seqlab");
    private static final Path EXPECTED = DIR.resolve("expected.json");
    private static final Path VECTORS = GoldenFiles.dir("vectors").resolve("vectors.seqlab");
    private static final IvfOptions OPTIONS = IvfOptions.defaults().withSeed(42).withThreads(1);

    @Test
    void theGoldenIndexGivesTheAnswersItGaveWhenWritten() throws IOException {
        GoldenFiles.assertMatches(EXPECTED, observe(INDEXED), 1e-6);
    }

    @Test
    void indexingTheGoldenVectorsAgainGivesTheSameBytes(@TempDir Path tmp) throws Exception {
        Path copy = Files.copy(VECTORS, tmp.resolve("v.seqlab"));
        WordVectors.buildApproximateIndex(copy, OPTIONS.withThreads(2), ProgressListener.NONE);
        assertArrayEquals(Files.readAllBytes(INDEXED), Files.readAllBytes(copy));
    }

    @Test
    @EnabledIfSystemProperty(named = GoldenFiles.WRITE_PROPERTY, matches = "true")
    void writeGoldenIndex() throws Exception {
        Files.createDirectories(DIR);
        Files.copy(VECTORS, INDEXED, StandardCopyOption.REPLACE_EXISTING);
        WordVectors.buildApproximateIndex(INDEXED, OPTIONS, ProgressListener.NONE);
        GoldenFiles.writeExpected(EXPECTED, observe(INDEXED));
    }

    private static ObjectNode observe(Path file) throws IOException {
        WordVectors wv = WordVectors.load(file);
        IvfIndex index = (IvfIndex) wv.approximate().index();
        ObjectNode o = GoldenFiles.object();
        o.put("size", index.size());
        o.put("lists", index.lists());
        o.put("probes", index.defaultEffort());
        o.put("margin", index.margin());
        o.put("rerank", index.rerank());
        o.put("seed", index.seed());
        ObjectNode answers = o.putObject("mostSimilar");
        for (String w : new String[] {"king", "paris", "cat", "café"}) {
            ArrayNode a = answers.putArray(w);
            for (Neighbor n : wv.approximate().withEf(1).mostSimilar(w, 5)) {
                a.addObject().put("word", n.word()).put("cosine", n.score());
            }
        }
        return o;
    }
}
