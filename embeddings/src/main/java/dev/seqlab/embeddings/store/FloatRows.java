package dev.seqlab.embeddings.store;

import dev.seqlab.core.kernel.Blas;

/**
 * The raw float32 vectors, one row per word, row-major: in a heap array or mapped from a file.
 * Dot products go through a {@link Blas}, so a row scores the same (bit for bit) wherever it lives.
 */
public interface FloatRows {

    /** Rows held in the heap array {@code matrix} (not copied; it must not change). */
    static FloatRows of(float[] matrix, int rows, int dim) {
        return new HeapFloatRows(matrix, rows, dim);
    }

    /** The first {@code rows} rows of a mapped region whose granule is one row ({@code 4·dim} bytes). */
    static FloatRows mapped(MappedRegion region, int rows, int dim) {
        return new MappedFloatRows(region, rows, dim);
    }

    /**
     * The vectors of records in a mapped file, row i the {@code dim} little-endian floats at
     * {@code offsets.vectorAt(i)} (a word2vec binary file read in place).
     */
    static FloatRows records(RecordMapping file, RecordOffsets offsets, int dim) {
        return new RecordFloatRows(file, offsets, dim);
    }

    /** The number of rows. */
    int rows();

    /** The length of a row. */
    int dim();

    /** Copies the rows {@code [from, from + count)} into {@code dst} from {@code off}. */
    void copyRows(int from, int count, float[] dst, int off);

    /** {@code y[i] = row(i) · x} for the rows {@code [from, to)}, each by {@link Blas#gemv}. */
    void dots(Blas blas, float[] x, int from, int to, float[] y);

    /**
     * The same floats as {@link #dots(Blas, float[], int, int, float[])}, into
     * {@code y[yOff + i − from]}: a buffer with room for the rows asked, not for every row. By
     * default the rows are copied out a few at a time and multiplied there.
     */
    default void dots(Blas blas, float[] x, int from, int to, float[] y, int yOff) {
        int dim = dim();
        int chunk = Math.max(1, (1 << 14) / dim);
        float[] buf = new float[Math.min(chunk, Math.max(0, to - from)) * dim];
        for (int r = from; r < to; r += chunk) {
            int n = Math.min(chunk, to - r);
            copyRows(r, n, buf, 0);
            blas.gemv(false, n, dim, 1f, buf, 0, dim, x, 0, 0f, y, yOff + r - from);
        }
    }

    /** {@code row(i) · x} by {@link Blas#dot}. */
    float dot(Blas blas, int i, float[] x);

    /**
     * All rows as one row-major array: the backing array itself for heap rows (do not change it),
     * a new copy for mapped ones.
     */
    float[] asArray();
}
