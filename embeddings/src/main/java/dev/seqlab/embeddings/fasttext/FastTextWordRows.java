package dev.seqlab.embeddings.fasttext;

import dev.seqlab.core.kernel.Blas;
import dev.seqlab.embeddings.store.FloatRows;
import java.util.stream.IntStream;

/**
 * The word vectors of a {@link FastTextModel}'s first words as {@link FloatRows}: each row is
 * computed from the input matrix when asked ({@link FastTextModel#wordVector(int, float[], int)}),
 * so opening a model touches none of its matrix; the first whole-vocabulary operation (a
 * similarity search, a copy of all rows) computes them all once, in parallel, and keeps them.
 */
final class FastTextWordRows implements FloatRows {
    /** Rows computed per parallel task when all are made. */
    private static final int BLOCK = 4096;

    private final FastTextModel model;
    private final int rows;
    private final int dim;
    private final ThreadLocal<float[]> row;
    private volatile float[] matrix;

    FastTextWordRows(FastTextModel model, int rows) {
        this.model = model;
        this.rows = rows;
        this.dim = model.dim();
        this.row = ThreadLocal.withInitial(() -> new float[dim]);
    }

    @Override
    public int rows() {
        return rows;
    }

    @Override
    public int dim() {
        return dim;
    }

    @Override
    public void copyRows(int from, int count, float[] dst, int off) {
        float[] m = matrix;
        if (m != null) {
            System.arraycopy(m, from * dim, dst, off, count * dim);
            return;
        }
        for (int i = 0; i < count; i++) {
            model.wordVector(from + i, dst, off + i * dim);
        }
    }

    @Override
    public void dots(Blas blas, float[] x, int from, int to, float[] y) {
        if (to > from) {
            blas.gemv(false, to - from, dim, 1f, all(), from * dim, dim, x, 0, 0f, y, from);
        }
    }

    @Override
    public float dot(Blas blas, int i, float[] x) {
        float[] m = matrix;
        if (m != null) {
            return blas.dot(dim, m, i * dim, x, 0);
        }
        float[] r = row.get();
        model.wordVector(i, r, 0);
        return blas.dot(dim, r, 0, x, 0);
    }

    @Override
    public float[] asArray() {
        return all();
    }

    /** All rows, computed on first use. */
    private float[] all() {
        float[] m = matrix;
        if (m == null) {
            synchronized (this) {
                m = matrix;
                if (m == null) {
                    float[] made = new float[Math.multiplyExact(rows, dim)];
                    IntStream.range(0, (rows + BLOCK - 1) / BLOCK).parallel().forEach(b -> {
                        int end = Math.min(rows, (b + 1) * BLOCK);
                        for (int i = b * BLOCK; i < end; i++) {
                            model.wordVector(i, made, i * dim);
                        }
                    });
                    matrix = made;
                    m = made;
                }
            }
        }
        return m;
    }
}
