package dev.seqlab.embeddings.query;

import dev.seqlab.core.kernel.Blas;
import dev.seqlab.core.kernel.Kernels;

/**
 * The first pass of a large batch of exact searches as float matrix products: each chunk of rows
 * is copied once and multiplied by all the queries together ({@link Blas#gemm}, rows × dim times
 * dim × queries), whose micro-kernel reuses every loaded row across the queries, so a batch costs
 * far less arithmetic per query than int8 dot products a few queries at a time.
 *
 * <p>A product's cosine differs from the exact score ({@link SimilarityIndex#exactScore}, a float
 * dot of the same row and query in another order, divided by the same norm) by at most
 * {@link #slack}: each float dot of length d is within γ<sub>d</sub>·Σ|x<sub>i</sub>q<sub>i</sub>|
 * ≤ γ<sub>d</sub>·|x|·|q| of the real one (γ<sub>d</sub> = d·u/(1 − d·u), u = 2<sup>−24</sup>, for
 * any order of summation, with or without fused multiply-adds), and the scalings by the norm and the
 * bound's own additions round by a few u more. So the cosine ± slack brackets the exact score, and {@link
 * BatchedNearest} keeps and rescores candidates exactly as it does for the int8 bounds.
 */
final class FloatBatchScan {
    /**
     * The smallest batch screened by matrix products; smaller ones take the int8 pass. Off unless
     * {@code -Dseqlab.search.gemmMinQueries=N} is given: at 400,000 × 100 on one thread (AVX-512,
     * 6×32 micro-kernel) the products and the screen cost about as much as the int8 pass from 24
     * queries on and a little less from 32 (1.9 against 2.1 ms a query), up to twice as much below
     * 16; but in the explorer's load test (50 clients, one locked run) screening batches of 32 or
     * more this way served 226 requests/s against 275 with the int8 pass alone.
     */
    static final int MIN_QUERIES = Integer.getInteger("seqlab.search.gemmMinQueries", Integer.MAX_VALUE);

    /** Rows per product: their floats (200 KB at dim 100) stay in the core's cache for all queries. */
    static final int CHUNK_ROWS = Integer.getInteger("seqlab.search.gemmChunkRows", 512);

    private static final Blas SERIAL = Kernels.blas(1);
    private static final double UNIT_ROUNDOFF = 0x1p-24;

    /** Per thread: a chunk's rows, their products with the queries, and their inverse norms. */
    private static final ThreadLocal<float[][]> BUFFERS = ThreadLocal.withInitial(() -> new float[3][0]);

    private FloatBatchScan() {}

    /**
     * The most a product's cosine can differ from the exact score for a query of norm {@code qNorm}
     * and rows of length {@code dim}: 2γ<sub>d</sub>·|q| for the two dots, widened by 1% for the
     * stored norm's own rounding, plus 8u·|q| for the exact score's division, the product's
     * multiplication by a rounded inverse norm (2u) and the bounds' additions.
     */
    static float slack(int dim, float qNorm) {
        double du = dim * UNIT_ROUNDOFF;
        double gamma = du / (1 - du);
        return (float) ((2.02 * gamma + 8 * UNIT_ROUNDOFF) * qNorm);
    }

    /** Each thread's candidates for every query, the rows split between the search threads. */
    static BatchedNearest.Candidates[][] scan(SimilarityIndex index, BatchedNearest.Query[] queries) {
        int count = queries.length;
        int dim = index.dim();
        int n = 0;
        float[] packed = new float[dim * count]; // the queries as columns, dim × count
        float[] slack = new float[count];
        for (int j = 0; j < count; j++) {
            BatchedNearest.Query query = queries[j];
            n = Math.max(n, query.limit());
            float[] q = query.unitQuery();
            for (int d = 0; d < dim; d++) {
                packed[d * count + j] = q[d];
            }
            double s = 0;
            for (float x : q) {
                s += (double) x * x;
            }
            slack[j] = slack(dim, (float) Math.sqrt(s));
        }
        int parts = Math.max(1, Math.min(QueryThreads.THREADS, n / (CHUNK_ROWS * 16)));
        BatchedNearest.Candidates[][] partial = new BatchedNearest.Candidates[parts][];
        Runnable[] tasks = new Runnable[parts];
        for (int t = 0; t < parts; t++) {
            int from = (int) ((long) n * t / parts);
            int to = (int) ((long) n * (t + 1) / parts);
            int part = t;
            tasks[t] = () -> partial[part] = scanRows(index, queries, packed, slack, from, to);
        }
        QueryThreads.runAll(tasks);
        return partial;
    }

    private static BatchedNearest.Candidates[] scanRows(
            SimilarityIndex index, BatchedNearest.Query[] queries, float[] packed, float[] slack, int from, int to) {
        int count = queries.length;
        int dim = index.dim();
        float[][] buffers = BUFFERS.get();
        if (buffers[0].length < CHUNK_ROWS * dim || buffers[1].length < CHUNK_ROWS * count) {
            buffers[0] = new float[CHUNK_ROWS * dim];
            buffers[1] = new float[CHUNK_ROWS * Math.max(count, 16)];
            buffers[2] = new float[CHUNK_ROWS];
        }
        float[] rows = buffers[0];
        float[] products = buffers[1];
        float[] norms = buffers[2];
        float[] low = new float[count];
        int[] limit = new int[count];
        BatchedNearest.Candidates[] found = new BatchedNearest.Candidates[count];
        for (int j = 0; j < count; j++) {
            limit[j] = queries[j].limit();
            found[j] = new BatchedNearest.Candidates(queries[j].k() + queries[j].exclude().length);
        }
        for (int base = from; base < to; base += CHUNK_ROWS) {
            int len = Math.min(CHUNK_ROWS, to - base);
            index.copyRows(base, len, rows);
            for (int r = 0; r < len; r++) {
                norms[r] = 1f / index.norm(base + r);
            }
            // products[r][j] = row r · query j: the rows are read in place by the micro-kernel
            SERIAL.gemm(false, false, len, count, dim, 1f, rows, 0, dim, packed, 0, count, 0f, products, 0, count);
            for (int j = 0; j < count; j++) {
                low[j] = found[j].lower.threshold();
            }
            for (int r = 0; r < len; r++) {
                int row = base + r;
                float inverse = norms[r];
                int off = r * count;
                for (int j = 0; j < count; j++) {
                    float cos = products[off + j] * inverse;
                    float up = cos + slack[j];
                    if (up >= low[j] && row < limit[j]) { // false for zero rows (NaN)
                        BatchedNearest.Candidates c = found[j];
                        c.add(row, up);
                        float lo = cos - slack[j];
                        if (lo >= low[j]) {
                            c.lower.offer(lo, row);
                            low[j] = c.lower.threshold();
                        }
                    }
                }
            }
        }
        return found;
    }
}
