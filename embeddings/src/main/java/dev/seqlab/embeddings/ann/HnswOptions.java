package dev.seqlab.embeddings.ann;

import dev.seqlab.core.options.Withers;

/**
 * How an HNSW index is built.
 *
 * @param m              links per node on the levels above 0 (twice as many on level 0); more
 *                       links give higher recall at a given beam, a larger index and a slower build
 * @param efConstruction the beam width of the searches that find each node's links
 * @param seed           draws each node's level; the index is the same for the same seed, options
 *                       and vectors, whatever the number of threads
 * @param threads        threads building (at least 1)
 */
public record HnswOptions(int m, int efConstruction, long seed, int threads) {

    /** The most links per node a file may declare. */
    static final int MAX_M = 256;

    /** 16 links, beam 100, seed 42, as many threads as processors. */
    public static HnswOptions defaults() {
        return new HnswOptions(16, 100, 42, Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    /** Validates the options. */
    public HnswOptions {
        if (m < 2 || m > MAX_M) {
            throw new IllegalArgumentException("m must be in [2, " + MAX_M + "], got " + m);
        }
        if (efConstruction < 1) {
            throw new IllegalArgumentException("efConstruction must be at least 1, got " + efConstruction);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
    }

    /** These options with {@code m} links per node (2m on level 0). */
    public HnswOptions withM(int m) {
        return Withers.with(this, "m", m);
    }

    /** These options with construction beam {@code efConstruction}. */
    public HnswOptions withEfConstruction(int efConstruction) {
        return Withers.with(this, "efConstruction", efConstruction);
    }

    /** These options with level seed {@code seed}. */
    public HnswOptions withSeed(long seed) {
        return Withers.with(this, "seed", seed);
    }

    /** These options building on {@code threads} threads. */
    public HnswOptions withThreads(int threads) {
        return Withers.with(this, "threads", threads);
    }

    /** Links per node on level 0. */
    int m0() {
        return 2 * m;
    }
}
