package dev.seqlab.embeddings.io;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Counts and locates line ends ('\n') in byte sources, eight bytes at a time. */
final class LineCounter {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0a0a0a0a0a0a0a0aL;
    private static final long LOW7 = 0x7f7f7f7f7f7f7f7fL;
    private static final long HIGH = 0x8080808080808080L;
    private static final int BLOCK = 1 << 22;

    /** The count of line ends in a source, and whether its last byte is one. */
    record Count(long newlines, boolean endsWithNewline, long bytes) {
        /** Lines, counting an unterminated last line. */
        long lines() {
            return newlines + (bytes > 0 && !endsWithNewline ? 1 : 0);
        }
    }

    private LineCounter() {}

    /** Counts the '\n' bytes in {@code b[from, to)}. */
    static long count(byte[] b, int from, int to) {
        long n = 0;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long x = (long) LONGS.get(b, i) ^ NEWLINES;
            long nonZero = ((x & LOW7) + LOW7 | x) & HIGH;
            n += 8 - Long.bitCount(nonZero);
        }
        for (; i < to; i++) {
            if (b[i] == '\n') {
                n++;
            }
        }
        return n;
    }

    /** Counts the line ends of a whole source, stopping once {@code maxNewlines} are seen (0 = no limit). */
    static Count count(ByteSource source, long maxNewlines) throws IOException {
        byte[] buf = new byte[source.blockSize(BLOCK)];
        long n = 0;
        long bytes = 0;
        byte last = 0;
        while (true) {
            int r = source.readFully(buf, 0, buf.length);
            if (r <= 0) {
                break;
            }
            n += count(buf, 0, r);
            bytes += r;
            last = buf[r - 1];
            if (maxNewlines > 0 && n >= maxNewlines) {
                break;
            }
        }
        return new Count(n, last == '\n', bytes);
    }

    /**
     * The number of bytes from the start of {@code source} up to and including its
     * {@code k}-th line end, or the total byte count if it has fewer.
     */
    static long offsetAfterLines(ByteSource source, long k) throws IOException {
        byte[] buf = new byte[source.blockSize(BLOCK)];
        long seen = 0;
        long offset = 0;
        while (true) {
            int r = source.readFully(buf, 0, buf.length);
            if (r <= 0) {
                return offset;
            }
            long c = count(buf, 0, r);
            if (seen + c < k) {
                seen += c;
                offset += r;
                continue;
            }
            for (int i = 0; i < r; i++) {
                if (buf[i] == '\n' && ++seen == k) {
                    return offset + i + 1;
                }
            }
            offset += r;
        }
    }
}
