package dev.seqlab.embeddings.ann;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Little-endian values to a stream, buffered, counting the position: how index sections are written. */
final class SectionOutput {
    private final OutputStream out;
    private final ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
    private long position;

    SectionOutput(OutputStream out) {
        this.out = out;
    }

    SectionOutput put(int v) throws IOException {
        if (buf.remaining() < 4) {
            flush();
        }
        buf.putInt(v);
        position += 4;
        return this;
    }

    SectionOutput putFloat(float v) throws IOException {
        return put(Float.floatToRawIntBits(v));
    }

    SectionOutput putLong(long v) throws IOException {
        return put((int) v).put((int) (v >>> 32));
    }

    void putBytes(byte[] b) throws IOException {
        if (buf.remaining() < b.length) {
            flush();
        }
        if (b.length > buf.capacity()) {
            out.write(b);
        } else {
            buf.put(b);
        }
        position += b.length;
    }

    void padTo(long at) throws IOException {
        while (position < at) {
            if (!buf.hasRemaining()) {
                flush();
            }
            buf.put((byte) 0);
            position++;
        }
    }

    void flush() throws IOException {
        out.write(buf.array(), 0, buf.position());
        buf.clear();
    }

    /** The bytes written so far. */
    long position() {
        return position;
    }
}
