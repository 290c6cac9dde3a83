package dev.seqlab.embeddings.store;

import java.util.Arrays;

/**
 * The open-addressing hash table of a seqlab vectors file: a power-of-two number of int32 slots,
 * each a row or -1 (empty), at most half full; a word's first slot is its {@link #hash} masked to
 * the capacity, and collisions probe the following slots (linear probing, wrapping round).
 */
public final class WordHash {
    /** The value of an empty slot. */
    public static final int EMPTY = -1;

    private WordHash() {}

    /** FNV-1a (64-bit) of {@code bytes[off, off + len)}, its halves folded: the same on every platform. */
    public static int hash(byte[] bytes, int off, int len) {
        long h = START;
        for (int i = off; i < off + len; i++) {
            h = step(h, bytes[i]);
        }
        return fold(h);
    }

    /** The state of {@link #hash} before any byte, for hashing bytes as they are read. */
    public static final long START = 0xcbf29ce484222325L;

    /** The state of {@link #hash} after one more byte {@code b}. */
    public static long step(long h, byte b) {
        return (h ^ (b & 0xff)) * 0x100000001b3L;
    }

    /** The hash of the bytes that led to state {@code h}. */
    public static int fold(long h) {
        return (int) (h ^ (h >>> 32));
    }

    /** The number of slots for {@code words} words: the smallest power of two of at least twice as many (at least 2). */
    public static int capacity(int words) {
        long want = Math.max(2L, 2L * words);
        long c = Long.highestOneBit(want);
        if (c < want) {
            c <<= 1;
        }
        if (c > 1 << 30) {
            throw new IllegalArgumentException(words + " words are too many for one hash table");
        }
        return (int) c;
    }

    /** The table for words whose UTF-8 bytes are {@code utf8[i]}, row i (no word twice). */
    public static int[] build(byte[][] utf8) {
        int[] slots = new int[capacity(utf8.length)];
        Arrays.fill(slots, EMPTY);
        int mask = slots.length - 1;
        for (int i = 0; i < utf8.length; i++) {
            int s = hash(utf8[i], 0, utf8[i].length) & mask;
            while (slots[s] != EMPTY) {
                s = (s + 1) & mask;
            }
            slots[s] = i;
        }
        return slots;
    }
}
