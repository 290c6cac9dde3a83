package dev.seqlab.spark.matrix;

import java.io.Serializable;

/**
 * Where row {@code r} of a {@code rows × dim} float matrix lives when the matrix is cut into
 * blocks of whole rows, each at most {@code maxBlockFloats} floats: pure index arithmetic in
 * {@code long}, so a layout of any size can be computed (and tested) without allocating it.
 *
 * @param rows           the number of rows
 * @param dim            floats per row
 * @param rowsPerBlock   whole rows in each block (the last may hold fewer)
 */
public record RowLayout(long rows, int dim, int rowsPerBlock) implements Serializable {
    /** The largest block: a Java array of floats (with the headroom some JVMs keep). */
    public static final int MAX_BLOCK_FLOATS = Integer.MAX_VALUE - 8;

    /**
     * @throws IllegalArgumentException naming the bad value
     */
    public RowLayout {
        if (rows < 0) {
            throw new IllegalArgumentException("rows must be 0 or more, got " + rows);
        }
        if (dim < 1) {
            throw new IllegalArgumentException("dim must be at least 1, got " + dim);
        }
        if (rowsPerBlock < 1 || (long) rowsPerBlock * dim > MAX_BLOCK_FLOATS) {
            throw new IllegalArgumentException("rowsPerBlock must be between 1 and " + MAX_BLOCK_FLOATS / dim
                    + " for dimension " + dim + ", got " + rowsPerBlock);
        }
        if (blocks(rows, rowsPerBlock) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(
                    rows + " rows in blocks of " + rowsPerBlock + " need more than " + Integer.MAX_VALUE + " blocks");
        }
    }

    /** The layout with blocks as large as {@code maxBlockFloats} allows. */
    public static RowLayout of(long rows, int dim, int maxBlockFloats) {
        if (maxBlockFloats < dim || maxBlockFloats > MAX_BLOCK_FLOATS) {
            throw new IllegalArgumentException("maxBlockFloats must be between dim (" + dim + ") and "
                    + MAX_BLOCK_FLOATS + ", got " + maxBlockFloats);
        }
        return new RowLayout(rows, dim, maxBlockFloats / dim);
    }

    /** The layout with the largest blocks a Java array allows. */
    public static RowLayout of(long rows, int dim) {
        return of(rows, dim, MAX_BLOCK_FLOATS);
    }

    private static long blocks(long rows, int rowsPerBlock) {
        return (rows + rowsPerBlock - 1) / rowsPerBlock;
    }

    /** The number of blocks. */
    public int blocks() {
        return (int) blocks(rows, rowsPerBlock);
    }

    /** The floats of the whole matrix, rows × dim. */
    public long floats() {
        return rows * dim;
    }

    /** The block holding row {@code row}. */
    public int block(long row) {
        checkRow(row);
        return (int) (row / rowsPerBlock);
    }

    /** Where row {@code row} starts inside its block. */
    public int offset(long row) {
        checkRow(row);
        return (int) (row % rowsPerBlock) * dim;
    }

    /** The number of rows of block {@code b}. */
    public int rowsOf(int b) {
        if (b < 0 || b >= blocks()) {
            throw new IndexOutOfBoundsException("block " + b + " of " + blocks());
        }
        return (int) Math.min(rowsPerBlock, rows - (long) b * rowsPerBlock);
    }

    private void checkRow(long row) {
        if (row < 0 || row >= rows) {
            throw new IndexOutOfBoundsException("row " + row + " of " + rows);
        }
    }
}
