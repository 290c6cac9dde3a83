package dev.seqlab.embeddings.ann;

import dev.seqlab.core.kernel.Blas;
import dev.seqlab.core.kernel.Kernels;
import dev.seqlab.core.progress.ProgressListener;
import dev.seqlab.embeddings.io.SeqlabIndexSections;
import dev.seqlab.embeddings.store.StoredVectors;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Builds an {@link IvfIndex}: k-means on a seeded sample of the unit rows, every row assigned to
 * its nearest centroid by GEMM, lists over the bound split ({@link ListSplitter}), the rows grouped by list (a counting sort, rows ascending within a
 * list) and quantised, the section written into the file.
 */
final class IvfBuilder {

    private IvfBuilder() {}

    /** See {@link IvfIndex#build}. */
    static IvfIndex.BuildReport build(Path file, StoredVectors vectors, IvfOptions options, ProgressListener progress)
            throws IOException, InterruptedException {
        UnitRows floats = UnitRows.toIndex(file, vectors);
        int n = floats.rows();
        int dim = floats.dim();
        long start = System.nanoTime();
        int lists = n == 0 ? 0 : options.listsFor(n);
        float[] centroids = new float[0];
        int[] assigned = new int[n];
        Blas blas = Kernels.blas(options.threads());
        KMeans kmeans = new KMeans(blas, dim);
        if (n > 0) {
            int[] sample = sample(n, lists, dim, options);
            float[] x = new float[sample.length * dim];
            for (int i = 0; i < sample.length; i++) {
                floats.unit(sample[i], x, i * dim);
            }
            centroids = kmeans.train(x, sample.length, lists, options.iterations(), options.seed(), progress);
            assignAll(floats, kmeans, centroids, lists, assigned, progress);
            if (options.listBound() > 0) {
                int target = (int) ((n + (long) lists - 1) / lists);
                int bound = (int) Math.max(target, Math.ceil(options.listBound() * n / lists));
                ListSplitter splitter =
                        new ListSplitter(floats, kmeans, options.iterations(), options.samplePerList(), options.seed());
                centroids = splitter.split(centroids, lists, assigned, bound, target, progress);
                lists = splitter.lists();
            }
        }
        float[] norms = kmeans.squaredNorms(centroids, lists);
        int[] starts = new int[lists + 1];
        for (int a : assigned) {
            starts[a + 1]++;
        }
        for (int c = 0; c < lists; c++) {
            starts[c + 1] += starts[c];
        }
        int[] ids = new int[n];
        int[] fill = Arrays.copyOf(starts, lists);
        for (int r = 0; r < n; r++) {
            ids[fill[assigned[r]]++] = r;
        }
        RowCodes rowCodes = RowCodes.quantize(floats, options.threads());
        long built = System.nanoTime();
        IvfLayout layout = IvfLayout.of(n, dim, lists, options);
        progress.start("Writing " + file.getFileName(), -1, "bytes");
        try {
            float[] c = centroids;
            SeqlabIndexSections.writeApproximateIndex(
                    file, layout.length, out -> layout.write(c, norms, starts, ids, rowCodes, out));
        } finally {
            progress.finish();
        }
        int largest = 0;
        for (int c = 0; c < lists; c++) {
            largest = Math.max(largest, starts[c + 1] - starts[c]);
        }
        return new IvfIndex.BuildReport(
                n, lists, largest, options, (built - start) / 1e9, (System.nanoTime() - built) / 1e9, layout.length);
    }

    /** The rows k-means trains on: all of them, or {@code samplePerList · lists} drawn with the seed, ascending. */
    private static int[] sample(int n, int lists, int dim, IvfOptions options) {
        long wanted = Math.max(lists, Math.min((long) options.samplePerList() * lists, (Integer.MAX_VALUE - 64) / dim));
        if (wanted >= n) {
            int[] all = new int[n];
            Arrays.setAll(all, i -> i);
            return all;
        }
        int[] out = new SplittableRandom(options.seed())
                .ints(0, n)
                .distinct()
                .limit(wanted)
                .toArray();
        Arrays.sort(out);
        return out;
    }

    private static void assignAll(
            UnitRows floats, KMeans kmeans, float[] centroids, int lists, int[] assigned, ProgressListener progress)
            throws InterruptedException {
        int n = floats.rows();
        int dim = floats.dim();
        float[] norms = kmeans.squaredNorms(centroids, lists);
        float[] block = new float[KMeans.BLOCK * dim];
        float[] scratch = new float[KMeans.BLOCK * lists];
        progress.start("Assigning rows to " + lists + " lists", n, "rows");
        try {
            for (int from = 0; from < n; from += KMeans.BLOCK) {
                if (Thread.interrupted()) {
                    throw new InterruptedException("interrupted while assigning rows");
                }
                int count = Math.min(KMeans.BLOCK, n - from);
                for (int i = 0; i < count; i++) {
                    floats.unit(from + i, block, i * dim);
                }
                kmeans.assign(block, 0, count, centroids, norms, lists, assigned, from, scratch);
                progress.advance(count);
            }
        } finally {
            progress.finish();
        }
    }
}
