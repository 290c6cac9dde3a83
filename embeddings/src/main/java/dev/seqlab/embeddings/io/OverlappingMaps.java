package dev.seqlab.embeddings.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * A byte range of a file memory-mapped as segments of at most 1 GiB that overlap by
 * {@code overlap} bytes: any record of at most {@code overlap} bytes that starts in a segment lies
 * wholly inside that segment, so records of a variable-length format are read with one bulk copy
 * wherever they fall. Absolute reads only, so one instance serves many threads; the mapping lives
 * until the instance is garbage-collected.
 */
final class OverlappingMaps {
    private static final long STRIDE = 1L << 30;

    private final ByteBuffer[] segments;
    private final long start;
    private final long end;

    private OverlappingMaps(ByteBuffer[] segments, long start, long end) {
        this.segments = segments;
        this.start = start;
        this.end = end;
    }

    /** Maps the bytes {@code [start, end)} of {@code channel}, segments overlapping by {@code overlap}. */
    static OverlappingMaps map(FileChannel channel, long start, long end, int overlap) throws IOException {
        long length = end - start;
        int count = (int) Math.max(1, (length + STRIDE - 1) / STRIDE);
        ByteBuffer[] segments = new ByteBuffer[count];
        for (int s = 0; s < count; s++) {
            long from = start + s * STRIDE;
            long size = Math.min(STRIDE + overlap, end - from);
            segments[s] = channel.map(FileChannel.MapMode.READ_ONLY, from, size);
        }
        return new OverlappingMaps(segments, start, end);
    }

    /** The end of the range (exclusive), as a file offset. */
    long end() {
        return end;
    }

    /** The byte at file offset {@code at}, in [start, end). */
    byte get(long at) {
        long rel = at - start;
        int s = (int) (rel / STRIDE);
        return segments[s].get((int) (rel - s * STRIDE));
    }

    /**
     * Copies {@code count} bytes (at most the overlap) from file offset {@code at} into
     * {@code dst[off...]}; the range must lie inside [start, end).
     */
    void get(long at, byte[] dst, int off, int count) {
        long rel = at - start;
        int s = (int) (rel / STRIDE);
        segments[s].get((int) (rel - s * STRIDE), dst, off, count);
    }
}
