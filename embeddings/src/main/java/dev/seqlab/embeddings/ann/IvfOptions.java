package dev.seqlab.embeddings.ann;

import dev.seqlab.core.options.Withers;

/**
 * How an inverted-file index is built and, by default, searched.
 *
 * @param lists         the number of lists (k-means centroids); 0 chooses
 *                      {@link #listsFor(int) 2·√rows}; splitting lists over the bound adds more
 * @param samplePerList rows of the k-means training sample per list (at most all rows)
 * @param iterations    k-means iterations over the sample
 * @param listBound     the most rows a list may hold, as a multiple of the mean list size
 *                      ({@code rows / lists}): a larger list is split into sub-lists with their
 *                      own centroids, so no probe scans more; 0 leaves the lists as k-means made them
 * @param margin        the probe rule stored in the index: a search probes every list whose
 *                      centroid's squared distance to the query is within {@code 1 + margin}
 *                      times the nearest one's, nearest first, up to the search effort
 * @param probes        the default search effort: the most lists a search probes
 * @param rerank        rows ranked by their exact float cosines after the int8 scan (at least 1;
 *                      a search with more exclusions or a larger k reranks more)
 * @param seed          draws the training sample and the initial centroids; the index is the
 *                      same for the same seed, options and vectors, whatever the number of threads
 * @param threads       threads building (at least 1)
 */
public record IvfOptions(
        int lists,
        int samplePerList,
        int iterations,
        float listBound,
        float margin,
        int probes,
        int rerank,
        long seed,
        int threads) {

    /** The most lists a file may declare. */
    static final int MAX_LISTS = 1 << 20;

    /**
     * Automatic list count, 32 sample rows a list, 10 iterations, lists bounded to four times the
     * mean, margin 0.1, 128 probes, rerank 40, seed 42.
     */
    public static IvfOptions defaults() {
        return new IvfOptions(
                0,
                32,
                10,
                4f,
                0.1f,
                128,
                40,
                42,
                Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    /** Validates the options. */
    public IvfOptions {
        if (lists < 0 || lists > MAX_LISTS) {
            throw new IllegalArgumentException("lists must be in [0, " + MAX_LISTS + "] (0: automatic), got " + lists);
        }
        if (samplePerList < 1) {
            throw new IllegalArgumentException("samplePerList must be at least 1, got " + samplePerList);
        }
        if (iterations < 0) {
            throw new IllegalArgumentException("iterations must be at least 0, got " + iterations);
        }
        if (!(listBound == 0 || listBound >= 1) || Float.isInfinite(listBound)) {
            throw new IllegalArgumentException(
                    "listBound must be 0 (unbounded) or a finite number at least 1, got " + listBound);
        }
        if (!(margin >= 0) || Float.isInfinite(margin)) {
            throw new IllegalArgumentException("margin must be a finite number at least 0, got " + margin);
        }
        if (probes < 1) {
            throw new IllegalArgumentException("probes must be at least 1, got " + probes);
        }
        if (rerank < 1) {
            throw new IllegalArgumentException("rerank must be at least 1, got " + rerank);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
    }

    /** These options with {@code lists} lists (0: automatic). */
    public IvfOptions withLists(int lists) {
        return Withers.with(this, "lists", lists);
    }

    /** These options training k-means on {@code samplePerList} rows per list. */
    public IvfOptions withSamplePerList(int samplePerList) {
        return Withers.with(this, "samplePerList", samplePerList);
    }

    /** These options with {@code iterations} k-means iterations. */
    public IvfOptions withIterations(int iterations) {
        return Withers.with(this, "iterations", iterations);
    }

    /** These options bounding a list to {@code listBound} times the mean list size (0: unbounded). */
    public IvfOptions withListBound(float listBound) {
        return Withers.with(this, "listBound", listBound);
    }

    /** These options with probe margin {@code margin}. */
    public IvfOptions withMargin(float margin) {
        return Withers.with(this, "margin", margin);
    }

    /** These options probing at most {@code probes} lists by default. */
    public IvfOptions withProbes(int probes) {
        return Withers.with(this, "probes", probes);
    }

    /** These options reranking {@code rerank} rows by their float cosines. */
    public IvfOptions withRerank(int rerank) {
        return Withers.with(this, "rerank", rerank);
    }

    /** These options with seed {@code seed}. */
    public IvfOptions withSeed(long seed) {
        return Withers.with(this, "seed", seed);
    }

    /** These options building on {@code threads} threads. */
    public IvfOptions withThreads(int threads) {
        return Withers.with(this, "threads", threads);
    }

    /** The lists built for {@code rows} rows: {@link #lists} if set, else 2·√rows, at least 1, at most rows. */
    public int listsFor(int rows) {
        int l = lists > 0 ? lists : (int) Math.round(2 * Math.sqrt(rows));
        return Math.max(1, Math.min(Math.max(1, rows), l));
    }
}
