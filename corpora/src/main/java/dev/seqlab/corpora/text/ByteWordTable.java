package dev.seqlab.corpora.text;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Words as UTF-8 byte strings, numbered in order of first appearance and counted, in an
 * open-addressing hash table: counting a token needs no {@code String}. The bytes of all distinct
 * words live in one growing array.
 *
 * <p>Counting is a random access per token into a table of a few hundred thousand words, so the
 * layout keeps what a look-up reads together: each word's hash, length, first eight bytes, count
 * and start are one 32-byte entry, and a word of up to eight bytes (nine tokens in ten of an
 * English corpus) is compared as one {@code long} without reading the bytes array. A look-up then
 * touches the slot and one entry instead of six arrays.
 */
final class ByteWordTable {
    private static final int EMPTY = -1;
    /** Longs per entry: hash and length, the first eight bytes, count, start in {@link #bytes}. */
    private static final int ENTRY = 4;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private int[] slots = new int[1 << 16];
    private long[] entries = new long[ENTRY << 14];
    private byte[] bytes = new byte[1 << 20];
    private int used;
    private int size;

    ByteWordTable() {
        Arrays.fill(slots, EMPTY);
    }

    /** Counts one occurrence of {@code word[from..from+length)}; returns its number (0, 1, … in order of first appearance). */
    int add(byte[] word, int from, int length) {
        long head = head(word, from, length);
        int h = hash(head, word, from, length);
        long key = (long) h << 32 | length;
        int mask = slots.length - 1;
        for (int s = h & mask; ; s = (s + 1) & mask) {
            int id = slots[s];
            if (id == EMPTY) {
                id = insert(word, from, length, key, head);
                slots[s] = id;
                if (2 * size > slots.length) {
                    rehash();
                }
                return id;
            }
            int e = id * ENTRY;
            if (entries[e] == key
                    && entries[e + 1] == head
                    && (length <= Long.BYTES
                            || Arrays.equals(
                                    bytes,
                                    (int) entries[e + 3] + Long.BYTES,
                                    (int) entries[e + 3] + length,
                                    word,
                                    from + Long.BYTES,
                                    from + length))) {
                entries[e + 2]++;
                return id;
            }
        }
    }

    /**
     * Adds the words of {@code other} with their counts, in its order: words new here are numbered
     * after this table's, as if {@code other}'s tokens had been added after this table's.
     *
     * @return the number here of each word of {@code other}, by its number there
     */
    int[] addAll(ByteWordTable other) {
        int[] ids = new int[other.size];
        for (int i = 0; i < other.size; i++) {
            int e = i * ENTRY;
            int id = add(other.bytes, (int) other.entries[e + 3], (int) other.entries[e]);
            entries[id * ENTRY + 2] += other.entries[e + 2] - 1;
            ids[i] = id;
        }
        return ids;
    }

    /** The number of distinct words. */
    int size() {
        return size;
    }

    /** The word numbered {@code id}. */
    String word(int id) {
        int e = id * ENTRY;
        return new String(bytes, (int) entries[e + 3], (int) entries[e], StandardCharsets.UTF_8);
    }

    /** How often the word numbered {@code id} was added. */
    long count(int id) {
        return entries[id * ENTRY + 2];
    }

    private int insert(byte[] word, int from, int length, long key, long head) {
        if ((size + 1) * ENTRY > entries.length) {
            entries = Arrays.copyOf(entries, 2 * entries.length);
        }
        if (bytes.length - used < length) {
            long n = Math.max(2L * bytes.length, (long) used + length);
            if (n > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("more than 2 GB of distinct words");
            }
            bytes = Arrays.copyOf(bytes, (int) n);
        }
        System.arraycopy(word, from, bytes, used, length);
        int id = size++;
        int e = id * ENTRY;
        entries[e] = key;
        entries[e + 1] = head;
        entries[e + 2] = 1;
        entries[e + 3] = used;
        used += length;
        return id;
    }

    private void rehash() {
        int[] next = new int[2 * slots.length];
        Arrays.fill(next, EMPTY);
        int mask = next.length - 1;
        for (int id = 0; id < size; id++) {
            int s = (int) (entries[id * ENTRY] >>> 32) & mask;
            while (next[s] != EMPTY) {
                s = (s + 1) & mask;
            }
            next[s] = id;
        }
        slots = next;
    }

    /** The first (up to) eight bytes of the word, little-endian, zero above its length. */
    private static long head(byte[] b, int from, int length) {
        if (from + Long.BYTES <= b.length) {
            long v = (long) LONGS.get(b, from);
            return length >= Long.BYTES ? v : v & ((1L << (8 * length)) - 1);
        }
        long v = 0;
        for (int i = Math.min(length, Long.BYTES) - 1; i >= 0; i--) {
            v = v << 8 | (b[from + i] & 0xFF);
        }
        return v;
    }

    /**
     * The word's head mixed with its length, then FNV-1a over its bytes after the eighth, then a
     * finaliser so that the low bits index the table well.
     */
    private static int hash(long head, byte[] b, int from, int length) {
        long x = head * 0x9E3779B97F4A7C15L + length;
        int h = (int) (x ^ (x >>> 32));
        for (int i = from + Long.BYTES, end = from + length; i < end; i++) {
            h = (h ^ (b[i] & 0xFF)) * 0x01000193;
        }
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        return h ^ (h >>> 16);
    }
}
