package dev.seqlab.embeddings.store;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * {@link WordTable} over the words of a mapped file of records ({@link RecordOffsets}), kept as the
 * file's bytes: no String per word. A {@link WordHash} table of rows in the heap (four or eight
 * bytes a word) finds a word by hashing its UTF-8 bytes and comparing them with the file's; a
 * word is decoded only when its row is asked for.
 */
public final class RecordWordTable implements WordTable {
    private final RecordMapping file;
    private final RecordOffsets offsets;
    private final int[] slots;
    private final int mask;
    private final List<String> list = new WordTableList(this);

    private RecordWordTable(RecordMapping file, RecordOffsets offsets, int[] slots) {
        this.file = file;
        this.offsets = offsets;
        this.slots = slots;
        this.mask = slots.length - 1;
    }

    /** Told of a word met again, which is dropped (its first occurrence kept). */
    @FunctionalInterface
    public interface Duplicates {
        /** Row {@code row} of the file (0-based) repeats {@code word}, first met at row {@code first}. */
        void dropped(int row, int first, String word);
    }

    /**
     * Indexes the first {@code rows} records of {@code file}: word i at {@code starts[i]},
     * {@code lengths[i]} bytes, with the {@link WordHash#hash} {@code hashes[i]}. A word met again
     * is dropped, its first occurrence kept: the arrays are compacted in place, over the dropped
     * entries, and the table's rows are the kept ones in file order.
     */
    public static RecordWordTable index(
            RecordMapping file, long[] starts, int[] lengths, int[] hashes, int rows, Duplicates duplicates) {
        int[] slots = new int[WordHash.capacity(rows)];
        Arrays.fill(slots, WordHash.EMPTY);
        int mask = slots.length - 1;
        byte[] a = new byte[0];
        byte[] b = new byte[0];
        int kept = 0;
        for (int i = 0; i < rows; i++) {
            int h = hashes[i];
            int len = lengths[i];
            int s = h & mask;
            int first = -1;
            for (int row; (row = slots[s]) != WordHash.EMPTY; s = (s + 1) & mask) {
                if (hashes[row] == h && lengths[row] == len) {
                    if (a.length < len) {
                        a = new byte[len];
                        b = new byte[len];
                    }
                    file.getBytes(starts[i], a, 0, len);
                    file.getBytes(starts[row], b, 0, len);
                    if (Arrays.equals(a, 0, len, b, 0, len)) {
                        first = row;
                        break;
                    }
                }
            }
            if (first >= 0) {
                duplicates.dropped(i, first, new String(a, 0, len, StandardCharsets.UTF_8));
                continue;
            }
            starts[kept] = starts[i];
            lengths[kept] = len;
            hashes[kept] = h;
            slots[s] = kept;
            kept++;
        }
        return new RecordWordTable(file, new RecordOffsets(starts, lengths, kept), slots);
    }

    /** Where the kept words' records are, row by row. */
    public RecordOffsets offsets() {
        return offsets;
    }

    @Override
    public int size() {
        return offsets.size();
    }

    @Override
    public String word(int i) {
        return new String(utf8(i), StandardCharsets.UTF_8);
    }

    private byte[] utf8(int i) {
        byte[] w = new byte[offsets.wordLength(i)];
        file.getBytes(offsets.wordAt(i), w, 0, w.length);
        return w;
    }

    @Override
    public int indexOf(String word) {
        byte[] w = word.getBytes(StandardCharsets.UTF_8);
        for (int s = WordHash.hash(w, 0, w.length) & mask, row;
                (row = slots[s]) != WordHash.EMPTY;
                s = (s + 1) & mask) {
            if (offsets.wordLength(row) == w.length && Arrays.equals(utf8(row), w)) {
                return row;
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
