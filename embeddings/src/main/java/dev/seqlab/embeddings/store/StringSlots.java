package dev.seqlab.embeddings.store;

import java.util.Arrays;

/**
 * A hash index from words to rows of a String array, without an object per word: an int array of
 * {@link WordHash#capacity} slots (linear probing on {@link String#hashCode}, which the strings
 * cache), each a row of the array or {@link WordHash#EMPTY}. A few bytes a word instead of the
 * forty-odd of a {@code HashMap<String, Integer>} entry, which at millions of words is hundreds of
 * megabytes. Not thread-safe while being filled; lookups on a filled index may run concurrently.
 */
public final class StringSlots {
    private final String[] words;
    private final int[] slots;
    private final int mask;

    /** An empty index over {@code words} with room for {@code size} words. */
    public StringSlots(String[] words, int size) {
        this.words = words;
        this.slots = new int[WordHash.capacity(size)];
        Arrays.fill(slots, WordHash.EMPTY);
        this.mask = slots.length - 1;
    }

    /** Indexes {@code words[row]} unless an equal word is indexed; returns that word's row, or -1 when added. */
    public int putIfAbsent(int row) {
        String w = words[row];
        int s = spread(w.hashCode()) & mask;
        while (slots[s] != WordHash.EMPTY) {
            if (words[slots[s]].equals(w)) {
                return slots[s];
            }
            s = (s + 1) & mask;
        }
        slots[s] = row;
        return -1;
    }

    /** The row of {@code word}, or -1. */
    public int indexOf(String word) {
        int s = spread(word.hashCode()) & mask;
        while (slots[s] != WordHash.EMPTY) {
            int row = slots[s];
            if (words[row].equals(word)) {
                return row;
            }
            s = (s + 1) & mask;
        }
        return -1;
    }

    /** Mixes the high bits of a String hash into the low ones the mask keeps (as HashMap does, more strongly). */
    private static int spread(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
