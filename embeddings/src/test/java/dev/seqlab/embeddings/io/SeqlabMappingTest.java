package dev.seqlab.embeddings.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seqlab.core.io.MalformedFileException;
import dev.seqlab.core.progress.ProgressListener;
import dev.seqlab.core.testing.GoldenFiles;
import dev.seqlab.embeddings.AnalogyMethod;
import dev.seqlab.embeddings.UnknownWordException;
import dev.seqlab.embeddings.WordVectors;
import dev.seqlab.embeddings.fixtures.Vectors;
import dev.seqlab.embeddings.store.StoredVectors;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seqlab format, version 2: a file written and opened again is memory-mapped (not read into
 * the heap) and answers every query exactly as the same vectors held in memory, over enough rows
 * for the two-pass search (whose int8 copy then comes from the file); options, non-ASCII words and
 * damaged headers.
 */
class SeqlabMappingTest {
    private static final int DIM = 24;
    private static final int ROWS = 40_000;

    private static WordVectors inMemory() {
        WordVectors random = Vectors.gaussian(ROWS, DIM, 3, i -> i % 1000 == 7 ? "wörd" + i : "w" + i);
        float[] m = random.copyOfMatrix();
        System.arraycopy(m, 11 * DIM, m, 30_000 * DIM, DIM); // an exact tie, broken by row
        Arrays.fill(m, 5 * DIM, 6 * DIM, 0f); // a zero row, never a neighbour
        return WordVectors.of(random.words(), m, DIM);
    }

    private static Path saved(Path dir, WordVectors v) throws IOException {
        Path f = dir.resolve("v.seqlab");
        v.save(f, VectorFormat.SEQLAB);
        return f;
    }

    @Test
    void mappedVectorsAnswerExactlyAsInMemory(@TempDir Path dir) throws IOException {
        WordVectors heap = inMemory();
        Path f = saved(dir, heap);
        StoredVectors stored = VectorFiles.open(f, LoadOptions.DEFAULT, ProgressListener.NONE);
        assertTrue(stored.int8() != null && stored.norms() != null, "norms and int8 copy come from the file");
        WordVectors mapped = WordVectors.load(f);
        assertEquals(heap.size(), mapped.size());
        assertEquals(heap.dimension(), mapped.dimension());
        assertEquals(heap.words(), mapped.words());
        assertArrayEquals(heap.copyOfMatrix(), mapped.copyOfMatrix());
        for (String w : List.of("w11", "w0", "wörd1007", "w39999", "w5", "w30000")) {
            assertEquals(mapped.indexOf(w), heap.indexOf(w), w);
            assertArrayEquals(heap.vector(w), mapped.vector(w), w);
            assertEquals(heap.mostSimilar(w, 10), mapped.mostSimilar(w, 10), w);
            assertEquals(
                    heap.mostSimilar(List.of(w), List.of(), 5, 20_000),
                    mapped.mostSimilar(List.of(w), List.of(), 5, 20_000),
                    w);
        }
        assertEquals("w30000", mapped.mostSimilar("w11", 1).get(0).word());
        assertEquals(
                heap.analogy("w1", "w2", "w3", AnalogyMethod.ADD, 5),
                mapped.analogy("w1", "w2", "w3", AnalogyMethod.ADD, 5));
        assertEquals(
                heap.analogy("w1", "w2", "w3", AnalogyMethod.MUL, 5),
                mapped.analogy("w1", "w2", "w3", AnalogyMethod.MUL, 5));
        assertEquals(
                heap.doesntMatch(List.of("w1", "w2", "w3", "w4")), mapped.doesntMatch(List.of("w1", "w2", "w3", "w4")));
        assertEquals(heap.similarity("w1", "w9"), mapped.similarity("w1", "w9"));
        assertEquals(-1, mapped.indexOf("nowhere"));
        assertEquals(-1, mapped.indexOf("w"));
        UnknownWordException e = assertThrows(UnknownWordException.class, () -> mapped.vector("w4000x"));
        assertTrue(e.getMessage().contains("w4000"), e.getMessage());
    }

    @Test
    void savingMappedVectorsGivesTheSameBytes(@TempDir Path dir) throws IOException {
        Path f = saved(dir, inMemory());
        Path again = dir.resolve("again.seqlab");
        WordVectors.load(f).save(again, VectorFormat.SEQLAB);
        assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(again));
    }

    @Test
    void limitAndLowercaseOptions(@TempDir Path dir) throws IOException {
        WordVectors v =
                WordVectors.of(List.of("Alpha", "beta", "alpha", "Gamma"), new float[] {1, 0, 0, 1, -1, 0, 1, 1}, 2);
        Path f = saved(dir, v);
        WordVectors first2 = WordVectors.load(f, LoadOptions.DEFAULT.withLimit(2));
        assertEquals(List.of("Alpha", "beta"), first2.words());
        assertEquals(-1, first2.indexOf("alpha"));
        assertEquals(
                List.of("beta"),
                first2.mostSimilar("Alpha", 5).stream().map(n -> n.word()).toList());
        WordVectors lower = WordVectors.load(f, LoadOptions.DEFAULT.withLowercase(true));
        assertEquals(List.of("alpha", "beta", "gamma"), lower.words());
        assertArrayEquals(new float[] {1, 1}, lower.vector("gamma"));
    }

    @Test
    void emptyVocabularyRoundTrips(@TempDir Path dir) throws IOException {
        WordVectors empty = WordVectors.load(saved(dir, WordVectors.of(List.of(), new float[0], 3)));
        assertEquals(0, empty.size());
        assertEquals(3, empty.dimension());
        assertEquals(-1, empty.indexOf("x"));
    }

    @Test
    void headersAnnouncingMoreThanTheFileHoldsFailBeforeAllocating(@TempDir Path dir) throws IOException {
        Path f = saved(dir, inMemory());
        Path bigRows = dir.resolve("rows.seqlab");
        Files.copy(f, bigRows);
        patchLong(bigRows, 16, 2_000_000_000L);
        assertOneLine(bigRows, "section type 1 has");
        Path bigDim = dir.resolve("dim.seqlab");
        Files.copy(f, bigDim);
        patchInt(bigDim, 12, Integer.MAX_VALUE);
        assertOneLine(bigDim, "corrupt seqlab header");
        Path truncated = dir.resolve("short.seqlab");
        byte[] all = Files.readAllBytes(f);
        Files.write(truncated, Arrays.copyOf(all, all.length / 2));
        assertOneLine(truncated, "claims bytes");
    }

    @Test
    void version1HeadersAnnouncingMoreThanTheFileHoldsFailBeforeAllocating(@TempDir Path dir) throws IOException {
        Path v1 = dir.resolve("v1.seqlab");
        Files.copy(GoldenFiles.dir("vectors").resolve("vectors-v1.seqlab"), v1);
        patchLong(v1, 16, 1L << 30);
        assertOneLine(v1, "corrupt or truncated seqlab vectors file");
        patchLong(v1, 16, 48);
        patchInt(v1, 12, Integer.MAX_VALUE);
        assertOneLine(v1, "corrupt seqlab header");
    }

    private static void assertOneLine(Path f, String expected) {
        MalformedFileException e = assertThrows(MalformedFileException.class, () -> WordVectors.load(f));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
    }

    private static void patchLong(Path f, long at, long v) throws IOException {
        patch(f, at, ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0, v));
    }

    private static void patchInt(Path f, long at, int v) throws IOException {
        patch(f, at, ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(0, v));
    }

    private static void patch(Path f, long at, ByteBuffer b) throws IOException {
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
            ch.write(b, at);
        }
    }
}
