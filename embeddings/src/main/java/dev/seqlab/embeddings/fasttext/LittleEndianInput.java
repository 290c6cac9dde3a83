package dev.seqlab.embeddings.fasttext;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.Arrays;

/**
 * Sequential little-endian reads from a file channel through a 1 MiB buffer, with the absolute
 * position known (so a reader can map what follows). The end of the file is an {@link EOFException}.
 */
final class LittleEndianInput {
    private final FileChannel channel;
    private final ByteBuffer buf = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
    private long bufStart;

    LittleEndianInput(FileChannel channel, long position) {
        this.channel = channel;
        this.bufStart = position;
        buf.limit(0);
    }

    /** The absolute position of the next byte. */
    long position() {
        return bufStart + buf.position();
    }

    /** Continues reading at {@code at}. */
    void seek(long at) {
        bufStart = at;
        buf.clear().limit(0);
    }

    byte readByte() throws IOException {
        need(1);
        return buf.get();
    }

    int readInt() throws IOException {
        need(4);
        return buf.getInt();
    }

    long readLong() throws IOException {
        need(8);
        return buf.getLong();
    }

    double readDouble() throws IOException {
        need(8);
        return buf.getDouble();
    }

    /**
     * The bytes up to (not including) the next NUL, which is consumed.
     *
     * @throws IOException naming the limit when no NUL comes within {@code max} bytes
     */
    byte[] readCString(int max) throws IOException {
        byte[] out = new byte[32];
        int n = 0;
        while (true) {
            if (!buf.hasRemaining()) {
                need(1);
            }
            byte b = buf.get();
            if (b == 0) {
                return n == out.length ? out : Arrays.copyOf(out, n);
            }
            if (n == max) {
                throw new IOException("no end of word within " + max + " bytes");
            }
            if (n == out.length) {
                out = Arrays.copyOf(out, Math.min(max, n * 2));
            }
            out[n++] = b;
        }
    }

    private void need(int count) throws IOException {
        if (buf.remaining() >= count) {
            return;
        }
        bufStart += buf.position();
        buf.compact();
        while (buf.position() < count) {
            int r = channel.read(buf, bufStart + buf.position());
            if (r < 0) {
                buf.flip();
                throw new EOFException("the file ends at byte " + (bufStart + buf.limit()));
            }
        }
        buf.flip();
    }
}
