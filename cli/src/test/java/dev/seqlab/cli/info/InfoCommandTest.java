package dev.seqlab.cli.info;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seqlab.cli.CliRun;
import dev.seqlab.embeddings.WordVectors;
import dev.seqlab.embeddings.io.VectorFormat;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code seqlab info} says whether class-data sharing is arranged and how a vectors file would be opened. */
class InfoCommandTest {

    private static JsonNode info(String... extra) throws Exception {
        String[] args = new String[extra.length + 2];
        args[0] = "info";
        args[1] = "--json";
        System.arraycopy(extra, 0, args, 2, extra.length);
        CliRun r = CliRun.of(args);
        assertEquals(0, r.code(), r.err());
        return new ObjectMapper().readTree(r.out());
    }

    @Test
    void reportsWhetherAVectorsFileIsMappedOrRead(@TempDir Path dir) throws Exception {
        WordVectors wv = WordVectors.of(List.of("a", "b"), new float[] {1, 0, 0, 1}, 2);
        Path seqlab = dir.resolve("v.seqlab");
        Path text = dir.resolve("v.txt");
        wv.save(seqlab, VectorFormat.SEQLAB);
        wv.save(text, VectorFormat.WORD2VEC);
        JsonNode mapped = info("--vectors", seqlab.toString());
        assertEquals("seqlab", mapped.get("vectors_format").asText());
        assertTrue(mapped.get("vectors_storage").asText().startsWith("memory-mapped"), mapped.toString());
        JsonNode read = info("--vectors", text.toString());
        assertEquals("word2vec", read.get("vectors_format").asText());
        assertTrue(read.get("vectors_storage").asText().startsWith("read into the heap"), read.toString());
    }

    @Test
    void reportsClassDataSharingAsArrangedByTheLauncher() throws Exception {
        String before = System.getProperty("seqlab.cds");
        try {
            System.clearProperty("seqlab.cds");
            assertTrue(info().get("class_data_sharing").asText().matches("off|JDK classes only.*"));
            System.setProperty("seqlab.cds", "dumping");
            assertTrue(info().get("class_data_sharing").asText().contains("being written by this run"));
        } finally {
            if (before == null) {
                System.clearProperty("seqlab.cds");
            } else {
                System.setProperty("seqlab.cds", before);
            }
        }
    }
}
