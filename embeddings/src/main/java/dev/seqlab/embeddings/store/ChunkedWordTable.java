package dev.seqlab.embeddings.store;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * {@link WordTable} over words kept as UTF-8 records in small heap chunks ({@link WordChunks}: a
 * text vectors file's words as they were parsed): no String per word and no array of half a G1
 * region or more, so in a heap little larger than the float matrix the words never need
 * contiguous free regions. Words are found by an open-addressing table with linear probing, at
 * most 80% full, a word's first slot its {@link WordHash#hash} scaled to the table's size; a slot
 * holds a row and, in the bits the row numbers leave free, a few more bits of the word's hash,
 * so that a probe reads a word's bytes only when they match (at 400,000 words, 12 bits: one
 * probe in 4,096). About {@code 7 + length} bytes a word in all. A word met again in the file is left out, its first occurrence kept; the table's rows are
 * the kept ones in file order.
 */
public final class ChunkedWordTable implements WordTable {
    private final WordChunks records;
    private final IntChunks slots;
    /** The low bits of a slot that hold the row; the bits above, up to the sign bit, hold hash bits. */
    private final int rowBits;
    /** The file rows left out (words met again), in increasing order. */
    private final int[] dropped;

    private final int size;
    private final List<String> list = new WordTableList(this);

    private ChunkedWordTable(WordChunks records, IntChunks slots, int rowBits, int[] dropped) {
        this.records = records;
        this.slots = slots;
        this.rowBits = rowBits;
        this.dropped = dropped;
        this.size = records.rows() - dropped.length;
    }

    /**
     * Indexes the words of {@code records} (taken over, not copied). A word met again is left out,
     * its first occurrence kept, and reported to {@code duplicates}.
     */
    public static ChunkedWordTable index(WordChunks records, RecordWordTable.Duplicates duplicates) {
        Builder b = new Builder(records, duplicates);
        records.forEach(b);
        return new ChunkedWordTable(records, b.slots, b.rowBits, Arrays.copyOf(b.dropped, b.count));
    }

    /** Adds the rows to the table one by one, in file order, leaving out words met before. */
    private static final class Builder implements WordChunks.RowVisitor {
        private final WordChunks records;
        private final RecordWordTable.Duplicates duplicates;
        private final IntChunks slots;
        private final int rowBits;
        private int[] dropped = new int[0];
        private int count;

        Builder(WordChunks records, RecordWordTable.Duplicates duplicates) {
            this.records = records;
            this.duplicates = duplicates;
            this.slots = new IntChunks(capacity(records.rows()));
            this.slots.fill(WordHash.EMPTY);
            this.rowBits = rowBits(records.rows());
        }

        @Override
        public void visit(int row, int address) {
            int hash = records.hash(address);
            int tag = tag(hash, rowBits);
            int rowMask = (1 << rowBits) - 1;
            int capacity = slots.length();
            int s = firstSlot(hash, capacity);
            for (int slot; (slot = slots.get(s)) != WordHash.EMPTY; s = next(s, capacity)) {
                int first = slot & rowMask;
                if ((slot & ~rowMask) == tag && records.same(records.address(first), address)) {
                    duplicates.dropped(row, first, records.word(address));
                    if (count == dropped.length) {
                        dropped = Arrays.copyOf(dropped, Math.max(8, 2 * count));
                    }
                    dropped[count++] = row;
                    return;
                }
            }
            slots.set(s, tag | row);
        }
    }

    /** The table size for {@code rows} words: 5/4 as many slots, so that it is at most 80% full. */
    static int capacity(int rows) {
        return (int) Math.min(Integer.MAX_VALUE - 16, Math.max(2L, rows + rows / 4 + 1));
    }

    /** The bits a row number below {@code rows} needs (at least 1; at most 31). */
    private static int rowBits(int rows) {
        return Math.max(1, 32 - Integer.numberOfLeadingZeros(Math.max(1, rows - 1)));
    }

    /**
     * The hash bits a slot keeps beside the row, in place: the hash's low bits (the first slot,
     * scaled from the whole hash, depends mostly on its top bits) in bits {@code rowBits..30}, the
     * sign bit left clear so that no slot is {@link WordHash#EMPTY}.
     */
    private static int tag(int hash, int rowBits) {
        return rowBits >= 31 ? 0 : (hash & ((1 << (31 - rowBits)) - 1)) << rowBits;
    }

    private static int firstSlot(int hash, int capacity) {
        return (int) (((hash & 0xffffffffL) * capacity) >>> 32);
    }

    private static int next(int s, int capacity) {
        return s + 1 == capacity ? 0 : s + 1;
    }

    /** The file row of kept row {@code i}: {@code i} plus the rows left out up to it. */
    private int fileRow(int i) {
        // dropped[j] - j (the kept rows before dropped[j]) never decreases: count those <= i
        int lo = 0;
        int hi = dropped.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (dropped[mid] - mid <= i) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return i + lo;
    }

    /** The kept row of file row {@code row} (one that was kept): {@code row} less the rows left out before it. */
    private int keptRow(int row) {
        int j = Arrays.binarySearch(dropped, row);
        return row - (j >= 0 ? j : -j - 1);
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public String word(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("word " + i + " of " + size);
        }
        return records.word(records.address(dropped.length == 0 ? i : fileRow(i)));
    }

    @Override
    public int indexOf(String word) {
        byte[] w = word.getBytes(StandardCharsets.UTF_8);
        int hash = WordHash.hash(w, 0, w.length);
        int tag = tag(hash, rowBits);
        int rowMask = (1 << rowBits) - 1;
        int capacity = slots.length();
        for (int s = firstSlot(hash, capacity), slot; (slot = slots.get(s)) != WordHash.EMPTY; s = next(s, capacity)) {
            int row = slot & rowMask;
            if ((slot & ~rowMask) == tag && records.holds(records.address(row), w, 0, w.length)) {
                return dropped.length == 0 ? row : keptRow(row);
            }
        }
        return -1;
    }

    @Override
    public List<String> asList() {
        return list;
    }

    @Override
    public String[] asArray() {
        return list.toArray(new String[0]);
    }
}
