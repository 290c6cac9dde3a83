package dev.seqlab.explorer;

import dev.seqlab.core.options.Checks;
import dev.seqlab.core.options.Withers;

/**
 * Where the explorer listens and what one request may ask for.
 *
 * @param bind           the address to listen on (loopback by default: a local tool)
 * @param port           the port; 0 picks a free one
 * @param threads        threads answering requests (64 by default: a request whose search is in
 *                       the shared scan over the vectors only waits, and every search in the scan
 *                       shares each read of the rows, so the more requests are in the server at
 *                       once, the less each costs; with fewer threads than concurrent clients, the
 *                       rest queue in front of the server instead)
 * @param maxQueryBytes  the longest query string accepted (longer: 414)
 * @param maxWordLength  the longest word accepted, in characters
 * @param maxListSize    the most words in one list (a typed map, doesn't-match, the bias view)
 * @param maxTop         the most neighbours one query may ask for
 * @param maxMapPoints   the most points in one map (PCA or t-SNE)
 * @param maxTsneJobs    t-SNE maps computed or queued at once (more: 503)
 */
public record ExplorerOptions(
        String bind,
        int port,
        int threads,
        int maxQueryBytes,
        int maxWordLength,
        int maxListSize,
        int maxTop,
        int maxMapPoints,
        int maxTsneJobs) {

    private static final ExplorerOptions DEFAULTS =
            new ExplorerOptions("127.0.0.1", 8080, 64, 32 * 1024, 100, 1000, 1000, 10_000, 4);

    /** Loopback, port 8080, 64 threads, 32 kB queries, words up to 100 characters, lists of 1000, maps of 10,000. */
    public static ExplorerOptions defaults() {
        return DEFAULTS;
    }

    /** Validates the options. */
    public ExplorerOptions {
        Checks.required("bind", bind, "an address such as 127.0.0.1");
        Checks.inRange("port", port, 0, 65535);
        Checks.atLeast("threads", threads, 1);
        Checks.atLeast("maxQueryBytes", maxQueryBytes, 64);
        Checks.atLeast("maxWordLength", maxWordLength, 1);
        Checks.atLeast("maxListSize", maxListSize, 2);
        Checks.atLeast("maxTop", maxTop, 1);
        Checks.atLeast("maxMapPoints", maxMapPoints, 2);
        Checks.atLeast("maxTsneJobs", maxTsneJobs, 1);
    }

    /** Listening on another address. */
    public ExplorerOptions withBind(String bind) {
        return Withers.with(this, "bind", bind);
    }

    /** Listening on another port (0 = any free one). */
    public ExplorerOptions withPort(int port) {
        return Withers.with(this, "port", port);
    }

    /** With another number of request threads. */
    public ExplorerOptions withThreads(int threads) {
        return Withers.with(this, "threads", threads);
    }

    /** With another query-string limit. */
    public ExplorerOptions withMaxQueryBytes(int maxQueryBytes) {
        return Withers.with(this, "maxQueryBytes", maxQueryBytes);
    }

    /** With another word-length limit. */
    public ExplorerOptions withMaxWordLength(int maxWordLength) {
        return Withers.with(this, "maxWordLength", maxWordLength);
    }

    /** With another list-size limit. */
    public ExplorerOptions withMaxListSize(int maxListSize) {
        return Withers.with(this, "maxListSize", maxListSize);
    }

    /** With another limit on neighbours per query. */
    public ExplorerOptions withMaxTop(int maxTop) {
        return Withers.with(this, "maxTop", maxTop);
    }

    /** With another limit on points per map. */
    public ExplorerOptions withMaxMapPoints(int maxMapPoints) {
        return Withers.with(this, "maxMapPoints", maxMapPoints);
    }

    /** With another limit on concurrent t-SNE maps. */
    public ExplorerOptions withMaxTsneJobs(int maxTsneJobs) {
        return Withers.with(this, "maxTsneJobs", maxTsneJobs);
    }
}
