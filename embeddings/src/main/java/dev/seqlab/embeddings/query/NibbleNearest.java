package dev.seqlab.embeddings.query;

import dev.seqlab.core.kernel.Int4BlockDots;

/**
 * Exact nearest-neighbour search with a first pass over the 4-bit copy of the rows
 * ({@link NibbleRows}), for matrices of millions of rows, where a pass over the int8 copy is bound
 * by memory bandwidth: the 4-bit pass reads half as much.
 *
 * <ol>
 *   <li>Every row gets an upper bound of its cosine from its 4-bit codes ({@link
 *       Int4BlockDots#bounds}), kept in a per-query array; each thread also keeps the rows with
 *       the {@link #seeds} best bounds of its share.
 *   <li>Those rows are scored exactly: the {@code (k + excluded)}-th best of their scores is a lower
 *       bound of the k-th best score of the answer. The 4-bit bounds are too wide (about ±0.13 at
 *       300 dimensions) for a threshold taken from the bounds themselves to exclude much; exact
 *       scores of the likely winners give a threshold at the answer's own level at once.
 *   <li>The rows whose bound reaches that threshold (a few hundred, typically, of millions) are
 *       scored exactly, best bound first, until no bound left can reach the k-th best score
 *       ({@link BatchedNearest#rescore}).
 * </ol>
 *
 * A row left unscored cannot be among the k best, and the exact scores are the floats the
 * one-pass search computes, so the answer is exactly that search's: the same rows, order and
 * scores.
 */
final class NibbleNearest {
    /** Blocks bounded per call of the kernel (1,024 rows). */
    private static final int CHUNK_BLOCKS = 16;

    private static final int B = Int4BlockDots.BLOCK;

    /** From this many candidates on, every one is scored, on every thread ({@link #scoreAll}). */
    static final int SCORE_ALL_MIN = 4096;

    /** Per thread: the rows of a chunk at a threshold. */
    private static final ThreadLocal<int[]> HITS = ThreadLocal.withInitial(() -> new int[CHUNK_BLOCKS * B]);

    private NibbleNearest() {}

    /** The rows scored first to set the threshold: twice those the answer needs, and some more. */
    static int seeds(int k, int excluded) {
        return 2 * (k + excluded) + 16;
    }

    /**
     * Upper bounds of the cosines (as {@link SimilarityIndex#exactScore} computes them) of the rows of
     * the blocks {@code [fromBlock, toBlock)} with the query of weights {@code w} and norm {@code qNorm}
     * ({@code rounding} from {@link NibbleRows#rounding}), into
     * {@code upper} at the rows' indices; NaN for zero rows and the rows padding the last block.
     */
    static void bounds(
            NibbleRows nibbles,
            Int4BlockDots kernel,
            Int4BlockDots.Weights w,
            float qNorm,
            float rounding,
            int fromBlock,
            int toBlock,
            float[] upper) {
        kernel.bounds(
                nibbles.codes,
                nibbles.dim,
                fromBlock,
                toBlock,
                w,
                nibbles.scales,
                nibbles.errors,
                qNorm,
                rounding,
                upper);
    }

    /**
     * The {@code k} rows among the first {@code limit} with the highest cosine to the unit vector
     * {@code q}, skipping the rows in {@code exclude}.
     *
     * @param upper scratch of at least one float per row of {@code nibbles}' whole blocks
     */
    static TopK search(
            SimilarityIndex index,
            NibbleRows nibbles,
            Int4BlockDots kernel,
            float[] q,
            int limit,
            int k,
            int[] exclude,
            float[] upper) {
        int dim = nibbles.dim;
        float qNorm = BatchedNearest.norm(q);
        Int4BlockDots.Weights w = Int4BlockDots.Weights.of(q, dim);
        float rounding = NibbleRows.rounding(dim, qNorm, w);
        int blocks = (limit + B - 1) / B;
        int parts = Math.max(1, Math.min(QueryThreads.THREADS, blocks / CHUNK_BLOCKS));
        int seeds = seeds(k, exclude.length);
        // each thread's share of the blocks, the same in both passes: [cut[t], cut[t + 1])
        int[] cut = new int[parts + 1];
        for (int t = 0; t <= parts; t++) {
            cut[t] = (int) ((long) blocks * t / parts);
        }
        TopK[] best = new TopK[parts];
        Runnable[] tasks = new Runnable[parts];
        for (int t = 0; t < parts; t++) {
            int fromBlock = cut[t];
            int toBlock = cut[t + 1];
            int part = t;
            tasks[t] = () -> {
                TopK top = new TopK(seeds);
                int[] hits = HITS.get();
                for (int cb = fromBlock; cb < toBlock; cb += CHUNK_BLOCKS) {
                    int ce = Math.min(toBlock, cb + CHUNK_BLOCKS);
                    bounds(nibbles, kernel, w, qNorm, rounding, cb, ce, upper);
                    int n = kernel.atLeast(upper, cb * B, Math.min(ce * B, limit), top.threshold(), hits);
                    for (int h = 0; h < n; h++) {
                        top.offer(upper[hits[h]], hits[h]);
                    }
                }
                best[part] = top;
            };
        }
        QueryThreads.runAll(tasks);

        BatchedNearest.Candidates seeded = new BatchedNearest.Candidates(k + exclude.length);
        for (TopK top : best) {
            for (int row : top.indices()) {
                // exact scores are lower bounds too: the (k + excluded)-th best is one of the answer's k-th best
                seeded.lower.offer(index.exactScore(q, row), row);
            }
        }
        float threshold = seeded.lower.threshold();

        BatchedNearest.Candidates[] found = new BatchedNearest.Candidates[parts + 1];
        found[parts] = seeded;
        for (int t = 0; t < parts; t++) {
            int from = cut[t] * B;
            int to = Math.min(limit, cut[t + 1] * B);
            BatchedNearest.Candidates c = new BatchedNearest.Candidates(1);
            found[t] = c;
            tasks[t] = () -> {
                int[] hits = HITS.get();
                for (int r = from; r < to; r += CHUNK_BLOCKS * B) {
                    int n = kernel.atLeast(upper, r, Math.min(to, r + CHUNK_BLOCKS * B), threshold, hits);
                    for (int h = 0; h < n; h++) {
                        c.add(hits[h], upper[hits[h]]);
                    }
                }
            };
        }
        QueryThreads.runAll(tasks);
        int total = 0;
        for (int t = 0; t < parts; t++) {
            total += found[t].size;
        }
        if (parts > 1 && total >= SCORE_ALL_MIN) {
            return scoreAll(index, q, k, exclude, found, parts);
        }
        return BatchedNearest.rescore(index, new BatchedNearest.Query(q, limit, k, exclude), found);
    }

    /**
     * Scores every candidate exactly, each thread its own share in row order, and merges the
     * threads' best k. For a query inside a dense cluster (tens of thousands of rows within the
     * 4-bit error of the answer's level) best-bound-first scoring cannot stop early anyway, and
     * this takes the rows on every thread, in the order they lie in memory.
     */
    private static TopK scoreAll(
            SimilarityIndex index, float[] q, int k, int[] exclude, BatchedNearest.Candidates[] found, int parts) {
        TopK[] best = new TopK[parts];
        Runnable[] tasks = new Runnable[parts];
        for (int t = 0; t < parts; t++) {
            BatchedNearest.Candidates c = found[t];
            int part = t;
            tasks[t] = () -> {
                TopK top = new TopK(k);
                for (int i = 0; i < c.size; i++) {
                    int row = c.rows[i];
                    if (c.upper[i] >= top.threshold() && !BatchedNearest.contains(exclude, row)) {
                        top.offer(index.exactScore(q, row), row);
                    }
                }
                best[part] = top;
            };
        }
        QueryThreads.runAll(tasks);
        TopK all = best[0];
        for (int t = 1; t < parts; t++) {
            all.addAll(best[t]);
        }
        return all;
    }
}
