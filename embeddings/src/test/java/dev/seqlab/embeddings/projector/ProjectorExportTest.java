package dev.seqlab.embeddings.projector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.seqlab.core.progress.ProgressListener;
import dev.seqlab.embeddings.WordVectors;
import dev.seqlab.embeddings.fixtures.Vectors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectorExportTest {

    @TempDir
    Path dir;

    private final WordVectors table = Vectors.of(
            List.of("the", "king", "ça"),
            new float[][] {{0.1f, -2.5f, 3e-7f}, {1f / 3, 0f, -0f}, {123456.79f, 1e20f, -1.25f}});

    @Test
    void vectorsRoundTripAndOneColumnMetadataHasNoHeader() throws Exception {
        Path out = dir.resolve("new/sub");
        List<Path> files = ProjectorExport.write(out, table, false, ProgressListener.NONE);
        assertEquals(List.of(out.resolve("vectors.tsv"), out.resolve("metadata.tsv")), files);
        List<String> lines = Files.readAllLines(files.get(0));
        assertEquals(3, lines.size());
        for (int i = 0; i < 3; i++) {
            String[] f = lines.get(i).split("\t", -1);
            assertEquals(3, f.length);
            for (int j = 0; j < 3; j++) {
                assertEquals(
                        Float.floatToIntBits(table.vector(i)[j]),
                        Float.floatToIntBits(Float.parseFloat(f[j])),
                        lines.get(i));
            }
        }
        assertEquals(List.of("the", "king", "ça"), Files.readAllLines(files.get(1)));
        try (Stream<Path> s = Files.list(out)) {
            assertEquals(2, s.count(), "no temporary files are left behind");
        }
    }

    @Test
    void severalMetadataColumnsGetAHeader() throws Exception {
        ProjectorExport.write(dir, table, true, ProgressListener.NONE);
        assertEquals(
                List.of("word\trank", "the\t1", "king\t2", "ça\t3"), Files.readAllLines(dir.resolve("metadata.tsv")));
    }

    @Test
    void rejectsWordsThatWouldBreakTheColumns() {
        WordVectors bad = Vectors.of(List.of("a\tb"), new float[][] {{1}});
        assertThrows(
                IllegalArgumentException.class, () -> ProjectorExport.write(dir, bad, false, ProgressListener.NONE));
    }
}
