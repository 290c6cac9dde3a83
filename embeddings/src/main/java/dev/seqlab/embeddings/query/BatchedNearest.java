package dev.seqlab.embeddings.query;

import dev.seqlab.core.kernel.Int8BlockDots;
import java.util.Arrays;

/**
 * Exact nearest-neighbour search of several queries in one pass over the int8 copy of the rows:
 * each chunk of blocks is read once and its dot products with every query computed together (a
 * small matrix product, {@link Int8BlockDots#dots(byte[], int, int, int, float[][], int,
 * float[][])}), so a batch of B queries costs about one query's memory traffic instead of B.
 *
 * <p>Each query keeps, per thread, its {@code k + excluded} best <em>lower</em> bounds of the
 * cosine, whose worst is a lower bound of the k-th best exact score, and every row whose upper
 * bound reaches that running threshold as a candidate. The candidates are then scored exactly
 * ({@link SimilarityIndex#exactScore}), best upper bound first, until no remaining bound can reach
 * the k-th best score. A row left unscored cannot be among the k best, so every query gets exactly
 * the rows, order and scores of the single-query search.
 */
final class BatchedNearest {
    /** Rows bounded per chunk: their codes (up to ~300 KB at dim 300) stay in the core's cache for all queries. */
    static final int CHUNK_BLOCKS = 64;

    private static final int B = Int8BlockDots.BLOCK;

    /** Per thread: the chunk's approximations, one row of floats per query, and the rows' errors. */
    private static final ThreadLocal<float[][]> APPROX = ThreadLocal.withInitial(() -> new float[0][]);

    private static final ThreadLocal<float[]> ERRORS = ThreadLocal.withInitial(() -> new float[CHUNK_BLOCKS * B]);

    /** Per thread: the rows of a chunk that pass a query's screen. */
    private static final ThreadLocal<int[]> REACHED = ThreadLocal.withInitial(() -> new int[CHUNK_BLOCKS * B]);

    private BatchedNearest() {}

    /** One query of a batch: a unit vector, the rows searched ({@code [0, limit)}), k and the rows skipped. */
    record Query(float[] unitQuery, int limit, int k, int[] exclude) {}

    /** The candidates one screen found for one query: its lower bounds' best and the rows that may beat them. */
    static final class Candidates {
        final TopK lower;
        int[] rows = new int[16];
        float[] upper = new float[16];
        int size;

        /** Candidates of a query of {@code k} rows and exclusions together. */
        Candidates(int k) {
            this.lower = new TopK(k);
        }

        void add(int row, float up) {
            if (size == rows.length) {
                rows = Arrays.copyOf(rows, size * 2);
                upper = Arrays.copyOf(upper, size * 2);
            }
            rows[size] = row;
            upper[size++] = up;
        }
    }

    /** The answers of {@code queries}, in order, screened by int8 bounds over {@code quantized} with {@code kernel}. */
    static TopK[] search(SimilarityIndex index, QuantizedRows quantized, Int8BlockDots kernel, Query[] queries) {
        int count = queries.length;
        int n = 0;
        float[][] q = new float[count][];
        float[] qNorm = new float[count];
        float[] rounding = new float[count];
        for (int j = 0; j < count; j++) {
            Query query = queries[j];
            n = Math.max(n, query.limit());
            q[j] = query.unitQuery();
            qNorm[j] = norm(q[j]);
            rounding[j] = quantized.rounding(qNorm[j]);
        }
        int blocks = (n + B - 1) / B;
        int parts = Math.max(1, Math.min(QueryThreads.THREADS, blocks / 64));
        Candidates[][] partial = new Candidates[parts][count];
        Runnable[] tasks = new Runnable[parts];
        for (int t = 0; t < parts; t++) {
            int fromBlock = (int) ((long) blocks * t / parts);
            int toBlock = (int) ((long) blocks * (t + 1) / parts);
            Candidates[] found = partial[t];
            for (int j = 0; j < count; j++) {
                found[j] = new Candidates(queries[j].k() + queries[j].exclude().length);
            }
            tasks[t] = () -> {
                for (int cb = fromBlock; cb < toBlock; cb += CHUNK_BLOCKS) {
                    int ce = Math.min(toBlock, cb + CHUNK_BLOCKS);
                    screen(quantized, kernel, queries, q, qNorm, rounding, count, found, cb, ce);
                }
            };
        }
        QueryThreads.runAll(tasks);
        TopK[] out = new TopK[count];
        Candidates[] perPart = new Candidates[parts];
        for (int j = 0; j < count; j++) {
            for (int t = 0; t < parts; t++) {
                perPart[t] = partial[t][j];
            }
            out[j] = rescore(index, queries[j], perPart);
        }
        return out;
    }

    /** The Euclidean norm of {@code q}, summed in double. */
    static float norm(float[] q) {
        double s = 0;
        for (float x : q) {
            s += (double) x * x;
        }
        return (float) Math.sqrt(s);
    }

    /**
     * Screens the rows of the blocks {@code [cb, ce)} (at most {@value #CHUNK_BLOCKS} blocks) for
     * the first {@code count} queries at once: each query's rows whose upper bound reaches its
     * running threshold are added to its candidates {@code found[j]}, which the calling thread
     * alone may update. The chunks of a query's rows may be screened in any order and split over
     * any number of {@link Candidates}: each keeps a valid threshold of its own.
     *
     * @param q the queries' unit vectors, {@code qNorm} their norms, {@code rounding} {@link QuantizedRows#rounding} of those
     */
    static void screen(
            QuantizedRows quantized,
            Int8BlockDots kernel,
            Query[] queries,
            float[][] q,
            float[] qNorm,
            float[] rounding,
            int count,
            Candidates[] found,
            int cb,
            int ce) {
        float[][] approx = APPROX.get();
        if (approx.length < count) {
            approx = new float[count][CHUNK_BLOCKS * B];
            APPROX.set(approx);
        }
        float[] errors = ERRORS.get();
        int[] reached = REACHED.get();
        quantized.approximations(kernel, q, count, cb, ce, approx, errors);
        int base = cb * B;
        for (int j = 0; j < count; j++) {
            int stop = Math.min(ce * B, queries[j].limit());
            Candidates c = found[j];
            float[] a = approx[j];
            float qn = qNorm[j];
            float round = rounding[j];
            float low = c.lower.threshold();
            // screened at the chunk's threshold; the threshold only rises, so rows screened
            // out could not have become candidates below
            int hits = stop > base ? kernel.reaching(a, errors, stop - base, qn, round, low, reached) : 0;
            for (int h = 0; h < hits; h++) {
                int r = reached[h];
                float slack = qn * errors[r] + round;
                float up = a[r] + slack;
                if (up >= low) { // false for zero rows (NaN)
                    c.add(base + r, up);
                    float lo = a[r] - slack;
                    if (lo >= low) {
                        c.lower.offer(lo, base + r);
                        low = c.lower.threshold();
                    }
                }
            }
        }
    }

    /**
     * A query's answer from its candidates, found by any number of screens over disjoint rows
     * that together covered all of its rows (null entries are skipped): scored exactly while
     * their bounds can still reach the top k.
     */
    static TopK rescore(SimilarityIndex index, Query query, Candidates[] parts) {
        TopK lower = new TopK(query.k() + query.exclude().length);
        int total = 0;
        for (Candidates c : parts) {
            if (c != null) {
                lower.addAll(c.lower);
                total += c.size;
            }
        }
        float low = lower.threshold();
        // (upper bound, row) as sortable longs, ascending: the best bounds are at the end
        long[] keys = new long[total];
        int m = 0;
        for (Candidates c : parts) {
            if (c == null) {
                continue;
            }
            for (int i = 0; i < c.size; i++) {
                if (c.upper[i] >= low) {
                    keys[m++] = (long) sortable(c.upper[i]) << 32 | (c.rows[i] & 0xffffffffL);
                }
            }
        }
        Arrays.sort(keys, 0, m);
        TopK top = new TopK(query.k());
        int[] exclude = query.exclude();
        for (int i = m - 1; i >= 0; i--) {
            int row = (int) keys[i];
            float up = unsortable((int) (keys[i] >>> 32));
            if (up < top.threshold()) {
                break;
            }
            if (!contains(exclude, row)) {
                top.offer(index.exactScore(query.unitQuery(), row), row);
            }
        }
        return top;
    }

    /** An int whose signed order is the float order of {@code f} (not NaN). */
    private static int sortable(float f) {
        int bits = Float.floatToIntBits(f);
        return bits ^ ((bits >> 31) & 0x7fffffff);
    }

    private static float unsortable(int s) {
        return Float.intBitsToFloat(s ^ ((s >> 31) & 0x7fffffff));
    }

    /** Whether {@code a} holds {@code v}. */
    static boolean contains(int[] a, int v) {
        for (int x : a) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }
}
