package dev.seqlab.embeddings.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;

/**
 * A read-only, little-endian byte range of a file, memory-mapped as segments of at most 1 GiB (a
 * single {@link MappedByteBuffer} is limited to 2 GB). Every segment but the last holds a whole
 * number of {@code granule}s (a row, a block of rows), so a granule never straddles two segments.
 * All reads are absolute, so one region serves any number of threads. The mapping stays valid
 * after the channel is closed and is released when the region is garbage-collected.
 */
public final class MappedRegion {
    /** The largest segment mapped at once. */
    static final long MAX_SEGMENT = 1L << 30;

    private final ByteBuffer[] segments;
    private final FloatBuffer[] floats;
    private final long segmentBytes;
    private final long length;

    private MappedRegion(ByteBuffer[] segments, long segmentBytes, long length) {
        this.segments = segments;
        this.segmentBytes = segmentBytes;
        this.length = length;
        this.floats = new FloatBuffer[segments.length];
        for (int s = 0; s < segments.length; s++) {
            floats[s] = segments[s].asFloatBuffer();
        }
    }

    /**
     * Maps {@code length} bytes of {@code channel} from {@code offset}, in segments of whole
     * {@code granule}s (a multiple of 4 when floats are read).
     */
    public static MappedRegion map(FileChannel channel, long offset, long length, long granule) throws IOException {
        return map(channel, offset, length, granule, MAX_SEGMENT);
    }

    static MappedRegion map(FileChannel channel, long offset, long length, long granule, long maxSegment)
            throws IOException {
        if (granule < 1 || granule > maxSegment) {
            throw new IllegalArgumentException("granule " + granule + " must be in [1, " + maxSegment + "]");
        }
        long segmentBytes = maxSegment / granule * granule;
        int count = (int) Math.max(1, (length + segmentBytes - 1) / segmentBytes);
        ByteBuffer[] segments = new ByteBuffer[count];
        for (int s = 0; s < count; s++) {
            long start = s * segmentBytes;
            long size = Math.min(segmentBytes, length - start);
            MappedByteBuffer b = channel.map(FileChannel.MapMode.READ_ONLY, offset + start, size);
            segments[s] = b.order(ByteOrder.LITTLE_ENDIAN);
        }
        return new MappedRegion(segments, segmentBytes, length);
    }

    /** The number of bytes. */
    public long length() {
        return length;
    }

    /** The number of mapped segments. */
    public int segmentCount() {
        return segments.length;
    }

    /**
     * Segment {@code s} (little-endian, read-only; use absolute reads only): bytes
     * {@code [s·segmentBytes(), s·segmentBytes() + limit)} of the region.
     */
    public ByteBuffer segment(int s) {
        return segments[s];
    }

    /** Bytes per segment (every segment but the last is this long): a whole number of granules. */
    public long segmentBytes() {
        return segmentBytes;
    }

    /** The whole region as one float buffer when it fits in one segment (the common case), else null. */
    public FloatBuffer floatsIfSingleSegment() {
        return floats.length == 1 ? floats[0] : null;
    }

    /** The int at byte {@code at}. */
    public int getInt(long at) {
        return segments[(int) (at / segmentBytes)].getInt((int) (at % segmentBytes));
    }

    /** The long at byte {@code at}. */
    public long getLong(long at) {
        return segments[(int) (at / segmentBytes)].getLong((int) (at % segmentBytes));
    }

    /** The float at byte {@code at} (a multiple of 4). */
    public float getFloat(long at) {
        return floats[(int) (at / segmentBytes)].get((int) (at % segmentBytes) >> 2);
    }

    /** Copies {@code count} bytes from byte {@code at} into {@code dst[off...]}. */
    public void getBytes(long at, byte[] dst, int off, int count) {
        while (count > 0) {
            int s = (int) (at / segmentBytes);
            int in = (int) (at % segmentBytes);
            int n = Math.min(count, segments[s].limit() - in);
            segments[s].get(in, dst, off, n);
            at += n;
            off += n;
            count -= n;
        }
    }

    /** Copies {@code count} floats from byte {@code at} (a multiple of 4) into {@code dst[off...]}. */
    public void getFloats(long at, float[] dst, int off, int count) {
        while (count > 0) {
            int s = (int) (at / segmentBytes);
            int in = (int) (at % segmentBytes) >> 2;
            int n = Math.min(count, floats[s].limit() - in);
            floats[s].get(in, dst, off, n);
            at += 4L * n;
            off += n;
            count -= n;
        }
    }

    /** Copies {@code count} longs from byte {@code at} (a multiple of 8) into {@code dst[off...]}. */
    public void getLongs(long at, long[] dst, int off, int count) {
        while (count > 0) {
            int s = (int) (at / segmentBytes);
            int in = (int) (at % segmentBytes);
            ByteBuffer segment = segments[s];
            int n = Math.min(count, (segment.limit() - in) >> 3);
            segment.slice(in, n * 8).order(segment.order()).asLongBuffer().get(dst, off, n);
            at += 8L * n;
            off += n;
            count -= n;
        }
    }
}
