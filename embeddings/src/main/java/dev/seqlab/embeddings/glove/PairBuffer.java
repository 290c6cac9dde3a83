package dev.seqlab.embeddings.glove;

import java.util.Arrays;

/**
 * Co-occurrence updates for pairs the {@link DenseCooccurrences} table does not hold: a fixed
 * number of (pair, amount) entries, sorted by pair and combined when full. A pair is the key
 * {@code a * V + b}, so key order is (a, b) order.
 *
 * <p>Sorting is an LSD radix sort on 16-bit digits (only as many passes as the largest key
 * needs), which moves each entry a few times and never compares.
 *
 * <p>The arrays grow as entries arrive, up to the capacity, and the sort's scratch arrays are
 * made at the first sort: a small corpus does not pay for zeroing a budget it never uses.
 */
final class PairBuffer {
    /** Bytes per entry: the key and amount, and their copies in the sort's scratch arrays. */
    static final int BYTES_PER_ENTRY = 2 * (Long.BYTES + Float.BYTES);

    private static final int DIGIT_BITS = 16;
    private static final int RADIX = 1 << DIGIT_BITS;
    private static final int INITIAL_ENTRIES = 1 << 16;

    private long[] keys;
    private float[] amounts;
    private long[] scratchKeys;
    private float[] scratchAmounts;
    private final int capacity;
    private final int passes;
    private final int[] histogram = new int[RADIX];
    private int size;

    /**
     * @param capacity entries held before the buffer is full
     * @param maxKey   the largest key that will be added
     */
    PairBuffer(int capacity, long maxKey) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
        keys = new long[Math.min(capacity, INITIAL_ENTRIES)];
        amounts = new float[keys.length];
        int bits = 64 - Long.numberOfLeadingZeros(Math.max(1, maxKey));
        passes = (bits + DIGIT_BITS - 1) / DIGIT_BITS;
    }

    /** Appends an entry; the caller must make room first when {@link #isFull()}. */
    void add(long key, float amount) {
        if (size == keys.length) {
            grow();
        }
        keys[size] = key;
        amounts[size] = amount;
        size++;
    }

    private void grow() {
        if (size >= capacity) {
            throw new IllegalStateException("the buffer is full (" + capacity + " entries): sort and combine first");
        }
        int n = (int) Math.min(capacity, 2L * keys.length);
        scratchKeys = null; // remade at the next sort, at the new length
        scratchAmounts = null;
        keys = Arrays.copyOf(keys, n);
        amounts = Arrays.copyOf(amounts, n);
    }

    boolean isFull() {
        return size == capacity;
    }

    int size() {
        return size;
    }

    int capacity() {
        return capacity;
    }

    long key(int i) {
        return keys[i];
    }

    float amount(int i) {
        return amounts[i];
    }

    void clear() {
        size = 0;
    }

    /**
     * Sorts the entries by key and adds up the amounts of equal keys (in double, rounded once),
     * leaving one entry each.
     */
    void sortAndCombine() {
        if (scratchKeys == null || scratchKeys.length != keys.length) {
            scratchKeys = new long[keys.length];
            scratchAmounts = new float[keys.length];
        }
        for (int pass = 0; pass < passes; pass++) {
            int shift = pass * DIGIT_BITS;
            Arrays.fill(histogram, 0);
            for (int i = 0; i < size; i++) {
                histogram[(int) (keys[i] >>> shift) & (RADIX - 1)]++;
            }
            int sum = 0;
            for (int d = 0; d < RADIX; d++) {
                int c = histogram[d];
                histogram[d] = sum;
                sum += c;
            }
            for (int i = 0; i < size; i++) {
                int slot = histogram[(int) (keys[i] >>> shift) & (RADIX - 1)]++;
                scratchKeys[slot] = keys[i];
                scratchAmounts[slot] = amounts[i];
            }
            long[] k = keys;
            keys = scratchKeys;
            scratchKeys = k;
            float[] a = amounts;
            amounts = scratchAmounts;
            scratchAmounts = a;
        }
        int out = 0;
        for (int i = 0; i < size; ) {
            long key = keys[i];
            double total = amounts[i++];
            while (i < size && keys[i] == key) {
                total += amounts[i++];
            }
            keys[out] = key;
            amounts[out] = (float) total;
            out++;
        }
        size = out;
    }
}
