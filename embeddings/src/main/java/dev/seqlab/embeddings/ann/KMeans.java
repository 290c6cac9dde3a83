package dev.seqlab.embeddings.ann;

import dev.seqlab.core.kernel.Blas;
import dev.seqlab.core.progress.ProgressListener;
import java.util.SplittableRandom;

/**
 * Lloyd's k-means on rows held in one float array, the coarse quantiser of {@link IvfIndex}: the
 * distances of a block of rows to all centroids come from one GEMM ({@code ‖x − c‖² = ‖x‖² −
 * 2x·c + ‖c‖²}, the {@code ‖x‖²} dropped as it ranks nothing), each row goes to its nearest
 * centroid (the lowest index on a tie), and each centroid moves to the mean of its rows, summed
 * in double in row order. A list left empty takes half of the largest one (its centroid is split
 * in two, nudged apart along a seeded direction). The GEMM's results do not depend on its thread
 * count, so neither do the centroids.
 */
final class KMeans {
    /** Rows whose distances one GEMM computes. */
    static final int BLOCK = 512;
    /** How far a split centroid's halves are nudged apart, relative to its largest component. */
    private static final float SPLIT = 1e-3f;

    private final Blas blas;
    private final int dim;

    KMeans(Blas blas, int dim) {
        this.blas = blas;
        this.dim = dim;
    }

    /**
     * {@code lists} centroids of the {@code count} rows of {@code rows} (row-major, {@code dim}
     * floats each) after {@code iterations} Lloyd iterations, starting from {@code lists} distinct
     * rows drawn with {@code seed}.
     *
     * @throws InterruptedException if the thread is interrupted between two blocks
     */
    float[] train(float[] rows, int count, int lists, int iterations, long seed, ProgressListener progress)
            throws InterruptedException {
        if (lists < 1 || lists > count) {
            throw new IllegalArgumentException("k-means needs 1 to " + count + " centroids, got " + lists);
        }
        int[] order = new int[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < lists; i++) {
            int j = i + random.nextInt(count - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        float[] centroids = new float[lists * dim];
        for (int c = 0; c < lists; c++) {
            System.arraycopy(rows, order[c] * dim, centroids, c * dim, dim);
        }
        int[] assigned = new int[count];
        float[] scratch = new float[BLOCK * lists];
        progress.start("k-means on " + count + " rows, " + lists + " lists", iterations, "iterations");
        try {
            for (int it = 0; it < iterations; it++) {
                float[] norms = squaredNorms(centroids, lists);
                for (int from = 0; from < count; from += BLOCK) {
                    if (Thread.interrupted()) {
                        throw new InterruptedException("interrupted while clustering");
                    }
                    int n = Math.min(BLOCK, count - from);
                    assign(rows, from * dim, n, centroids, norms, lists, assigned, from, scratch);
                }
                update(rows, count, assigned, centroids, lists, random);
                progress.advance(1);
            }
        } finally {
            progress.finish();
        }
        return centroids;
    }

    /** The squared norm of each of the {@code lists} centroids. */
    float[] squaredNorms(float[] centroids, int lists) {
        float[] norms = new float[lists];
        for (int c = 0; c < lists; c++) {
            double s = 0;
            for (int k = 0; k < dim; k++) {
                float v = centroids[c * dim + k];
                s += v * v;
            }
            norms[c] = (float) s;
        }
        return norms;
    }

    /**
     * Writes into {@code out[outAt + i]} the nearest centroid of each of the {@code n} rows of
     * {@code rows} from float {@code rowsAt}; {@code scratch} holds at least {@code n · lists}.
     */
    void assign(
            float[] rows,
            int rowsAt,
            int n,
            float[] centroids,
            float[] norms,
            int lists,
            int[] out,
            int outAt,
            float[] scratch) {
        blas.gemm(false, true, n, lists, dim, 1f, rows, rowsAt, dim, centroids, 0, dim, 0f, scratch, 0, lists);
        for (int i = 0; i < n; i++) {
            int base = i * lists;
            int best = 0;
            float bestD = norms[0] - 2 * scratch[base];
            for (int c = 1; c < lists; c++) {
                float d = norms[c] - 2 * scratch[base + c];
                if (d < bestD) {
                    bestD = d;
                    best = c;
                }
            }
            out[outAt + i] = best;
        }
    }

    private void update(
            float[] rows, int count, int[] assigned, float[] centroids, int lists, SplittableRandom random) {
        double[] sums = new double[lists * dim];
        int[] sizes = new int[lists];
        for (int i = 0; i < count; i++) {
            int c = assigned[i];
            sizes[c]++;
            int at = c * dim;
            int r = i * dim;
            for (int k = 0; k < dim; k++) {
                sums[at + k] += rows[r + k];
            }
        }
        for (int c = 0; c < lists; c++) {
            if (sizes[c] > 0) {
                for (int k = 0; k < dim; k++) {
                    centroids[c * dim + k] = (float) (sums[c * dim + k] / sizes[c]);
                }
            }
        }
        for (int c = 0; c < lists; c++) {
            if (sizes[c] == 0) {
                split(c, centroids, sizes, lists, random);
            }
        }
    }

    /** Moves the empty centroid {@code empty} next to the largest one, each taking half its rows. */
    private void split(int empty, float[] centroids, int[] sizes, int lists, SplittableRandom random) {
        int largest = 0;
        for (int c = 1; c < lists; c++) {
            if (sizes[c] > sizes[largest]) {
                largest = c;
            }
        }
        float max = 0;
        for (int k = 0; k < dim; k++) {
            max = Math.max(max, Math.abs(centroids[largest * dim + k]));
        }
        float step = SPLIT * Math.max(max, Float.MIN_NORMAL);
        for (int k = 0; k < dim; k++) {
            float v = centroids[largest * dim + k];
            float d = random.nextBoolean() ? step : -step;
            centroids[empty * dim + k] = v + d;
            centroids[largest * dim + k] = v - d;
        }
        sizes[empty] = sizes[largest] / 2;
        sizes[largest] -= sizes[empty];
    }
}
