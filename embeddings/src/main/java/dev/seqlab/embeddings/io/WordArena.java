package dev.seqlab.embeddings.io;

import dev.seqlab.core.io.MalformedFileException;
import dev.seqlab.embeddings.store.RecordMapping;
import dev.seqlab.embeddings.store.RecordWordTable;
import dev.seqlab.embeddings.store.WordHash;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The words of a text vectors file as they are parsed, without a String per word: for each row,
 * where its UTF-8 bytes start, how many there are and their {@link WordHash}. The bytes go into
 * chunks of {@code 2^SHIFT} bytes (a longer word gets a chunk of its own, a whole number of chunk
 * sizes), a word never crossing from one chunk into the next, so they are never copied again and
 * no array is large (for G1, humongous and unmovable, which fragments a heap little larger than
 * the matrix). Parts of the file parsed in parallel each fill a {@link Part} of their own; {@link
 * #join} lays the parts' chunks end to end in file order as one {@link RecordMapping}.
 */
final class WordArena {
    /** log2 of the chunk size. */
    private static final int SHIFT = 16;

    private static final int CHUNK = 1 << SHIFT;

    private final long[] starts;
    private final int[] lengths;
    private final int[] hashes;
    private final int[] slots;
    private final List<Part> parts = new ArrayList<>();

    /** Room for {@code rows} words, and their empty word table. */
    WordArena(int rows) {
        this.starts = new long[rows];
        this.lengths = new int[rows];
        this.hashes = new int[rows];
        this.slots = RecordWordTable.emptySlots(rows);
    }

    /** A new part whose first word is row {@code firstRow}; parts may be filled on different threads. */
    synchronized Part part(int firstRow) {
        Part p = new Part(firstRow);
        parts.add(p);
        return p;
    }

    /** Where word {@code row} starts in the mapping {@link #join} returns. */
    long[] starts() {
        return starts;
    }

    /** The length in bytes of each word. */
    int[] lengths() {
        return lengths;
    }

    /** The {@link WordHash#hash} of each word's bytes. */
    int[] hashes() {
        return hashes;
    }

    /**
     * The empty word table for the rows, allocated with the arena (just after the matrix, while the
     * heap is not yet fragmented): with the heap at little more than the matrix, its few megabytes
     * may not find room later.
     */
    int[] slots() {
        return slots;
    }

    /**
     * All parts' chunks in file order as one mapping (the parts are released), the starts made
     * relative to it.
     *
     * @throws MalformedFileException if the words together are too long for one mapping
     */
    synchronized RecordMapping join(Path file) throws MalformedFileException {
        parts.sort(Comparator.comparingInt(p -> p.firstRow));
        long total = 0;
        for (Part p : parts) {
            total += p.segments;
        }
        if (total > Integer.MAX_VALUE - 16) {
            throw new MalformedFileException(
                    file, 0, "the words take " + (total << SHIFT) + " bytes, more than seqlab can index");
        }
        ByteBuffer[] segments = new ByteBuffer[(int) total];
        int base = 0;
        for (Part p : parts) {
            for (int r = p.firstRow; r < p.firstRow + p.rows; r++) {
                starts[r] += (long) base << SHIFT;
            }
            for (int c = 0; c < p.chunks.size(); c++) {
                byte[] chunk = p.chunks.get(c);
                for (int k = 0; k < p.spans.get(c); k++) {
                    int from = Math.min(k << SHIFT, chunk.length);
                    segments[base++] = ByteBuffer.wrap(chunk).slice(from, chunk.length - from);
                }
            }
        }
        parts.clear();
        return RecordMapping.of(segments, SHIFT);
    }

    /** Word {@code row} of {@code joined} (the mapping {@link #join} returned) as a String. */
    String word(RecordMapping joined, int row) {
        byte[] w = new byte[lengths[row]];
        joined.getBytes(starts[row], w, 0, w.length);
        return new String(w, StandardCharsets.UTF_8);
    }

    /** The words of one contiguous run of rows, appended in row order. */
    final class Part {
        private final int firstRow;
        private int rows;
        private final List<byte[]> chunks = new ArrayList<>();
        /** The number of chunk sizes each chunk spans (its bytes may end sooner once trimmed). */
        private final List<Integer> spans = new ArrayList<>();
        /** Chunk sizes taken by the chunks. */
        private long segments;

        private byte[] chunk = new byte[0];
        private int at;

        private Part(int firstRow) {
            this.firstRow = firstRow;
        }

        /** Records {@code b[off, off + len)} as the word of row {@code row}, the next row of this part. */
        void add(int row, byte[] b, int off, int len) {
            if (at + len > chunk.length) {
                long size = Math.max(CHUNK, ((long) len + CHUNK - 1) >> SHIFT << SHIFT);
                chunk = new byte[(int) size];
                chunks.add(chunk);
                spans.add((int) (size >> SHIFT));
                segments += size >> SHIFT;
                at = 0;
            }
            System.arraycopy(b, off, chunk, at, len);
            starts[row] = ((segments - (chunk.length >> SHIFT)) << SHIFT) + at;
            lengths[row] = len;
            hashes[row] = WordHash.hash(b, off, len);
            rows = row - firstRow + 1;
            at += len;
        }

        /**
         * Cuts the last chunk to the bytes used, once the part is full: a part of a few lines (a
         * block of a gzip stream) then takes what its words need, not a whole chunk.
         */
        void trim() {
            if (!chunks.isEmpty() && at < chunk.length) {
                chunk = Arrays.copyOf(chunk, at);
                chunks.set(chunks.size() - 1, chunk);
            }
        }
    }
}
