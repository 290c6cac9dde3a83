package dev.seqlab.embeddings.store;

import dev.seqlab.core.kernel.Blas;

/**
 * {@link FloatRows} outside the heap. Dot products copy a few rows at a time (a chunk of about
 * 64 KiB, bulk memory copies) into a per-thread buffer and run the same {@link Blas} kernels on
 * it as on heap rows, so scores are bit-identical to those of the same rows in the heap.
 */
abstract class StagedRows extends SizedRows {
    /** Floats per staging chunk. */
    private static final int CHUNK_FLOATS = 1 << 14;

    private final int chunkRows;
    private final ThreadLocal<float[]> chunk;

    StagedRows(int rows, int dim) {
        super(rows, dim);
        this.chunkRows = Math.max(1, CHUNK_FLOATS / dim);
        this.chunk = ThreadLocal.withInitial(() -> new float[chunkRows * dim]);
    }

    @Override
    public final void dots(Blas blas, float[] x, int from, int to, float[] y) {
        dots(blas, x, from, to, y, from);
    }

    @Override
    public final void dots(Blas blas, float[] x, int from, int to, float[] y, int yOff) {
        float[] buf = chunk.get();
        for (int r = from; r < to; r += chunkRows) {
            int n = Math.min(chunkRows, to - r);
            copyRows(r, n, buf, 0);
            blas.gemv(false, n, dim, 1f, buf, 0, dim, x, 0, 0f, y, yOff + r - from);
        }
    }

    @Override
    public final float dot(Blas blas, int i, float[] x) {
        float[] buf = chunk.get();
        copyRows(i, 1, buf, 0);
        return blas.dot(dim, buf, 0, x, 0);
    }

    @Override
    public final float[] asArray() {
        float[] all = new float[Math.multiplyExact(rows, dim)];
        copyRows(0, rows, all, 0);
        return all;
    }
}
