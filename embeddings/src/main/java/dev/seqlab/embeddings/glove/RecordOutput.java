package dev.seqlab.embeddings.glove;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes fixed-size little-endian records of ints and floats to a temporary file, buffered
 * (the buffer holds whole records only).
 */
final class RecordOutput implements AutoCloseable {
    static final int BUFFER_BYTES = 48 * 16_384;
    private final FileChannel channel;
    private final ByteBuffer buffer;
    private long records;
    private final int recordBytes;

    RecordOutput(Path file, int recordBytes) throws IOException {
        this(file, recordBytes, BUFFER_BYTES);
    }

    /** With a buffer of about {@code bufferBytes} (rounded down to whole records, at least one). */
    RecordOutput(Path file, int recordBytes, int bufferBytes) throws IOException {
        this.recordBytes = recordBytes;
        int size = Math.max(recordBytes, bufferBytes / recordBytes * recordBytes);
        this.buffer = ByteBuffer.allocateDirect(size).order(ByteOrder.LITTLE_ENDIAN);
        this.channel = FileChannel.open(
                file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
    }

    /** Room for one more record; call before writing its fields. */
    ByteBuffer record() throws IOException {
        if (buffer.remaining() < recordBytes) {
            flush();
        }
        records++;
        return buffer;
    }

    long records() {
        return records;
    }

    private void flush() throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        buffer.clear();
    }

    @Override
    public void close() throws IOException {
        try {
            flush();
        } finally {
            channel.close();
        }
    }
}
