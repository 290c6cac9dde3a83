package dev.seqlab.embeddings.ann;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seqlab.core.io.MalformedFileException;
import dev.seqlab.core.progress.ProgressListener;
import dev.seqlab.embeddings.WordVectors;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A damaged or truncated inverted-file section gives a one-line error naming the problem, never wrong answers. */
class CorruptIvfIndexTest {
    @TempDir
    Path tmp;

    private Path file;
    private long sectionAt;
    private long sectionLength;

    @BeforeEach
    void indexedFile() throws Exception {
        file = ClusteredVectors.write(tmp.resolve("v.seqlab"), 600, 8, 10, 3);
        WordVectors.buildApproximateIndex(file, IvfOptions.defaults().withLists(12), ProgressListener.NONE);
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        int count = b.getInt(24);
        for (int s = 0; s < count; s++) {
            if (b.getInt(64 + 32 * s) == 100) {
                sectionAt = b.getLong(64 + 32 * s + 8);
                sectionLength = b.getLong(64 + 32 * s + 16);
            }
        }
        assertTrue(sectionAt > 0 && sectionLength > 0, "the file lists its index section");
    }

    @Test
    void aTruncatedSectionIsRefusedAtLoad() throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(sectionAt + sectionLength / 2);
        }
        MalformedFileException e = assertThrows(MalformedFileException.class, () -> WordVectors.load(file));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void anUnknownKindOrVersionIsReported() throws IOException {
        assertCorrupt(b -> b.putInt(0, 0x12345678), "magic number of no index kind");
        assertCorrupt(b -> b.putInt(4, 9), "layout version 9");
    }

    @Test
    void anImpossibleHeaderIsReported() throws IOException {
        assertCorrupt(b -> b.putInt(8, 601), "built for 601 rows");
        assertCorrupt(b -> b.putInt(16, 601), "damaged header");
        assertCorrupt(b -> b.putInt(20, 0), "damaged header");
        assertCorrupt(b -> b.putFloat(28, Float.NaN), "damaged header");
    }

    @Test
    void aSectionShorterThanItsHeaderSaysIsReported() throws IOException {
        assertCorrupt(b -> b.putInt(16, 11), "truncated or damaged");
    }

    @Test
    void listsThatDoNotCoverTheRowsAreReported() throws IOException {
        assertCorrupt(b -> b.putInt(startsAt(b) + 4 * 12, 599), "do not cover");
    }

    @Test
    void damagedListsAndRowsAreReportedWhenSearched() throws IOException {
        patch(b -> {
            for (int c = 1; c < 12; c++) {
                b.putInt(startsAt(b) + 4 * c, 700);
            }
        });
        assertSearchFails("claims positions");
        patch(b -> {
            for (int c = 1; c < 12; c++) {
                b.putInt(startsAt(b) + 4 * c, 50 * c);
            }
            int ids = align(startsAt(b) + 4 * 13);
            for (int p = 0; p < 600; p++) {
                b.putInt(ids + 4 * p, 600 + p);
            }
        });
        assertSearchFails("names row");
    }

    private void assertSearchFails(String expected) throws IOException {
        WordVectors wv = WordVectors.load(file);
        CorruptIndexException e =
                assertThrows(CorruptIndexException.class, () -> wv.approximate().mostSimilar("w1", 5));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().contains("seqlab embeddings index"), e.getMessage());
    }

    /** Where the list starts are in a section of 12 lists over rows of 8 (see IvfLayout). */
    private static int startsAt(ByteBuffer b) {
        int centroids = 12 * 64;
        return align(align(64 + centroids) + 4 * 12);
    }

    private static int align(int n) {
        return (n + 63) / 64 * 64;
    }

    private void assertCorrupt(Consumer<ByteBuffer> damage, String expected) throws IOException {
        byte[] original = Files.readAllBytes(file);
        try {
            patch(damage);
            WordVectors wv = WordVectors.load(file);
            CorruptIndexException e = assertThrows(CorruptIndexException.class, wv::approximate);
            assertTrue(e.getMessage().contains(expected), e.getMessage());
            assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
        } finally {
            Files.write(file, original);
        }
    }

    /** Changes the index section in place (a test only: seqlab itself never writes in place). */
    private void patch(Consumer<ByteBuffer> damage) throws IOException {
        byte[] all = Files.readAllBytes(file);
        ByteBuffer section = ByteBuffer.wrap(all, (int) sectionAt, (int) sectionLength)
                .slice()
                .order(ByteOrder.LITTLE_ENDIAN);
        damage.accept(section);
        Files.write(file, all);
    }
}
