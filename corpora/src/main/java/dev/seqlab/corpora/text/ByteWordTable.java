package dev.seqlab.corpora.text;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Words as UTF-8 byte strings, numbered in order of first appearance and counted, in an
 * open-addressing hash table: counting a token needs no {@code String}. The bytes of all distinct
 * words live in one growing array.
 */
final class ByteWordTable {
    private static final int EMPTY = -1;

    private int[] slots = new int[1 << 16];
    private int[] hashes = new int[1 << 14];
    private int[] starts = new int[1 << 14];
    private int[] lengths = new int[1 << 14];
    private long[] counts = new long[1 << 14];
    private byte[] bytes = new byte[1 << 20];
    private int used;
    private int size;

    ByteWordTable() {
        Arrays.fill(slots, EMPTY);
    }

    /** Counts one occurrence of {@code word[from..from+length)}; returns its number (0, 1, … in order of first appearance). */
    int add(byte[] word, int from, int length) {
        int h = hash(word, from, length);
        int mask = slots.length - 1;
        for (int s = h & mask; ; s = (s + 1) & mask) {
            int id = slots[s];
            if (id == EMPTY) {
                id = insert(word, from, length, h);
                slots[s] = id;
                if (2 * size > slots.length) {
                    rehash();
                }
                return id;
            }
            if (hashes[id] == h
                    && lengths[id] == length
                    && Arrays.equals(bytes, starts[id], starts[id] + length, word, from, from + length)) {
                counts[id]++;
                return id;
            }
        }
    }

    /** The number of distinct words. */
    int size() {
        return size;
    }

    /** The word numbered {@code id}. */
    String word(int id) {
        return new String(bytes, starts[id], lengths[id], StandardCharsets.UTF_8);
    }

    /** How often the word numbered {@code id} was added. */
    long count(int id) {
        return counts[id];
    }

    private int insert(byte[] word, int from, int length, int h) {
        if (size == hashes.length) {
            int n = 2 * size;
            hashes = Arrays.copyOf(hashes, n);
            starts = Arrays.copyOf(starts, n);
            lengths = Arrays.copyOf(lengths, n);
            counts = Arrays.copyOf(counts, n);
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
        hashes[id] = h;
        starts[id] = used;
        lengths[id] = length;
        counts[id] = 1;
        used += length;
        return id;
    }

    private void rehash() {
        int[] next = new int[2 * slots.length];
        Arrays.fill(next, EMPTY);
        int mask = next.length - 1;
        for (int id = 0; id < size; id++) {
            int s = hashes[id] & mask;
            while (next[s] != EMPTY) {
                s = (s + 1) & mask;
            }
            next[s] = id;
        }
        slots = next;
    }

    /** FNV-1a over the bytes, then a finaliser so that the low bits index the table well. */
    private static int hash(byte[] b, int from, int length) {
        int h = 0x811C9DC5;
        for (int i = from, end = from + length; i < end; i++) {
            h = (h ^ (b[i] & 0xFF)) * 0x01000193;
        }
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        return h ^ (h >>> 16);
    }
}
