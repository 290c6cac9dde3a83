package dev.seqlab.explorer.tsne;

import dev.seqlab.core.kernel.Blas;
import dev.seqlab.core.kernel.Kernels;
import java.util.concurrent.ExecutorService;

/**
 * The exact k nearest neighbours (squared Euclidean distance) of every row of a matrix, found a
 * block of rows at a time: the dot products of the block with all rows come from one GEMM, and
 * {@code |a − b|² = |a|² + |b|² − 2 a·b}.
 */
final class NearestNeighbours {
    private static final int BLOCK = 128;

    /** Neighbour rows, nearest first, {@code n × k} row-major. */
    final int[] index;
    /** Their squared distances, {@code n × k} row-major. */
    final float[] distance;

    final int k;

    private NearestNeighbours(int n, int k) {
        this.k = k;
        this.index = new int[n * k];
        this.distance = new float[n * k];
    }

    /**
     * The {@code k} nearest other rows of each of the {@code n} rows of {@code x} ({@code n × dim}
     * row-major), ties broken by the lower row.
     */
    static NearestNeighbours of(float[] x, int n, int dim, int k, ExecutorService pool, int threads) {
        if (k < 1 || k >= n) {
            throw new IllegalArgumentException("k must be in 1.." + (n - 1) + ", got " + k);
        }
        float[] c = centred(x, n, dim);
        float[] norms = new float[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int d = 0; d < dim; d++) {
                float v = c[i * dim + d];
                s += v * v;
            }
            norms[i] = (float) s;
        }
        NearestNeighbours out = new NearestNeighbours(n, k);
        Blas blas = Kernels.blas(1);
        int blocks = (n + BLOCK - 1) / BLOCK;
        Ranges.forEach(pool, Math.min(threads, blocks), blocks, (slice, from, to) -> {
            float[] dots = new float[BLOCK * n];
            for (int b = from; b < to; b++) {
                int r0 = b * BLOCK;
                int rows = Math.min(BLOCK, n - r0);
                blas.gemm(false, true, rows, n, dim, 1f, c, r0 * dim, dim, c, 0, dim, 0f, dots, 0, n);
                for (int r = 0; r < rows; r++) {
                    out.select(r0 + r, dots, r * n, norms, n);
                }
            }
        });
        return out;
    }

    /** A copy of x with the mean row subtracted: the same distances, less cancellation in the GEMM form. */
    private static float[] centred(float[] x, int n, int dim) {
        double[] mean = new double[dim];
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < dim; d++) {
                mean[d] += x[i * dim + d];
            }
        }
        float[] c = new float[x.length];
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < dim; d++) {
                c[i * dim + d] = (float) (x[i * dim + d] - mean[d] / n);
            }
        }
        return c;
    }

    /** The k smallest distances of row i (a bounded insertion list: k is small). */
    private void select(int i, float[] dots, int off, float[] norms, int n) {
        int base = i * k;
        int filled = 0;
        float ni = norms[i];
        for (int j = 0; j < n; j++) {
            if (j == i) {
                continue;
            }
            float d = Math.max(0f, ni + norms[j] - 2 * dots[off + j]);
            if (filled == k && d >= distance[base + k - 1]) {
                continue;
            }
            int p = filled == k ? k - 1 : filled++;
            while (p > 0 && distance[base + p - 1] > d) {
                distance[base + p] = distance[base + p - 1];
                index[base + p] = index[base + p - 1];
                p--;
            }
            distance[base + p] = d;
            index[base + p] = j;
        }
    }
}
