package dev.seqlab.embeddings.ann;

import dev.seqlab.core.progress.ProgressListener;
import dev.seqlab.embeddings.io.SeqlabIndexSections;
import dev.seqlab.embeddings.store.StoredVectors;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * An HNSW index over the rows of a seqlab vectors file, read in place from the file's index
 * section: approximate nearest neighbours by cosine similarity. Opening reads the section's header
 * only; searches read the graph and the rows from the mapping. Thread-safe: each thread searches
 * with its own scratch state.
 *
 * <pre>{@code
 * HnswIndex.build(Path.of("vectors.seqlab"), HnswOptions.defaults(), ProgressListener.NONE);
 * // then, through WordVectors: wv.approximate().mostSimilar("king", 10)
 * }</pre>
 */
public final class HnswIndex implements ApproximateIndex {
    /**
     * The default beam width of a query. Recall at a given beam depends on the data (clustered
     * vectors, like trained embeddings, are easy; i.i.d. Gaussian rows are the hard case): measure
     * it with {@code seqlab embeddings index --evaluate}.
     */
    public static final int DEFAULT_EF = 64;

    private final MappedGraph graph;
    private final UnitRows rows;
    private final ThreadLocal<LayerSearch> searches;

    private HnswIndex(MappedGraph graph, UnitRows rows) {
        this.graph = graph;
        this.rows = rows;
        this.searches = ThreadLocal.withInitial(() -> new LayerSearch(graph.size(), 2 * graph.layout().m));
    }

    /**
     * The index of mapped vectors whose index section is an HNSW graph (see
     * {@link ApproximateIndex#of}), or null when their file has none.
     *
     * @throws CorruptIndexException if the index section is damaged or was built for other vectors
     */
    public static HnswIndex of(StoredVectors vectors) {
        if (vectors.approximateIndex() == null || vectors.matrix() == null || vectors.norms() == null) {
            return null;
        }
        int n = vectors.rows().rows();
        int dim = vectors.rows().dim();
        MappedGraph g = MappedGraph.open(vectors.approximateIndex(), n, dim);
        return new HnswIndex(g, new UnitRows(vectors.matrix(), vectors.norms(), n, dim).withCodes(g.codes()));
    }

    /**
     * Builds the index of the vectors mapped from the seqlab file {@code file} and stores it in the
     * file (replacing an index it had), atomically: the file is rewritten beside itself and renamed
     * over the original, which is left as it was if anything fails or the thread is interrupted.
     *
     * @param vectors the vectors as mapped from {@code file}
     * @throws IllegalArgumentException if {@code vectors} are not mapped from a seqlab file
     * @throws InterruptedException     if the thread is interrupted while building
     */
    public static BuildReport build(Path file, StoredVectors vectors, HnswOptions options, ProgressListener progress)
            throws IOException, InterruptedException {
        UnitRows floats = UnitRows.toIndex(file, vectors);
        int n = floats.rows();
        int dim = floats.dim();
        long start = System.nanoTime();
        RowCodes codes = RowCodes.quantize(floats, options.threads());
        HeapGraph g = HnswBuilder.build(floats.withCodes(codes), options, progress);
        long built = System.nanoTime();
        HnswLayout layout = HnswLayout.of(g, dim, options);
        progress.start("Writing " + file.getFileName(), -1, "bytes");
        try {
            SeqlabIndexSections.writeHnsw(file, layout.length, out -> layout.write(g, codes, out));
        } finally {
            progress.finish();
        }
        return new BuildReport(
                n, options, (built - start) / 1e9, (System.nanoTime() - built) / 1e9, layout.length, g.maxLevel);
    }

    /**
     * What building took.
     *
     * @param rows         the rows indexed
     * @param options      the options built with
     * @param buildSeconds the graph construction
     * @param writeSeconds writing the file (copying the vectors and appending the index)
     * @param indexBytes   the size of the index section
     * @param levels       the top level of the graph
     */
    public record BuildReport(
            int rows, HnswOptions options, double buildSeconds, double writeSeconds, long indexBytes, int levels) {}

    @Override
    public String method() {
        return "hnsw";
    }

    @Override
    public int defaultEffort() {
        return DEFAULT_EF;
    }

    @Override
    public int size() {
        return graph.size();
    }

    @Override
    public int dimension() {
        return rows.dim();
    }

    /** Links per node above level 0 (twice as many on level 0). */
    public int m() {
        return graph.layout().m;
    }

    /** The construction beam width the index was built with. */
    public int efConstruction() {
        return graph.layout().efConstruction;
    }

    /** The level seed the index was built with. */
    public long seed() {
        return graph.layout().seed;
    }

    @Override
    public void unitRow(int row, float[] dst) {
        rows.unit(row, dst);
    }

    /** The name of the distance kernel in use: "vector" (SIMD) or "plain". */
    public static String kernel() {
        return DotKernels.KERNEL.name();
    }

    /**
     * The about {@code k} rows closest (by cosine) to the unit vector {@code query}, best first:
     * at most {@code k}, none in {@code exclude}, none at or beyond {@code limit}. The beam is
     * {@code ef} (at least k plus the exclusions) and is widened when filtering leaves too few.
     * The graph is searched with the int8 codes (index layout 2), and the {@code ef} rows found are
     * ranked by their exact cosines, which are the scores returned.
     *
     * @return the rows found, best first; their scores go into {@code scores} (at least {@code k} long)
     */
    @Override
    public int[] search(float[] query, int k, int ef, int[] exclude, int limit, float[] scores) {
        if (query.length != rows.dim()) {
            throw new IllegalArgumentException(
                    "the query has " + query.length + " dimensions, the index " + rows.dim());
        }
        if (k < 1 || ef < 1) {
            throw new IllegalArgumentException("k and ef must be at least 1, got " + k + " and " + ef);
        }
        int wanted = Math.min(k, Math.max(0, Math.min(limit, size()) - exclude.length));
        LayerSearch s = searches.get();
        int beam = Math.max(ef, k + exclude.length);
        while (true) {
            s.search(graph, rows, query, beam);
            if (rows.codes() != null) {
                s.rescore(rows, query);
            }
            int[] found = collect(s.results, k, exclude, limit, scores);
            if (found.length >= wanted || beam >= size()) {
                return found;
            }
            beam = (int) Math.min(size(), 2L * beam);
        }
    }

    private static int[] collect(ScoreHeap results, int k, int[] exclude, int limit, float[] scores) {
        int n = results.size();
        int[] nodes = new int[n];
        float[] s = new float[n];
        for (int i = n - 1; i >= 0; i--) {
            s[i] = results.topScore();
            nodes[i] = results.topNode();
            results.pop();
        }
        int[] out = new int[Math.min(k, n)];
        int c = 0;
        for (int i = 0; i < n && c < out.length; i++) {
            if (nodes[i] < limit && !contains(exclude, nodes[i])) {
                scores[c] = s[i];
                out[c++] = nodes[i];
            }
        }
        return Arrays.copyOf(out, c);
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
