package dev.seqlab.embeddings.store;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Words as UTF-8 records in small heap chunks, found by row with a few bytes per sixteen words:
 * the layout {@link ChunkedWordTable} indexes (the words of a text vectors file as the parsing
 * threads wrote them).
 *
 * <p>A record is a word's length in bytes (an unsigned LEB128 varint: one byte up to 127) and
 * then its bytes; it never crosses into another chunk. A record's int address is {@code chunk <<
 * SHIFT | offset}; a chunk is at most {@code 2^SHIFT} bytes, unless it holds a single longer
 * record at offset 0. Consecutive rows are mostly consecutive records: a <em>run</em> is a
 * longest stretch of rows whose records follow one another in one chunk, and only where a run
 * starts is its address kept (a thread starting a new chunk or another part of the file). Every
 * {@value #GROUP}th row's address is kept too, so a row is found from the nearer of the two by
 * skipping at most {@value #GROUP} − 1 records. No array but the chunks grows with the words,
 * and none is large: a few bytes for every sixteen words besides their records.
 */
public final class WordChunks {
    /** log2 of the size of a chunk: 64 KiB, far below half of G1's smallest region (1 MiB). */
    public static final int SHIFT = 16;
    /** The most chunks int addresses can reach. */
    public static final int MAX_CHUNKS = 1 << (31 - SHIFT);
    /** log2 of {@link #GROUP}. */
    public static final int GROUP_SHIFT = 4;
    /** Every this many rows, the row's address is kept. */
    public static final int GROUP = 1 << GROUP_SHIFT;

    private static final int MASK = (1 << SHIFT) - 1;

    private final byte[][] chunks;
    private final IntChunks groups;
    private final int[] runRows;
    private final int[] runAddresses;
    private final int rows;

    /**
     * The records of rows 0..rows-1 in {@code chunks}: {@code groups[g]} the address of row
     * {@code g · GROUP}, and the runs starting at rows {@code runRows} (in increasing order, the
     * first row 0) at {@code runAddresses}. Taken over, not copied.
     */
    public WordChunks(byte[][] chunks, IntChunks groups, int[] runRows, int[] runAddresses, int rows) {
        if (runRows.length != runAddresses.length
                || rows > 0 && (runRows.length == 0 || runRows[0] != 0)
                || groups.length() < (rows + GROUP - 1) >> GROUP_SHIFT) {
            throw new IllegalArgumentException(runRows.length + " run rows, " + runAddresses.length
                    + " run addresses and " + groups.length() + " group addresses for " + rows + " rows");
        }
        this.chunks = chunks;
        this.groups = groups;
        this.runRows = runRows;
        this.runAddresses = runAddresses;
        this.rows = rows;
    }

    /** The bytes a word of {@code length} bytes takes as a record: its varint length and itself. */
    public static int recordSize(int length) {
        return varintSize(length) + length;
    }

    /** Writes {@code b[off, off + len)} as a record into {@code chunk} at {@code at}; returns where the record ends. */
    public static int writeRecord(byte[] chunk, int at, byte[] b, int off, int len) {
        int p = at;
        int v = len;
        while (v >= 0x80) {
            chunk[p++] = (byte) (v | 0x80);
            v >>>= 7;
        }
        chunk[p++] = (byte) v;
        System.arraycopy(b, off, chunk, p, len);
        return p + len;
    }

    /** The number of rows. */
    public int rows() {
        return rows;
    }

    /** The address of row {@code row}'s record. */
    public int address(int row) {
        int j = Arrays.binarySearch(runRows, row);
        if (j >= 0) {
            return runAddresses[j];
        }
        int run = -j - 2; // the last run starting before the row
        int group = row & -GROUP;
        int from = runRows[run] > group ? runRows[run] : group;
        int a = runRows[run] > group ? runAddresses[run] : groups.get(row >> GROUP_SHIFT);
        for (int r = from; r < row; r++) {
            a = following(a);
        }
        return a;
    }

    /** Told each row's address in turn by {@link #forEach}. */
    @FunctionalInterface
    public interface RowVisitor {
        /** Row {@code row}'s record is at {@code address}. */
        void visit(int row, int address);
    }

    /** Tells {@code visitor} the address of every row, in row order (one walk over the records). */
    public void forEach(RowVisitor visitor) {
        int run = 0;
        int a = 0;
        for (int row = 0; row < rows; row++) {
            if (run < runRows.length && runRows[run] == row) {
                a = runAddresses[run++];
            } else {
                a = following(a);
            }
            visitor.visit(row, a);
        }
    }

    /** The address just after the record at {@code address}. */
    private int following(int address) {
        int len = lengthAt(chunks[address >>> SHIFT], address & MASK);
        return address + varintSize(len) + len;
    }

    /** The length in bytes of the word at {@code address}. */
    public int length(int address) {
        return lengthAt(chunks[address >>> SHIFT], address & MASK);
    }

    /** The {@link WordHash#hash} of the word at {@code address}. */
    public int hash(int address) {
        byte[] c = chunks[address >>> SHIFT];
        int len = lengthAt(c, address & MASK);
        return WordHash.hash(c, (address & MASK) + varintSize(len), len);
    }

    /** Whether the word at {@code address} is {@code b[off, off + len)}. */
    public boolean holds(int address, byte[] b, int off, int len) {
        byte[] c = chunks[address >>> SHIFT];
        int p = address & MASK;
        int have = lengthAt(c, p);
        p += varintSize(have);
        return have == len && Arrays.equals(c, p, p + len, b, off, off + len);
    }

    /** Whether the words at addresses {@code a} and {@code b} are the same. */
    public boolean same(int a, int b) {
        byte[] c = chunks[b >>> SHIFT];
        int len = lengthAt(c, b & MASK);
        return holds(a, c, (b & MASK) + varintSize(len), len);
    }

    /** The word at {@code address}. */
    public String word(int address) {
        byte[] c = chunks[address >>> SHIFT];
        int len = lengthAt(c, address & MASK);
        return new String(c, (address & MASK) + varintSize(len), len, StandardCharsets.UTF_8);
    }

    /** The length of the record at {@code c[p]} (its varint). */
    private static int lengthAt(byte[] c, int p) {
        int len = 0;
        for (int shift = 0; ; shift += 7) {
            byte b = c[p++];
            len |= (b & 0x7f) << shift;
            if (b >= 0) {
                return len;
            }
        }
    }

    private static int varintSize(int v) {
        int n = 1;
        while ((v >>>= 7) != 0) {
            n++;
        }
        return n;
    }
}
