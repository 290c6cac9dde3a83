package dev.seqlab.embeddings.store;

import dev.seqlab.core.kernel.Blas;

/** {@link FloatRows} in one heap array, read in place. */
final class HeapFloatRows extends SizedRows {
    private final float[] matrix;

    HeapFloatRows(float[] matrix, int rows, int dim) {
        super(rows, dim);
        if ((long) rows * dim > matrix.length) {
            throw new IllegalArgumentException(
                    rows + " rows × " + dim + " need " + (long) rows * dim + " floats, the array has " + matrix.length);
        }
        this.matrix = matrix;
    }

    @Override
    public void copyRows(int from, int count, float[] dst, int off) {
        System.arraycopy(matrix, from * dim, dst, off, count * dim);
    }

    @Override
    public void dots(Blas blas, float[] x, int from, int to, float[] y) {
        dots(blas, x, from, to, y, from);
    }

    @Override
    public void dots(Blas blas, float[] x, int from, int to, float[] y, int yOff) {
        if (to > from) {
            blas.gemv(false, to - from, dim, 1f, matrix, from * dim, dim, x, 0, 0f, y, yOff);
        }
    }

    @Override
    public float dot(Blas blas, int i, float[] x) {
        return blas.dot(dim, matrix, i * dim, x, 0);
    }

    @Override
    public float[] asArray() {
        return matrix;
    }
}
