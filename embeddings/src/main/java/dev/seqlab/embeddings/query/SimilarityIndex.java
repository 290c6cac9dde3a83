package dev.seqlab.embeddings.query;

import dev.seqlab.core.kernel.Blas;
import dev.seqlab.core.kernel.Kernels;

/**
 * Cosine similarity of query vectors against every row of a row-major float matrix, as gensim
 * computes it: {@code dot(row, q) / norm(row)} for a unit query {@code q}. The row norms are
 * computed once (in double); the matrix itself is not copied or normalised, so queries need no
 * second matrix in memory. Rows whose vector is all zeros have no direction: their score is NaN
 * and they are never returned, as in gensim.
 *
 * <p>The dot products of a query are one {@link Blas#gemv} per thread over a contiguous block of
 * rows; each thread then selects its best rows with a {@link TopK} heap, and the heaps are merged.
 */
public final class SimilarityIndex {
    /** Below this many matrix elements a query stays on the calling thread. */
    private static final long PARALLEL_MIN = 1L << 20;

    private final float[] matrix;
    private final int rows;
    private final int dim;
    private final float[] norms;

    private SimilarityIndex(float[] matrix, int rows, int dim, float[] norms) {
        this.matrix = matrix;
        this.rows = rows;
        this.dim = dim;
        this.norms = norms;
    }

    /** An index over the first {@code rows} rows of {@code matrix} (not copied; must not change). */
    public static SimilarityIndex of(float[] matrix, int rows, int dim) {
        float[] norms = new float[rows];
        for (int i = 0; i < rows; i++) {
            double s = 0;
            int o = i * dim;
            for (int k = 0; k < dim; k++) {
                double v = matrix[o + k];
                s += v * v;
            }
            norms[i] = (float) Math.sqrt(s);
        }
        return new SimilarityIndex(matrix, rows, dim, norms);
    }

    /** The number of rows. */
    public int rows() {
        return rows;
    }

    /** The Euclidean norm of row {@code i}. */
    public float norm(int i) {
        return norms[i];
    }

    /** Row {@code i} divided by its norm (gensim's {@code get_vector(norm=True)}), into {@code dst}. */
    public void unitRow(int i, float[] dst) {
        float n = norms[i];
        int o = i * dim;
        for (int k = 0; k < dim; k++) {
            dst[k] = matrix[o + k] / n;
        }
    }

    /** Scales {@code v} to unit length in place (left as is when it is all zeros); returns it. */
    public static float[] normalize(float[] v) {
        double s = 0;
        for (float x : v) {
            s += (double) x * x;
        }
        if (s > 0) {
            float n = (float) Math.sqrt(s);
            for (int k = 0; k < v.length; k++) {
                v[k] /= n;
            }
        }
        return v;
    }

    /**
     * The {@code k} rows among the first {@code limit} with the highest cosine to the unit
     * vector {@code unitQuery}, skipping the rows in {@code exclude}.
     */
    public TopK nearest(float[] unitQuery, int limit, int k, int[] exclude) {
        int n = Math.min(limit, rows);
        float[] y = new float[n];
        int parts = parts(n);
        TopK[] partial = new TopK[parts];
        Runnable[] tasks = new Runnable[parts];
        for (int t = 0; t < parts; t++) {
            int from = split(n, parts, t);
            int to = split(n, parts, t + 1);
            int part = t;
            tasks[t] = () -> {
                dots(unitQuery, from, to, y);
                TopK top = new TopK(k);
                for (int i = from; i < to; i++) {
                    float s = y[i] / norms[i];
                    if (s >= top.threshold() && !contains(exclude, i)) {
                        top.offer(s, i);
                    }
                }
                partial[part] = top;
            };
        }
        QueryThreads.runAll(tasks);
        TopK all = partial[0];
        for (int t = 1; t < parts; t++) {
            all.addAll(partial[t]);
        }
        return all;
    }

    /** Cosines of the vector {@code q} (not necessarily unit) scaled by |q|, i.e. {@code dot(row, q)/|row|}, for the first {@code limit} rows. */
    public float[] scaledCosines(float[] q, int limit) {
        int n = Math.min(limit, rows);
        float[] y = new float[n];
        int parts = parts(n);
        Runnable[] tasks = new Runnable[parts];
        for (int t = 0; t < parts; t++) {
            int from = split(n, parts, t);
            int to = split(n, parts, t + 1);
            tasks[t] = () -> {
                dots(q, from, to, y);
                for (int i = from; i < to; i++) {
                    y[i] /= norms[i];
                }
            };
        }
        QueryThreads.runAll(tasks);
        return y;
    }

    /**
     * 3CosMul (gensim's {@code most_similar_cosmul}): for each row, the product over the unit
     * vectors {@code positive} of (1 + cos)/2 divided by the product over {@code negative} of
     * (1 + cos)/2 plus 1e-6; the {@code k} best rows among the first {@code limit}, skipping
     * {@code exclude}.
     */
    public TopK cosMul(float[][] positive, float[][] negative, int limit, int k, int[] exclude) {
        int n = Math.min(limit, rows);
        float[][] pos = new float[positive.length][];
        float[][] neg = new float[negative.length][];
        for (int j = 0; j < positive.length; j++) {
            pos[j] = scaledCosines(positive[j], n);
        }
        for (int j = 0; j < negative.length; j++) {
            neg[j] = scaledCosines(negative[j], n);
        }
        TopK top = new TopK(k);
        for (int i = 0; i < n; i++) {
            float num = 1f;
            for (float[] c : pos) {
                num *= (1f + c[i]) / 2f;
            }
            float den = 1f;
            for (float[] c : neg) {
                den *= (1f + c[i]) / 2f;
            }
            float s = num / (den + 0.000001f);
            if (s >= top.threshold() && !contains(exclude, i)) {
                top.offer(s, i);
            }
        }
        return top;
    }

    /** y[from..to) = rows[from..to) · x, one GEMV over the contiguous block. */
    private void dots(float[] x, int from, int to, float[] y) {
        if (to > from) {
            Kernels.blas(1).gemv(false, to - from, dim, 1f, matrix, from * dim, dim, x, 0, 0f, y, from);
        }
    }

    private int parts(int n) {
        return (long) n * dim < PARALLEL_MIN ? 1 : Math.min(QueryThreads.THREADS, Math.max(1, n / 1024));
    }

    private static int split(int n, int parts, int t) {
        return (int) ((long) n * t / parts);
    }

    private static boolean contains(int[] a, int v) {
        for (int x : a) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }
}
