package dev.seqlab.embeddings.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bulk long reads from a mapping give the values written, across segment boundaries too. */
class MappedRegionLongsTest {

    @Test
    void longsAcrossSegments(@TempDir Path dir) throws Exception {
        int count = 1000;
        ByteBuffer b = ByteBuffer.allocate(8 + 8 * count).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(-1);
        long[] expected = new long[count];
        for (int i = 0; i < count; i++) {
            expected[i] = i * 0x1234_5678_9AL - 7;
            b.putLong(expected[i]);
        }
        Path file = dir.resolve("longs.bin");
        Files.write(file, b.array());
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            // 8 bytes in, segments of 64 bytes: every read of more than 8 longs crosses one
            MappedRegion region = MappedRegion.map(ch, 8, 8L * count, 8, 64);
            long[] all = new long[count];
            region.getLongs(0, all, 0, count);
            assertArrayEquals(expected, all);
            long[] part = new long[count];
            region.getLongs(8L * 13, part, 5, 300);
            long[] want = new long[count];
            System.arraycopy(expected, 13, want, 5, 300);
            assertArrayEquals(want, part);
        }
    }
}
