package dev.seqlab.embeddings.ann;

import dev.seqlab.core.progress.ProgressListener;
import dev.seqlab.embeddings.store.MappedRegion;
import dev.seqlab.embeddings.store.StoredVectors;
import java.io.IOException;
import java.nio.file.Path;

/**
 * An inverted-file index over the rows of a seqlab vectors file (FAISS's IVF with int8 codes),
 * read in place from the file's index section ({@link IvfLayout}). Building clusters a seeded
 * sample of the unit rows by k-means into about 2·√rows lists, puts every row in the list of its
 * nearest centroid, splits the lists over {@link IvfOptions#listBound} times the mean
 * ({@link ListSplitter}), and stores the rows' int8 codes grouped by list (and the centroids' codes). A
 * search ranks the centroids by their distance to the query and probes, nearest first, every list within the index's margin
 * of the nearest ({@code d² ≤ (1 + margin)·d²min}), at most {@code effort} of them: a query deep
 * inside a cluster probes one or two lists, one between clusters several. Probing a list scores
 * its contiguous run of codes; the best {@code rerank} rows are then ranked by their exact float
 * cosines, which are the scores returned. Opening reads the header only. Thread-safe: each thread
 * searches with its own scratch state.
 *
 * <pre>{@code
 * IvfIndex.build(Path.of("vectors.seqlab"), vectors, IvfOptions.defaults(), ProgressListener.NONE);
 * // then, through WordVectors: wv.approximate().mostSimilar("king", 10)
 * }</pre>
 */
public final class IvfIndex implements ApproximateIndex {
    private final MappedRegion region;
    private final IvfLayout layout;
    private final UnitRows rows;
    private final RowCodes codes;
    private final RowCodes centroids;
    private final ThreadLocal<Scratch> scratch;

    private final float margin;
    /** Read on the first search; a race reads the same values twice. */
    private volatile float[] norms;

    private volatile int[] starts;

    private IvfIndex(MappedRegion region, IvfLayout layout, UnitRows rows, float margin) {
        this.region = region;
        this.layout = layout;
        this.margin = margin;
        this.rows = rows;
        this.codes = RowCodes.mapped(region, layout.codesAt, layout.dim);
        this.centroids = RowCodes.mapped(region, layout.centroidsAt, layout.dim);
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(layout.lists, codes.scanLength()));
    }

    /**
     * The centroids' squared norms, read from the section on the first search (a search reads
     * them all, and a heap copy spares each read the mapped segment's division).
     */
    private float[] centroidNorms() {
        float[] n = norms;
        if (n == null) {
            n = new float[layout.lists];
            for (int c = 0; c < n.length; c++) {
                n[c] = region.getFloat(layout.normsAt + 4L * c);
            }
            norms = n;
        }
        return n;
    }

    /** The list starts ({@code lists + 1}), read from the section on the first search. */
    private int[] listStarts() {
        int[] s = starts;
        if (s == null) {
            s = new int[layout.lists + 1];
            for (int c = 0; c < s.length; c++) {
                s[c] = region.getInt(layout.startsAt + 4L * c);
            }
            starts = s;
        }
        return s;
    }

    /**
     * The inverted-file index of mapped vectors whose index section is one (see
     * {@link ApproximateIndex#of}), or null when their file has no index.
     *
     * @throws CorruptIndexException if the section is damaged, not an inverted file, or was built for
     *                               other vectors
     */
    static IvfIndex of(StoredVectors vectors) {
        MappedRegion region = vectors.approximateIndex();
        if (region == null || vectors.matrix() == null || vectors.norms() == null) {
            return null;
        }
        int n = vectors.rows().rows();
        int dim = vectors.rows().dim();
        IvfLayout layout = open(region, n, dim);
        return new IvfIndex(region, layout, new UnitRows(vectors.matrix(), vectors.norms(), n, dim), layout.margin);
    }

    private static IvfLayout open(MappedRegion region, int rows, int dim) {
        if (region.length() < IvfLayout.HEADER_BYTES) {
            throw new CorruptIndexException("the section has " + region.length() + " bytes, less than its header");
        }
        if (region.getInt(0) != IvfLayout.MAGIC) {
            throw new CorruptIndexException("the section does not start with the IVF8 magic number");
        }
        int version = region.getInt(4);
        if (version != IvfLayout.VERSION) {
            throw new CorruptIndexException("inverted-file layout version " + version
                    + " is not supported (this seqlab reads " + IvfLayout.VERSION + ")");
        }
        int r = region.getInt(8);
        int d = region.getInt(12);
        if (r != rows || d != dim) {
            throw new CorruptIndexException(
                    "it was built for " + r + " rows × " + d + ", the vectors are " + rows + " × " + dim);
        }
        int lists = region.getInt(16);
        int probes = region.getInt(20);
        int rerank = region.getInt(24);
        float margin = Float.intBitsToFloat(region.getInt(28));
        long seed = region.getLong(32);
        int metric = region.getInt(40);
        int iterations = region.getInt(44);
        int samplePerList = region.getInt(48);
        if (lists < (rows > 0 ? 1 : 0)
                || lists > Math.min(rows, IvfOptions.MAX_LISTS)
                || probes < 1
                || rerank < 1
                || !(margin >= 0)
                || Float.isInfinite(margin)
                || metric != IvfLayout.COSINE) {
            throw new CorruptIndexException("a damaged header (" + lists + " lists, probes " + probes + ", rerank "
                    + rerank + ", margin " + margin + ", metric " + metric + ")");
        }
        IvfLayout layout = new IvfLayout(rows, dim, lists, probes, rerank, margin, seed, iterations, samplePerList);
        if (layout.length != region.length()) {
            throw new CorruptIndexException("the section has " + region.length() + " bytes, its header describes "
                    + layout.length + " (truncated or damaged)");
        }
        if (region.getInt(layout.startsAt) != 0 || region.getInt(layout.startsAt + 4L * lists) != rows) {
            throw new CorruptIndexException("its lists do not cover the " + rows + " rows");
        }
        return layout;
    }

    /**
     * Builds the inverted-file index of the vectors mapped from the seqlab file {@code file} and
     * stores it in the file (replacing an index it had), atomically: the file is rewritten beside
     * itself and renamed over the original, which is left as it was if anything fails or the
     * thread is interrupted. The same vectors, options and seed give the same bytes on any number
     * of threads.
     *
     * @param vectors the vectors as mapped from {@code file}
     * @throws IllegalArgumentException if {@code vectors} are not mapped from a seqlab file
     * @throws InterruptedException     if the thread is interrupted while building
     */
    public static BuildReport build(Path file, StoredVectors vectors, IvfOptions options, ProgressListener progress)
            throws IOException, InterruptedException {
        return IvfBuilder.build(file, vectors, options, progress);
    }

    /**
     * What building took.
     *
     * @param rows         the rows indexed
     * @param lists        the lists they were put in
     * @param largestList  the rows of the largest list
     * @param options      the options built with
     * @param buildSeconds clustering, assigning and quantising
     * @param writeSeconds writing the file (copying the vectors and appending the index)
     * @param indexBytes   the size of the index section
     */
    public record BuildReport(
            int rows,
            int lists,
            int largestList,
            IvfOptions options,
            double buildSeconds,
            double writeSeconds,
            long indexBytes) {}

    @Override
    public String method() {
        return "ivf";
    }

    @Override
    public int size() {
        return layout.rows;
    }

    @Override
    public int dimension() {
        return layout.dim;
    }

    @Override
    public int defaultEffort() {
        return layout.probes;
    }

    /** The number of lists. */
    public int lists() {
        return layout.lists;
    }

    /** The probe margin of the searches (the one stored in the index unless {@link #withMargin} changed it). */
    public float margin() {
        return margin;
    }

    /**
     * This index searched with probe margin {@code margin} instead of the stored one: a search
     * probes the lists whose centroid's squared distance is within {@code 1 + margin} times the
     * nearest one's (at most the effort).
     *
     * @throws IllegalArgumentException if {@code margin} is negative or not finite
     */
    public IvfIndex withMargin(float margin) {
        if (!(margin >= 0) || Float.isInfinite(margin)) {
            throw new IllegalArgumentException("margin must be a finite number at least 0, got " + margin);
        }
        return new IvfIndex(region, layout, rows, margin);
    }

    /** Rows reranked by their float cosines per search (at least). */
    public int rerank() {
        return layout.rerank;
    }

    /** The seed the index was built with. */
    public long seed() {
        return layout.seed;
    }

    @Override
    public void unitRow(int row, float[] dst) {
        rows.unit(row, dst);
    }

    @Override
    public int[] search(float[] query, int k, int effort, int[] exclude, int limit, float[] scores) {
        if (query.length != layout.dim) {
            throw new IllegalArgumentException(
                    "the query has " + query.length + " dimensions, the index " + layout.dim);
        }
        if (k < 1 || effort < 1) {
            throw new IllegalArgumentException("k and the effort must be at least 1, got " + k + " and " + effort);
        }
        int wanted = Math.min(k, Math.max(0, Math.min(limit, size()) - exclude.length));
        Scratch s = scratch.get();
        int probes = effort;
        float margin = this.margin;
        while (true) {
            int[] found = searchOnce(s, query, k, probes, margin, exclude, limit, scores);
            if (found.length >= wanted || probes >= layout.lists && margin == Float.POSITIVE_INFINITY) {
                return found;
            }
            // too few rows passed the filters: probe the nearest lists whatever their distance, twice as many
            probes = (int) Math.min(layout.lists, 2L * probes);
            margin = Float.POSITIVE_INFINITY;
        }
    }

    private int[] searchOnce(
            Scratch s, float[] q, int k, int probes, float margin, int[] exclude, int limit, float[] scores) {
        int lists = layout.lists;
        if (lists == 0) {
            return new int[0];
        }
        float qq = 0;
        for (float v : q) {
            qq += v * v;
        }
        float[] x = s.query;
        System.arraycopy(q, 0, x, 0, q.length);
        float[] norms = centroidNorms();
        int[] starts = listStarts();
        float best = Float.POSITIVE_INFINITY;
        centroids.scan(x, 0, lists, s.distances);
        for (int c = 0; c < lists; c++) {
            float d = qq + norms[c] - 2 * s.distances[c];
            // a damaged centroid (NaN) is never the nearest, and is probed only when every list is
            d = Float.isNaN(d) ? Float.POSITIVE_INFINITY : Math.max(0f, d);
            s.distances[c] = d;
            best = Math.min(best, d);
        }
        float threshold = margin == Float.POSITIVE_INFINITY ? margin : best * (1 + margin);
        ScoreHeap probe = s.probe;
        probe.clear();
        for (int c = 0; c < lists; c++) {
            float d = s.distances[c];
            if (d <= threshold) {
                if (probe.size() < probes) {
                    probe.push(-d, c);
                } else if (-d > probe.topScore() || -d == probe.topScore() && c < probe.topNode()) {
                    probe.pop();
                    probe.push(-d, c);
                }
            }
        }
        int rerank = Math.max(layout.rerank, k);
        ScoreHeap cand = s.candidates;
        cand.clear();
        while (!probe.isEmpty()) {
            int c = probe.topNode();
            probe.pop();
            long from = starts[c];
            long to = starts[c + 1];
            if (from < 0 || to < from || to > layout.rows) {
                throw new CorruptIndexException("list " + c + " claims positions [" + from + ", " + to + ")");
            }
            int count = (int) (to - from);
            if (s.approx.length < count) {
                s.approx = new float[Math.max(count, 2 * s.approx.length)];
            }
            codes.scan(x, (int) from, (int) to, s.approx);
            for (int i = 0; i < count; i++) {
                float score = s.approx[i];
                if (cand.size() >= rerank && score < cand.topScore()) {
                    continue;
                }
                long p = from + i;
                int id = region.getInt(layout.idsAt + 4L * p);
                if (id < 0 || id >= layout.rows) {
                    throw new CorruptIndexException("position " + p + " names row " + id);
                }
                if (id >= limit || contains(exclude, id)) {
                    continue;
                }
                if (cand.size() < rerank) {
                    cand.push(score, id);
                } else if (score > cand.topScore() || score == cand.topScore() && id < cand.topNode()) {
                    cand.pop();
                    cand.push(score, id);
                }
            }
        }
        int n = cand.size();
        int[] ids = new int[n];
        float[] exact = new float[n];
        for (int i = 0; i < n; i++) {
            ids[i] = cand.node(i);
            exact[i] = rows.exact(q, ids[i]);
        }
        ScoreHeap ranked = s.ranked;
        ranked.clear();
        for (int i = 0; i < n; i++) {
            if (ranked.size() < k) {
                ranked.push(exact[i], ids[i]);
            } else if (exact[i] > ranked.topScore() || exact[i] == ranked.topScore() && ids[i] < ranked.topNode()) {
                ranked.pop();
                ranked.push(exact[i], ids[i]);
            }
        }
        int[] out = new int[ranked.size()];
        for (int i = out.length - 1; i >= 0; i--) {
            scores[i] = ranked.topScore();
            out[i] = ranked.topNode();
            ranked.pop();
        }
        return out;
    }

    private static boolean contains(int[] a, int v) {
        for (int x : a) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }

    /** One thread's search state. */
    private static final class Scratch {
        final float[] distances;
        /** The lists to probe: the nearest on the bottom, the farthest kept on top. */
        final ScoreHeap probe = new ScoreHeap(64, false);
        /** The best rows by their codes, the worst on top. */
        final ScoreHeap candidates = new ScoreHeap(64, false);
        /** The approximate scores of the list being scanned. */
        float[] approx = new float[1024];
        /** The best rows by their exact cosines, the worst on top. */
        final ScoreHeap ranked = new ScoreHeap(16, false);

        /** The query, zero past its dimension up to the codes' scan length. */
        final float[] query;

        Scratch(int lists, int scanLength) {
            distances = new float[lists];
            query = new float[scanLength];
        }
    }
}
