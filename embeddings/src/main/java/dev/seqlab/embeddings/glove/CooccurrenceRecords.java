package dev.seqlab.embeddings.glove;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The shuffled training records of {@link CooccurrenceShuffler}, memory-mapped read-only (the
 * operating system pages them in as training reads; they never occupy the heap). Record
 * {@code r} holds int a, int b, float log X_ab, float f(X_ab).
 */
final class CooccurrenceRecords {
    private static final int SEGMENT_SHIFT = 26; // 2^26 records (1 GiB) per mapping
    private static final long SEGMENT_MASK = (1L << SEGMENT_SHIFT) - 1;
    private static final int R = CooccurrenceShuffler.RECORD_BYTES;
    private final MappedByteBuffer[] segments;
    private final long size;

    CooccurrenceRecords(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long bytes = channel.size();
            if (bytes % R != 0) {
                throw new IOException("co-occurrence file " + file + " ends inside a record");
            }
            size = bytes / R;
            int count = (int) ((size + SEGMENT_MASK) >>> SEGMENT_SHIFT);
            segments = new MappedByteBuffer[count];
            for (int s = 0; s < count; s++) {
                long first = (long) s << SEGMENT_SHIFT;
                long records = Math.min(size - first, 1L << SEGMENT_SHIFT);
                segments[s] = channel.map(FileChannel.MapMode.READ_ONLY, first * R, records * R);
                segments[s].order(ByteOrder.LITTLE_ENDIAN);
            }
        }
    }

    /** Number of records. */
    long size() {
        return size;
    }

    /** A cursor over records {@code [from, to)}, for one thread. */
    Cursor cursor(long from, long to) {
        return new Cursor(from, to);
    }

    /** Reads records in order; not thread-safe (one per thread). */
    final class Cursor {
        private final long to;
        private long next;
        private MappedByteBuffer segment;
        private int offset;
        int a;
        int b;
        float logX;
        float weight;

        private Cursor(long from, long to) {
            this.to = to;
            this.next = from;
        }

        /** The number of the record the next {@link #advance()} loads. */
        long position() {
            return next;
        }

        /** Loads the next record into the fields; false at the end. */
        boolean advance() {
            if (next >= to) {
                return false;
            }
            if (segment == null || (next & SEGMENT_MASK) == 0) {
                segment = segments[(int) (next >>> SEGMENT_SHIFT)];
                offset = (int) (next & SEGMENT_MASK) * R;
            }
            a = segment.getInt(offset);
            b = segment.getInt(offset + 4);
            logX = segment.getFloat(offset + 8);
            weight = segment.getFloat(offset + 12);
            offset += R;
            next++;
            return true;
        }
    }
}
