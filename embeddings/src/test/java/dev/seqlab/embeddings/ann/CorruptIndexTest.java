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

/** A damaged or truncated index section gives a one-line error naming the problem, never wrong answers. */
class CorruptIndexTest {
    @TempDir
    Path tmp;

    private Path file;
    private long sectionAt;
    private long sectionLength;

    @BeforeEach
    void indexedFile() throws Exception {
        file = ClusteredVectors.write(tmp.resolve("v.seqlab"), 600, 8, 10, 3);
        WordVectors.buildApproximateIndex(
                file, HnswOptions.defaults().withM(4).withEfConstruction(16), ProgressListener.NONE);
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
    void aWrongMagicNumberIsReported() throws IOException {
        assertCorrupt(b -> b.putInt(0, 0x12345678), "magic");
    }

    @Test
    void anImpossibleHeaderIsReported() throws IOException {
        assertCorrupt(b -> b.putInt(24, 1000), "damaged header");
        assertCorrupt(b -> b.putInt(8, 601), "built for 601 rows");
    }

    @Test
    void aSectionShorterThanItsHeaderSaysIsReported() throws IOException {
        assertCorrupt(b -> b.putInt(16, 5), "truncated or damaged");
    }

    @Test
    void damagedLinksAreReportedWhenSearched() throws IOException {
        patch(b -> {
            int m0 = 2 * b.getInt(16);
            int levels = b.getInt(24);
            int level0 = (64 + 4 * levels + 63) / 64 * 64;
            for (int v = 0; v < 600; v++) {
                b.putInt(level0 + 4 * v * (m0 + 1), m0 + 5);
            }
        });
        WordVectors wv = WordVectors.load(file);
        CorruptIndexException e =
                assertThrows(CorruptIndexException.class, () -> wv.approximate().mostSimilar("w1", 5));
        assertTrue(e.getMessage().contains("links on level 0"), e.getMessage());
        assertTrue(e.getMessage().contains("seqlab embeddings index"), e.getMessage());
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
