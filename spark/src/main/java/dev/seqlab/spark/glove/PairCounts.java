package dev.seqlab.spark.glove;

import java.util.Arrays;

/**
 * Sums of co-occurrence weights by pair key ({@code a × V + b}) in one task, in an
 * open-addressing table of primitives, so a partition's pairs are combined before the shuffle
 * without an object per pair.
 */
final class PairCounts {
    private static final long EMPTY = -1;
    private long[] keys;
    private double[] sums;
    private int size;
    private int mask;

    PairCounts(int capacityPowerOfTwo) {
        keys = new long[capacityPowerOfTwo];
        sums = new double[capacityPowerOfTwo];
        Arrays.fill(keys, EMPTY);
        mask = capacityPowerOfTwo - 1;
    }

    /** Adds {@code x} to pair {@code key} (not negative). */
    void add(long key, double x) {
        int slot = slot(key);
        while (keys[slot] != EMPTY && keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        if (keys[slot] == EMPTY) {
            keys[slot] = key;
            size++;
            if (size * 2L > keys.length) {
                sums[slot] = x;
                grow();
                return;
            }
        }
        sums[slot] += x;
    }

    /** The number of distinct pairs. */
    int size() {
        return size;
    }

    /** The table's slots (a slot with a negative key is empty). */
    int slots() {
        return keys.length;
    }

    /** The key of slot {@code i}, negative if empty. */
    long key(int i) {
        return keys[i];
    }

    /** The sum of slot {@code i}. */
    double sum(int i) {
        return sums[i];
    }

    /** Empties the table, keeping its size. */
    void clear() {
        Arrays.fill(keys, EMPTY);
        Arrays.fill(sums, 0);
        size = 0;
    }

    private int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 32) & mask;
    }

    private void grow() {
        long[] oldKeys = keys;
        double[] oldSums = sums;
        keys = new long[oldKeys.length * 2];
        sums = new double[oldKeys.length * 2];
        Arrays.fill(keys, EMPTY);
        mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int slot = slot(oldKeys[i]);
                while (keys[slot] != EMPTY) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                sums[slot] = oldSums[i];
            }
        }
    }
}
