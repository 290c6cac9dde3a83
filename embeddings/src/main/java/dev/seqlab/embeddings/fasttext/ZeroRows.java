package dev.seqlab.embeddings.fasttext;

import dev.seqlab.core.kernel.Blas;
import dev.seqlab.embeddings.store.FloatRows;
import java.util.Arrays;

/** {@link FloatRows} that are all zero, held in no memory: the output matrix of a words-only model. */
final class ZeroRows implements FloatRows {
    private final int rows;
    private final int dim;

    ZeroRows(int rows, int dim) {
        this.rows = rows;
        this.dim = dim;
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
        Arrays.fill(dst, off, off + count * dim, 0f);
    }

    @Override
    public void dots(Blas blas, float[] x, int from, int to, float[] y) {
        Arrays.fill(y, from, to, 0f);
    }

    @Override
    public float dot(Blas blas, int i, float[] x) {
        return 0f;
    }

    @Override
    public float[] asArray() {
        return new float[Math.multiplyExact(rows, dim)];
    }
}
