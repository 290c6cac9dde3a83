package dev.seqlab.embeddings.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seqlab.core.io.MalformedFileException;
import dev.seqlab.core.progress.ProgressListener;
import dev.seqlab.embeddings.Neighbor;
import dev.seqlab.embeddings.WordVectors;
import dev.seqlab.embeddings.store.StoredVectors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A word2vec binary file opened for queries is mapped and read in place: the same words, vectors,
 * duplicates dropped and answers (bit for bit) as the same file read into the heap.
 */
class Word2VecBinaryMappingTest {
    @TempDir
    Path dir;

    /** A C-tool binary file of {@code rows} words (some repeated) with Gaussian vectors, newlines after vectors. */
    private Path file(int rows, int dim, boolean repeats) throws IOException {
        Random rnd = new Random(11);
        String[] words = new String[rows];
        float[][] vectors = new float[rows][dim];
        for (int i = 0; i < rows; i++) {
            words[i] = repeats && i % 1000 == 999 ? "wörd" + (i / 2) : "wörd" + i;
            for (int k = 0; k < dim; k++) {
                vectors[i][k] = (float) rnd.nextGaussian();
            }
        }
        Path file = dir.resolve("v" + rows + ".bin");
        Files.write(file, VectorFilesTest.cToolBinary(words, vectors, true));
        return file;
    }

    @Test
    void openedInPlaceEqualsReadIntoTheHeapAndAnswersAlike() throws IOException {
        Path file = file(40_000, 30, true);
        List<String> mappedWarnings = new ArrayList<>();
        List<String> heapWarnings = new ArrayList<>();
        StoredVectors mapped =
                VectorFiles.open(file, LoadOptions.DEFAULT, ProgressListener.warningsTo(mappedWarnings::add));
        ParsedVectors heap =
                VectorFiles.read(file, LoadOptions.DEFAULT, ProgressListener.warningsTo(heapWarnings::add));
        assertNull(mapped.matrix());
        assertEquals(heap.rows(), mapped.rows().rows());
        assertEquals(40_000 - 20, heap.rows()); // rows 999, 2999, ... repeat rows 499, 1499, ...
        assertEquals(heapWarnings, mappedWarnings);
        assertEquals(
                Arrays.asList(heap.words()).subList(0, heap.rows()),
                mapped.words().asList());
        assertArrayEquals(
                Arrays.copyOf(heap.matrix(), heap.rows() * heap.dim()),
                mapped.rows().asArray());
        for (int i = 0; i < heap.rows(); i += 997) {
            assertEquals(i, mapped.words().indexOf(heap.words()[i]));
        }
        assertEquals(-1, mapped.words().indexOf("wörd40000"));
        assertEquals(-1, mapped.words().indexOf("wör"));

        WordVectors inPlace = WordVectors.load(file);
        WordVectors inHeap = WordVectors.of(
                Arrays.asList(heap.words()).subList(0, heap.rows()),
                Arrays.copyOf(heap.matrix(), heap.rows() * heap.dim()),
                heap.dim());
        for (String w : List.of("wörd0", "wörd12345", "wörd39998")) {
            List<Neighbor> a = inPlace.mostSimilar(w, 10);
            List<Neighbor> b = inHeap.mostSimilar(w, 10);
            assertEquals(b, a, w);
        }
        assertEquals(inHeap.norm(777), inPlace.norm(777));
    }

    @Test
    void limitKeepsTheFirstWords() throws IOException {
        Path file = file(5000, 8, false);
        StoredVectors first = VectorFiles.open(file, LoadOptions.DEFAULT.withLimit(300), ProgressListener.NONE);
        assertEquals(300, first.words().size());
        assertEquals("wörd299", first.words().word(299));
        assertEquals(-1, first.words().indexOf("wörd300"));
    }

    @Test
    void nonFiniteComponentIsRefusedNamingTheFirstSuchWordOrKeptWhenAllowed() throws IOException {
        int rows = 200_000;
        float[][] vectors = new float[rows][2];
        String[] words = new String[rows];
        for (int i = 0; i < rows; i++) {
            words[i] = "w" + i;
            vectors[i][0] = 1;
        }
        vectors[150_000][1] = Float.NaN;
        vectors[190_000][0] = Float.POSITIVE_INFINITY;
        // finite components whose norm overflows float: not an error
        vectors[7][0] = Float.MAX_VALUE;
        vectors[7][1] = Float.MAX_VALUE;
        Path file = dir.resolve("nan.bin");
        Files.write(file, VectorFilesTest.cToolBinary(words, vectors, false));
        MalformedFileException e = assertThrows(MalformedFileException.class, () -> WordVectors.load(file));
        assertTrue(
                e.getMessage().contains("word 150001 ('w150000'")
                        && e.getMessage().contains("NaN"),
                e.getMessage());
        List<String> warnings = new ArrayList<>();
        WordVectors kept = WordVectors.load(
                file, LoadOptions.DEFAULT.withAllowNonFinite(true), ProgressListener.warningsTo(warnings::add));
        assertEquals(rows, kept.size());
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("2 vectors"), warnings.get(0));
        assertFalse(Float.isFinite(kept.norm(7)));
    }
}
