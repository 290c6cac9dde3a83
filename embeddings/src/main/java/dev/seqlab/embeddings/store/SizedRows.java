package dev.seqlab.embeddings.store;

/** What every {@link FloatRows} implementation keeps: its number of rows and their length. */
abstract class SizedRows implements FloatRows {
    /** The number of rows. */
    final int rows;
    /** The length of a row. */
    final int dim;

    SizedRows(int rows, int dim) {
        this.rows = rows;
        this.dim = dim;
    }

    @Override
    public final int rows() {
        return rows;
    }

    @Override
    public final int dim() {
        return dim;
    }
}
