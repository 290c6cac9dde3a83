package dev.seqlab.spark.matrix;

import java.io.Serializable;

/**
 * A {@code rows × dim} float matrix in blocks of whole rows ({@link RowLayout}): rows are
 * numbered with {@code long}, and each row is a contiguous slice of one block, so kernels that
 * take an array and an offset work on it unchanged. Serializable, to be broadcast and sent back
 * by Spark tasks.
 */
public final class RowBlocks implements Serializable {
    private static final long serialVersionUID = 1L;

    private final RowLayout layout;
    private final float[][] blocks;

    /** A zero matrix with this layout. */
    public RowBlocks(RowLayout layout) {
        this.layout = layout;
        this.blocks = new float[layout.blocks()][];
        for (int b = 0; b < blocks.length; b++) {
            blocks[b] = new float[layout.rowsOf(b) * layout.dim()];
        }
    }

    /** A zero matrix of {@code rows × dim}, in the largest blocks. */
    public static RowBlocks zeros(long rows, int dim) {
        return new RowBlocks(RowLayout.of(rows, dim));
    }

    /** The layout. */
    public RowLayout layout() {
        return layout;
    }

    /** The number of rows. */
    public long rows() {
        return layout.rows();
    }

    /** Floats per row. */
    public int dim() {
        return layout.dim();
    }

    /** The block holding {@code row} (row starts at {@link #offset}). */
    public float[] blockOf(long row) {
        return blocks[layout.block(row)];
    }

    /** Where {@code row} starts in {@link #blockOf}. */
    public int offset(long row) {
        return layout.offset(row);
    }

    /** Element {@code k} of row {@code row}. */
    public float get(long row, int k) {
        return blockOf(row)[offset(row) + k];
    }

    /** Copies row {@code row} to {@code out[at..at+dim)}. */
    public void copyRow(long row, float[] out, int at) {
        System.arraycopy(blockOf(row), offset(row), out, at, dim());
    }

    /** Sets row {@code row} from {@code in[at..at+dim)}. */
    public void setRow(long row, float[] in, int at) {
        System.arraycopy(in, at, blockOf(row), offset(row), dim());
    }

    /** The row as a new array. */
    public float[] row(long row) {
        float[] out = new float[dim()];
        copyRow(row, out, 0);
        return out;
    }

    /**
     * Copies this matrix's rows into a single padded array (row {@code r} at {@code r * stride}).
     *
     * @throws IllegalArgumentException if {@code out} cannot hold rows × stride floats
     */
    public void copyTo(float[] out, int stride) {
        checkPadded(out, stride);
        for (long r = 0; r < rows(); r++) {
            copyRow(r, out, (int) (r * stride));
        }
    }

    /** Sets this matrix's rows from a single padded array (row {@code r} at {@code r * stride}). */
    public void copyFrom(float[] in, int stride) {
        checkPadded(in, stride);
        for (long r = 0; r < rows(); r++) {
            setRow(r, in, (int) (r * stride));
        }
    }

    private void checkPadded(float[] array, int stride) {
        if (stride < dim() || rows() * stride > array.length) {
            throw new IllegalArgumentException("an array of " + array.length + " floats cannot hold " + rows()
                    + " rows of stride " + stride + " (dimension " + dim() + ")");
        }
    }

    /** The matrix without padding, row-major, when it fits one array. */
    public float[] toArray() {
        if (layout.floats() > RowLayout.MAX_BLOCK_FLOATS) {
            throw new IllegalArgumentException(rows() + " rows × dimension " + dim() + " = " + layout.floats()
                    + " floats do not fit in one Java array; read the rows one by one instead");
        }
        float[] out = new float[(int) layout.floats()];
        copyTo(out, dim());
        return out;
    }

    /** Block {@code b}, for whole-block arithmetic (rows of {@link #dim()} floats, no padding). */
    public float[] block(int b) {
        return blocks[b];
    }

    /** The number of blocks. */
    public int blocks() {
        return blocks.length;
    }
}
