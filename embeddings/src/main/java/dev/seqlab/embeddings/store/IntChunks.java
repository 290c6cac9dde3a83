package dev.seqlab.embeddings.store;

import java.util.Arrays;

/**
 * A fixed number of ints in pieces of {@value #PIECE} (128 KiB): no piece is a humongous object
 * for G1 (half a region or more, at least 512 KiB), so the pieces need no contiguous free regions
 * and can be moved, and a heap little larger than a float matrix beside them has room for them.
 * Not synchronised: threads that set disjoint indices must be joined before others read them.
 */
public final class IntChunks {
    private static final int SHIFT = 15;
    /** Ints per piece. */
    static final int PIECE = 1 << SHIFT;

    private static final int MASK = PIECE - 1;

    private final int[][] pieces;
    private final int length;

    /** {@code length} zeros. */
    public IntChunks(int length) {
        if (length < 0) {
            throw new IllegalArgumentException("length " + length + " must be at least 0");
        }
        this.length = length;
        this.pieces = new int[(int) (((long) length + MASK) >>> SHIFT)][];
        for (int p = 0; p < pieces.length; p++) {
            pieces[p] = new int[Math.min(PIECE, length - (p << SHIFT))];
        }
    }

    /** The number of ints. */
    public int length() {
        return length;
    }

    /** Int {@code i}. */
    public int get(int i) {
        return pieces[i >>> SHIFT][i & MASK];
    }

    /** Sets int {@code i} to {@code value}. */
    public void set(int i, int value) {
        pieces[i >>> SHIFT][i & MASK] = value;
    }

    /** Sets every int to {@code value}. */
    public void fill(int value) {
        for (int[] p : pieces) {
            Arrays.fill(p, value);
        }
    }
}
