package dev.seqlab.embeddings.fasttext.train;

import dev.seqlab.core.random.SeededRandom;

/**
 * The matrices being trained, flat and row-major with rows padded to {@link #stride} floats (a
 * multiple of the kernel's lanes): the input matrix, one row per word then one per n-gram bucket,
 * uniform in [-1/dim, 1/dim) as fastText starts it, and the output matrix, one row per word, zero.
 * Shared by all training threads, which update them without locks.
 */
final class FastTextWeights {
    final int inputRows;
    final int outputRows;
    final int dim;
    final int stride;
    final float[] input;
    final float[] output;

    FastTextWeights(int inputRows, int outputRows, int dim, int lanes, long seed) {
        this.inputRows = inputRows;
        this.outputRows = outputRows;
        this.dim = dim;
        this.stride = (dim + lanes - 1) / lanes * lanes;
        long size = (long) inputRows * stride;
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(inputRows + " input rows (words + buckets) of dimension " + dim
                    + " do not fit in one array; lower --bucket or --dim");
        }
        this.input = new float[(int) size];
        SeededRandom rng = new SeededRandom(seed);
        float scale = 2f / dim;
        float shift = 1f / dim;
        for (int r = 0; r < inputRows; r++) {
            int o = r * stride;
            for (int k = 0; k < dim; k++) {
                input[o + k] = rng.nextFloat() * scale - shift;
            }
        }
        this.output = new float[outputRows * stride];
    }

    /** Rows {@code [0, rows)} of {@code padded} without padding, row-major {@code rows × dim}. */
    float[] compact(float[] padded, int rows) {
        float[] out = new float[Math.multiplyExact(rows, dim)];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(padded, r * stride, out, r * dim, dim);
        }
        return out;
    }
}
