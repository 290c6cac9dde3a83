package dev.seqlab.embeddings.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** A sequence of bytes read block by block: a byte range of a file, or a stream. */
interface ByteSource {

    /** Reads up to {@code len} bytes into {@code buf} at {@code off}; -1 at the end. */
    int read(byte[] buf, int off, int len) throws IOException;

    /** The number of bytes this source holds, or -1 when unknown (a stream). */
    default long size() {
        return -1;
    }

    /**
     * A buffer size for reading this source in blocks of at most {@code block} bytes: one more
     * than its size when that is smaller (so a small file is not read into a large buffer).
     */
    default int blockSize(int block) {
        long size = size();
        return size < 0 ? block : (int) Math.min(block, Math.max(1 << 12, size + 1));
    }

    /** Fills {@code buf} from {@code off} as far as the source allows; returns the count read. */
    default int readFully(byte[] buf, int off, int len) throws IOException {
        int total = 0;
        while (total < len) {
            int r = read(buf, off + total, len - total);
            if (r < 0) {
                break;
            }
            total += r;
        }
        return total;
    }

    /** The bytes {@code [start, end)} of a file, read with positional reads (thread-safe channel use). */
    static ByteSource range(FileChannel channel, long start, long end) {
        return new ByteSource() {
            private long pos = start;

            @Override
            public long size() {
                return end - start;
            }

            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                if (pos >= end) {
                    return -1;
                }
                int n = (int) Math.min(len, end - pos);
                int r = channel.read(ByteBuffer.wrap(buf, off, n), pos);
                if (r < 0) {
                    return -1;
                }
                pos += r;
                return r;
            }
        };
    }

    /** The rest of a stream. */
    static ByteSource stream(InputStream in) {
        return in::read;
    }
}
