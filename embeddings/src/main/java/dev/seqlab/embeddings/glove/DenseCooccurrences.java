package dev.seqlab.embeddings.glove;

/**
 * Co-occurrence counts of frequent word pairs in one array of doubles (sums of thousands of
 * 1/d terms lose digits in float), as the GloVe tool keeps them:
 * row {@code a} (words are numbered by frequency, 0 most frequent) holds the columns
 * {@code b < maxProduct / (a + 1)}, so pairs of two frequent words, which make up most of the
 * updates, cost an array add instead of a record. Pairs outside go to a {@link PairBuffer}.
 *
 * <p>Rows are stored one after another; iterating rows in order and columns in order gives the
 * pairs in the same (a, b) order as sorted sparse records.
 */
final class DenseCooccurrences {
    private final int vocabularySize;
    private final int[] rowStart;
    private final double[] cells;

    private DenseCooccurrences(int vocabularySize, long maxProduct) {
        this.vocabularySize = vocabularySize;
        this.rowStart = new int[vocabularySize + 1];
        long total = 0;
        for (int a = 0; a < vocabularySize; a++) {
            rowStart[a] = (int) total;
            total += rowLength(vocabularySize, maxProduct, a);
        }
        rowStart[vocabularySize] = (int) total;
        this.cells = new double[(int) total];
    }

    /**
     * The largest table for this vocabulary that has at most {@code maxCells} cells (possibly
     * none, possibly the whole V×V matrix).
     */
    static DenseCooccurrences withinCells(int vocabularySize, long maxCells) {
        long cap = Math.min(maxCells, Integer.MAX_VALUE - 16L);
        long full = (long) vocabularySize * vocabularySize;
        if (full <= cap) {
            return new DenseCooccurrences(vocabularySize, full);
        }
        long lo = 0;
        long hi = full; // cells(lo) <= cap < cells(hi)
        while (hi - lo > 1) {
            long mid = (lo + hi) >>> 1;
            if (cells(vocabularySize, mid) <= cap) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return new DenseCooccurrences(vocabularySize, lo);
    }

    private static long rowLength(int v, long maxProduct, int a) {
        return Math.min(v, maxProduct / (a + 1));
    }

    private static long cells(int v, long maxProduct) {
        long total = 0;
        for (int a = 0; a < v; a++) {
            long len = rowLength(v, maxProduct, a);
            if (len == 0) {
                break;
            }
            total += len;
        }
        return total;
    }

    /** Adds {@code x} to pair (a, b) if the table holds it. */
    boolean add(int a, int b, double x) {
        int start = rowStart[a];
        if (b < rowStart[a + 1] - start) {
            cells[start + b] += x;
            return true;
        }
        return false;
    }

    /** Bytes of the cell array. */
    long bytes() {
        return (long) Double.BYTES * cells.length;
    }

    /** How many columns row {@code a} holds. */
    int rowLength(int a) {
        return rowStart[a + 1] - rowStart[a];
    }

    /** The count of (a, b); {@code b} must be below {@link #rowLength(int)}. */
    double get(int a, int b) {
        return cells[rowStart[a] + b];
    }

    /** Pairs with a non-zero count. */
    long nonZero() {
        long n = 0;
        for (double c : cells) {
            if (c != 0) {
                n++;
            }
        }
        return n;
    }

    int vocabularySize() {
        return vocabularySize;
    }
}
