package dev.seqlab.embeddings.ann;

import dev.seqlab.core.progress.ProgressListener;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Bounds the lists of an {@link IvfIndex} after k-means has assigned every row. On skewed data
 * (many small clusters, fewer lists than clusters) k-means gathers the rows of the clusters left
 * without a centroid into a few huge lists, near the mean, that every query near them must scan,
 * and a cluster's rows are spread over several of them. So the rows of all the lists holding more
 * than {@code bound} rows are clustered again together, into {@code ⌈rows / mean⌉} lists (k-means
 * on a seeded sample of them, then each row to its nearest new centroid), which keeps a small
 * cluster's rows together; a list still over the bound is split the same way on its own rows, up
 * to {@value #DEPTH} rounds in all, and what is left over (rows k-means cannot tell apart) is cut
 * into consecutive runs of at most {@code bound} rows, each centred on its mean. The new lists take
 * the numbers of the lists they replace, then numbers after the existing ones; lists left empty
 * are dropped. So a search never scans more than {@code bound} rows per list probed. Seeded, and
 * run on GEMMs whose results do not depend on the thread count, so the bytes do not either.
 */
final class ListSplitter {
    /** Rounds of k-means splitting before the rows left over are cut into runs. */
    static final int DEPTH = 3;

    private final UnitRows rows;
    private final KMeans kmeans;
    private final int dim;
    private final int iterations;
    private final int samplePerList;
    private final long seed;

    private float[] centroids;
    private int lists;

    ListSplitter(UnitRows rows, KMeans kmeans, int iterations, int samplePerList, long seed) {
        this.rows = rows;
        this.kmeans = kmeans;
        this.dim = rows.dim();
        this.iterations = iterations;
        this.samplePerList = samplePerList;
        this.seed = seed;
    }

    /**
     * The centroids after splitting every list of more than {@code bound} rows ({@code lists × dim}
     * floats, row-major; {@code centroids} itself when nothing was split); {@code assigned} is
     * updated to the new lists.
     *
     * @param target the rows a part aims at (the mean list size)
     * @throws InterruptedException if the thread is interrupted while clustering
     */
    float[] split(float[] centroids, int lists, int[] assigned, int bound, int target, ProgressListener progress)
            throws InterruptedException {
        this.centroids = centroids;
        this.lists = lists;
        int[] sizes = new int[lists];
        for (int a : assigned) {
            sizes[a]++;
        }
        int oversized = 0;
        for (int s : sizes) {
            oversized += s > bound ? 1 : 0;
        }
        if (oversized == 0) {
            return centroids;
        }
        progress.start(
                "Clustering again the rows of " + oversized + " lists of more than " + bound + " rows", -1, "rows");
        try {
            int[] pool = pool(assigned, sizes, bound);
            int[] reuse = new int[oversized];
            for (int c = 0, i = 0; c < lists; c++) {
                if (sizes[c] > bound) {
                    reuse[i++] = c;
                }
            }
            split(reuse, pool, assigned, bound, target, 0);
        } finally {
            progress.finish();
        }
        return compact(assigned);
    }

    /** Drops the lists left empty (renumbering the others in order) and returns the centroids of the rest. */
    private float[] compact(int[] assigned) {
        int[] sizes = new int[lists];
        for (int a : assigned) {
            sizes[a]++;
        }
        int[] number = new int[lists];
        int kept = 0;
        for (int c = 0; c < lists; c++) {
            number[c] = kept;
            if (sizes[c] > 0) {
                System.arraycopy(centroids, c * dim, centroids, kept * dim, dim);
                kept++;
            }
        }
        for (int r = 0; r < assigned.length; r++) {
            assigned[r] = number[assigned[r]];
        }
        lists = kept;
        return Arrays.copyOf(centroids, kept * dim);
    }

    /** The number of lists after {@link #split}. */
    int lists() {
        return lists;
    }

    /** The rows of the lists over the bound, ascending. */
    private static int[] pool(int[] assigned, int[] sizes, int bound) {
        int count = 0;
        for (int s : sizes) {
            count += s > bound ? s : 0;
        }
        int[] out = new int[count];
        int i = 0;
        for (int r = 0; r < assigned.length; r++) {
            if (sizes[assigned[r]] > bound) {
                out[i++] = r;
            }
        }
        return out;
    }

    /**
     * Clusters the rows {@code ids} (ascending, more than {@code bound}) of the lists {@code reuse}
     * again, into parts that take those lists' numbers, then new ones.
     */
    private void split(int[] reuse, int[] ids, int[] assigned, int bound, int target, int depth)
            throws InterruptedException {
        int c = reuse[0];
        if (depth >= DEPTH) {
            cut(reuse, ids, assigned, bound);
            return;
        }
        int parts = (int) Math.min(ids.length, Math.max(2, ((long) ids.length + target - 1) / target));
        float[] x = sample(ids, parts, c, depth);
        int count = x.length / dim;
        float[] sub = kmeans.train(
                x, count, parts, iterations, seed ^ (0x9E3779B97F4A7C15L * (c + 1) + depth), ProgressListener.NONE);
        int[] to = assign(ids, sub, parts);
        int[] sizes = new int[parts];
        for (int p : to) {
            sizes[p]++;
        }
        if (Arrays.stream(sizes).max().orElse(0) == ids.length) {
            cut(reuse, ids, assigned, bound);
            return;
        }
        // part p becomes list number[p]: the non-empty parts take the numbers of reuse, then new ones
        int[] number = new int[parts];
        int reused = 0;
        for (int p = 0; p < parts; p++) {
            if (sizes[p] == 0) {
                number[p] = -1;
            } else if (reused < reuse.length) {
                number[p] = reuse[reused++];
            } else {
                number[p] = lists;
                ensure(lists + 1);
                lists++;
            }
            if (number[p] >= 0) {
                System.arraycopy(sub, p * dim, centroids, number[p] * dim, dim);
            }
        }
        int[][] byPart = new int[parts][];
        int[] fill = new int[parts];
        for (int p = 0; p < parts; p++) {
            byPart[p] = new int[sizes[p]];
        }
        for (int i = 0; i < ids.length; i++) {
            int p = to[i];
            byPart[p][fill[p]++] = ids[i];
            assigned[ids[i]] = number[p];
        }
        for (int p = 0; p < parts; p++) {
            if (sizes[p] > bound) {
                split(new int[] {number[p]}, byPart[p], assigned, bound, target, depth + 1);
            }
        }
    }

    /** The training rows of a split: all of {@code ids}, or {@code samplePerList · parts} of them drawn with the seed. */
    private float[] sample(int[] ids, int parts, int c, int depth) {
        long wanted = Math.max(parts, Math.min((long) samplePerList * parts, (Integer.MAX_VALUE - 64) / dim));
        int[] picked;
        if (wanted >= ids.length) {
            picked = ids;
        } else {
            picked = new SplittableRandom(seed + 31L * c + depth)
                    .ints(0, ids.length)
                    .distinct()
                    .limit(wanted)
                    .sorted()
                    .map(i -> ids[i])
                    .toArray();
        }
        float[] x = new float[picked.length * dim];
        for (int i = 0; i < picked.length; i++) {
            rows.unit(picked[i], x, i * dim);
        }
        return x;
    }

    /** The nearest of the {@code parts} centroids {@code sub} for each row of {@code ids}. */
    private int[] assign(int[] ids, float[] sub, int parts) {
        float[] norms = kmeans.squaredNorms(sub, parts);
        int[] out = new int[ids.length];
        float[] block = new float[KMeans.BLOCK * dim];
        float[] scratch = new float[KMeans.BLOCK * parts];
        for (int from = 0; from < ids.length; from += KMeans.BLOCK) {
            int count = Math.min(KMeans.BLOCK, ids.length - from);
            for (int i = 0; i < count; i++) {
                rows.unit(ids[from + i], block, i * dim);
            }
            kmeans.assign(block, 0, count, sub, norms, parts, out, from, scratch);
        }
        return out;
    }

    /**
     * Cuts the rows {@code ids} into consecutive runs of at most {@code bound}, each centred on its
     * mean, numbered as {@code reuse}, then new lists.
     */
    private void cut(int[] reuse, int[] ids, int[] assigned, int bound) {
        float[] u = new float[dim];
        for (int from = 0, run = 0; from < ids.length; from += bound, run++) {
            int to = Math.min(ids.length, from + bound);
            int list;
            if (run < reuse.length) {
                list = reuse[run];
            } else {
                ensure(lists + 1);
                list = lists++;
            }
            double[] sum = new double[dim];
            for (int i = from; i < to; i++) {
                rows.unit(ids[i], u);
                for (int k = 0; k < dim; k++) {
                    sum[k] += u[k];
                }
                assigned[ids[i]] = list;
            }
            for (int k = 0; k < dim; k++) {
                centroids[list * dim + k] = (float) (sum[k] / (to - from));
            }
        }
    }

    private void ensure(int count) {
        if ((long) count * dim > centroids.length) {
            centroids = Arrays.copyOf(centroids, (int)
                    Math.min(Integer.MAX_VALUE - 64, Math.max((long) count * dim, 2L * centroids.length)));
        }
    }
}
