package dev.seqlab.embeddings.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file mapped in small overlapping segments reads every byte and float the same as the file holds. */
class RecordMappingTest {
    @TempDir
    Path dir;

    @Test
    void readsAtEveryOffsetAndAlignmentAcrossSegmentBoundaries() throws IOException {
        byte[] content = new byte[3 * 4096 + 777];
        new Random(3).nextBytes(content);
        content[4090] = ' ';
        Path file = dir.resolve("records.bin");
        Files.write(file, content);
        int overlap = 40;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            RecordMapping m = RecordMapping.map(ch, overlap, 12);
            assertEquals(content.length, m.length());
            ByteBuffer expected = ByteBuffer.wrap(content).order(ByteOrder.LITTLE_ENDIAN);
            float[] got = new float[overlap / 4];
            byte[] bytes = new byte[overlap];
            for (int at = 0; at + overlap <= content.length; at++) {
                assertEquals(content[at], m.get(at));
                m.getFloats(at, got, 0, got.length);
                for (int k = 0; k < got.length; k++) {
                    assertEquals(
                            Float.floatToRawIntBits(expected.getFloat(at + 4 * k)),
                            Float.floatToRawIntBits(got[k]),
                            "float " + k + " at byte " + at);
                }
                m.getBytes(at, bytes, 0, overlap);
                assertArrayEquals(Arrays.copyOfRange(content, at, at + overlap), bytes, "bytes at " + at);
            }
            assertEquals(4090, m.indexOf((byte) ' ', 4080, 20));
            assertEquals(-1, m.indexOf((byte) ' ', 4091, 0));
        }
    }
}
