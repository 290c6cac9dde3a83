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
 * any order of summation, with or without fused multiply-adds), and the divisions and the bound's own
 * additions round by a few u more. So the cosine ± slack brackets the exact score, and {@link
 * BatchedNearest} keeps and rescores candidates exactly as it does for the int8 bounds.
 */
final class FloatBatchScan {
    /** The smallest batch screened by matrix products; smaller ones take the int8 pass. */
    static final int MIN_QUERIES = Integer.getInteger("seqlab.search.gemmMinQueries", 8);

    /** Rows per product: their floats (200 KB at dim 100) stay in the core's cache for all queries. */
    static final int CHUNK_ROWS = Integer.getInteger("seqlab.search.gemmChunkRows", 512);

    private static final Blas SERIAL = Kernels.blas(1);
    private static final double UNIT_ROUNDOFF = 0x1p-24;

    /** Per thread: a chunk's rows, their products with the queries, and their norms. */
    private static final ThreadLocal<float[][]> BUFFERS = ThreadLocal.withInitial(() -> new float[3][0]);

    private FloatBatchScan() {}

    /**
     * The most a product's cosine can differ from the exact score for a query of norm {@code qNorm}
     * and rows of length {@code dim}: 2γ<sub>d</sub>·|q| for the two dots, widened by 1% for the
     * stored norm's own rounding, plus 8u·|q| for the divisions and the bounds' additions.
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
        float[] packed = new float[count * dim];
        float[] slack = new float[count];
        for (int j = 0; j < count; j++) {
            BatchedNearest.Query query = queries[j];
            n = Math.max(n, query.limit());
            float[] q = query.unitQuery();
            System.arraycopy(q, 0, packed, j * dim, dim);
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
        BatchedNearest.Candidates[] found = new BatchedNearest.Candidates[count];
        for (int j = 0; j < count; j++) {
            found[j] = new BatchedNearest.Candidates(queries[j].k() + queries[j].exclude().length);
        }
        for (int base = from; base < to; base += CHUNK_ROWS) {
            int len = Math.min(CHUNK_ROWS, to - base);
            index.copyRows(base, len, rows);
            for (int r = 0; r < len; r++) {
                norms[r] = index.norm(base + r);
            }
            // products[j][r] = query j · row r
            SERIAL.gemm(false, true, count, len, dim, 1f, packed, 0, dim, rows, 0, dim, 0f, products, 0, len);
            for (int j = 0; j < count; j++) {
                int stop = Math.min(len, queries[j].limit() - base);
                BatchedNearest.Candidates c = found[j];
                float s = slack[j];
                float low = c.lower.threshold();
                int off = j * len;
                for (int r = 0; r < stop; r++) {
                    float cos = products[off + r] / norms[r];
                    float up = cos + s;
                    if (up >= low) { // false for zero rows (NaN)
                        c.add(base + r, up);
                        float lo = cos - s;
                        if (lo >= low) {
                            c.lower.offer(lo, base + r);
                            low = c.lower.threshold();
                        }
                    }
                }
            }
        }
        return found;
    }
}
