package dev.seqlab.embeddings.store;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * {@link WordTable} read in place from a seqlab vectors file: the words' UTF-8 bytes in one blob,
 * an int64 start offset per word (plus the end), and a {@link WordHash} table probed on the mapped
 * bytes. Nothing is decoded until asked: a lookup hashes the word's UTF-8 bytes and compares them
 * with the blob; a word is decoded when its row is asked for.
 */
final class MappedWordTable implements WordTable {
    private final Path file;
    private final MappedRegion offsets;
    private final MappedRegion bytes;
    private final MappedRegion slots;
    private final int capacity;
    private final int size;
    private final List<String> list = new WordTableList(this);

    /**
     * The first {@code size} words of a table.
     *
     * @param offsets int64 offsets of each word in {@code bytes}, one more than the words in the file
     * @param slots   the hash table, a power of two of int32 slots
     */
    MappedWordTable(Path file, MappedRegion offsets, MappedRegion bytes, MappedRegion slots, int size) {
        this.file = file;
        this.offsets = offsets;
        this.bytes = bytes;
        this.slots = slots;
        this.capacity = (int) (slots.length() / 4);
        this.size = size;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public String word(int i) {
        return new String(utf8(i), StandardCharsets.UTF_8);
    }

    private byte[] utf8(int i) {
        long start = offsets.getLong(8L * i);
        long end = offsets.getLong(8L * i + 8);
        if (start < 0 || end < start || end > bytes.length() || end - start > Integer.MAX_VALUE) {
            throw new IllegalStateException(file + ": corrupt seqlab vectors file, word " + (i + 1) + " is at bytes ["
                    + start + ", " + end + ") of a " + bytes.length() + "-byte vocabulary");
        }
        byte[] b = new byte[(int) (end - start)];
        bytes.getBytes(start, b, 0, b.length);
        return b;
    }

    @Override
    public int indexOf(String word) {
        byte[] w = word.getBytes(StandardCharsets.UTF_8);
        int mask = capacity - 1;
        int s = WordHash.hash(w, 0, w.length) & mask;
        for (int probes = 0; probes < capacity; probes++, s = (s + 1) & mask) {
            int row = slots.getInt(4L * s);
            if (row == WordHash.EMPTY) {
                return -1;
            }
            if (row >= 0 && row < size && matches(row, w)) {
                return row;
            }
        }
        return -1;
    }

    private boolean matches(int row, byte[] w) {
        long start = offsets.getLong(8L * row);
        long end = offsets.getLong(8L * row + 8);
        return end - start == w.length && Arrays.equals(utf8(row), w);
    }

    @Override
    public List<String> asList() {
        return list;
    }

    @Override
    public String[] asArray() {
        String[] all = new String[size];
        for (int i = 0; i < size; i++) {
            all[i] = word(i);
        }
        return all;
    }
}
