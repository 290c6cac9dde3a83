package dev.seqlab.embeddings.io;

import dev.seqlab.core.options.Withers;

/**
 * How to load a word-vector file.
 *
 * @param limit     keep only the first {@code limit} words of the file (0 keeps all); in files
 *                  sorted by frequency these are the most frequent words
 * @param lowercase lower-case every word (Locale.ROOT); when two words then coincide, the first
 *                  one in the file is kept, as for duplicate words in the file itself
 * @param threads   threads parsing a text file (at least 1)
 * @param allowNonFinite keep vectors with NaN or infinite components (with a warning) instead of
 *                  refusing the file; off by default, since every cosine with such a row is NaN
 */
public record LoadOptions(int limit, boolean lowercase, int threads, boolean allowNonFinite) {

    /** All words, as written, parsed on as many threads as there are processors (at most 8). */
    public static final LoadOptions DEFAULT = new LoadOptions(
            0, false, Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors())), false);

    /** {@link #DEFAULT}: all words, as written, on up to 8 threads. */
    public static LoadOptions defaults() {
        return DEFAULT;
    }

    /** Validates the options. */
    public LoadOptions {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be 0 (all words) or positive, got " + limit);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
    }

    /** These options keeping only the first {@code limit} words (0 = all). */
    public LoadOptions withLimit(int limit) {
        return Withers.with(this, "limit", limit);
    }

    /** These options with lower-casing switched on or off. */
    public LoadOptions withLowercase(boolean lowercase) {
        return Withers.with(this, "lowercase", lowercase);
    }

    /** These options keeping (true) or refusing (false, the default) NaN and infinite components. */
    public LoadOptions withAllowNonFinite(boolean allowNonFinite) {
        return Withers.with(this, "allowNonFinite", allowNonFinite);
    }

    /** These options parsing on {@code threads} threads. */
    public LoadOptions withThreads(int threads) {
        return Withers.with(this, "threads", threads);
    }
}
