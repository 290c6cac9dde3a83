package dev.seqlab.embeddings.glove;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Reads the fixed-size records a {@link RecordOutput} wrote, buffered. */
final class RecordInput implements AutoCloseable {
    private final FileChannel channel;
    private final ByteBuffer buffer;
    private final int recordBytes;

    RecordInput(Path file, int recordBytes, int bufferBytes) throws IOException {
        this.recordBytes = recordBytes;
        int size = Math.max(recordBytes, bufferBytes / recordBytes * recordBytes);
        this.buffer = ByteBuffer.allocateDirect(size).order(ByteOrder.LITTLE_ENDIAN);
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
        buffer.flip();
    }

    RecordInput(Path file, int recordBytes) throws IOException {
        this(file, recordBytes, RecordOutput.BUFFER_BYTES);
    }

    /**
     * The buffer positioned at the next record, or null at the end of the file.
     *
     * @throws IOException if the file ends inside a record
     */
    ByteBuffer next() throws IOException {
        if (buffer.remaining() < recordBytes) {
            buffer.compact();
            while (buffer.position() < recordBytes) {
                if (channel.read(buffer) < 0) {
                    break;
                }
            }
            buffer.flip();
            if (buffer.remaining() < recordBytes) {
                if (buffer.hasRemaining()) {
                    throw new IOException("co-occurrence file ends inside a record");
                }
                return null;
            }
        }
        return buffer;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
