package dev.seqlab.embeddings.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.channels.FileChannel;

/**
 * A whole file of variable-length records (a word2vec binary file: a word, a space, its float32
 * vector) memory-mapped read-only in segments that overlap by {@code overlap} bytes, so that any
 * record of at most that length starting in a segment lies wholly inside it, wherever the
 * records fall. Floats are read little-endian at any byte offset, aligned or not, by bulk copies
 * through one float view per alignment (no object per read). All reads are absolute, so one
 * mapping serves any number of threads; the mapping stays valid after the channel is closed and
 * is released when it is garbage-collected. Mapped pages are the page cache's: they count once in
 * the process's resident memory, and not at all in the Java heap.
 */
public final class RecordMapping {
    /** Bytes between segment starts: 2^SHIFT. */
    static final int SHIFT = 30;

    private final ByteBuffer[] segments;
    /** {@code floats[s][a]}: segment s read as floats from byte a (0..3). */
    private final FloatBuffer[][] floats;

    private final int shift;
    private final long mask;
    private final long length;

    private RecordMapping(ByteBuffer[] segments, int shift, long length) {
        this.segments = segments;
        this.shift = shift;
        this.mask = (1L << shift) - 1;
        this.length = length;
        this.floats = new FloatBuffer[segments.length][4];
        for (int s = 0; s < segments.length; s++) {
            ByteBuffer b = segments[s];
            for (int a = 0; a < 4 && a <= b.limit(); a++) {
                floats[s][a] =
                        b.slice(a, b.limit() - a).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
            }
        }
    }

    /** Maps all of {@code channel}'s file, segments overlapping by {@code overlap} bytes (the longest record). */
    public static RecordMapping map(FileChannel channel, long overlap) throws IOException {
        return map(channel, overlap, SHIFT);
    }

    /** As {@link #map(FileChannel, long)} with segments starting every 2^shift bytes. */
    static RecordMapping map(FileChannel channel, long overlap, int shift) throws IOException {
        long step = 1L << shift;
        if (overlap < 0 || overlap > Integer.MAX_VALUE - step) {
            throw new IllegalArgumentException(
                    "overlap " + overlap + " must be in [0, " + (Integer.MAX_VALUE - step) + "]");
        }
        long length = channel.size();
        int count = (int) Math.max(1, (length + step - 1) / step);
        ByteBuffer[] segments = new ByteBuffer[count];
        for (int s = 0; s < count; s++) {
            long start = s * step;
            long size = Math.min(step + overlap, length - start);
            segments[s] =
                    channel.map(FileChannel.MapMode.READ_ONLY, start, size).order(ByteOrder.LITTLE_ENDIAN);
        }
        return new RecordMapping(segments, shift, length);
    }

    /** The file's length in bytes. */
    public long length() {
        return length;
    }

    /** The byte at {@code at}. */
    public byte get(long at) {
        return segments[(int) (at >>> shift)].get((int) (at & mask));
    }

    /** The little-endian long at byte {@code at} (at most {@code length() - 8}; the overlap at least 8). */
    public long getLong(long at) {
        return segments[(int) (at >>> shift)].getLong((int) (at & mask));
    }

    /**
     * The first byte from {@code at} on that equals {@code b}, looking at most at {@code max} bytes
     * (never past the end of the file or of the overlap of {@code at}'s segment); -1 when none does.
     */
    public long indexOf(byte b, long at, int max) {
        ByteBuffer seg = segments[(int) (at >>> shift)];
        int from = (int) (at & mask);
        int end = (int) Math.min(seg.limit(), (long) from + max);
        for (int i = from; i < end; i++) {
            if (seg.get(i) == b) {
                return at + (i - from);
            }
        }
        return -1;
    }

    /** Copies {@code count} bytes (at most the overlap) from byte {@code at} into {@code dst[off...]}. */
    public void getBytes(long at, byte[] dst, int off, int count) {
        segments[(int) (at >>> shift)].get((int) (at & mask), dst, off, count);
    }

    /**
     * Copies {@code count} little-endian floats (at most the overlap's worth) from byte {@code at},
     * any alignment, into {@code dst[off...]}.
     */
    public void getFloats(long at, float[] dst, int off, int count) {
        int in = (int) (at & mask);
        floats[(int) (at >>> shift)][in & 3].get(in >> 2, dst, off, count);
    }
}
