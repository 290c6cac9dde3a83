package dev.seqlab.bench.embeddings;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seqlab.embeddings.Neighbor;
import dev.seqlab.embeddings.WordVectors;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Warm exact most-similar queries on a seqlab vectors file, as {@code bench/python/gensim_scale.py
 * warm} times them for gensim: the median latency of {@code mostSimilar(w, 10)} over the words
 * {@code w(i·7919 mod N)}, i < 50, after {@link WordVectors#prepareQueries()} and 30 warm-up queries
 * on other words; the answers (words and cosines) for comparison with gensim's; then the queries per
 * second of 1, 2, … {@code maxThreads} threads querying the one instance for {@code seconds} each
 * (every answer checked against the single-threaded one). Prints one JSON document.
 *
 * <p>Usage: {@code WarmQueries FILE.seqlab [maxThreads] [seconds]}
 */
public final class WarmQueries {
    private static final int QUERIES = 50;

    public static void main(String[] args) throws Exception {
        WordVectors wv = WordVectors.load(Path.of(args[0]));
        int maxThreads = args.length > 1
                ? Integer.parseInt(args[1])
                : Runtime.getRuntime().availableProcessors();
        double seconds = args.length > 2 ? Double.parseDouble(args[2]) : 5;
        wv.prepareQueries();
        List<String> words = wv.words();
        for (int i = 0; i < 30; i++) {
            wv.mostSimilar(words.get(1000 + i), 10);
        }
        List<String> queries = new ArrayList<>();
        for (int i = 0; i < QUERIES; i++) {
            queries.add(words.get((int) ((long) i * 7919 % wv.size())));
        }
        double[] ms = new double[QUERIES];
        Map<String, List<List<Object>>> answers = new LinkedHashMap<>();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < QUERIES; i++) {
            long t0 = System.nanoTime();
            List<Neighbor> top = wv.mostSimilar(queries.get(i), 10);
            ms[i] = (System.nanoTime() - t0) / 1e6;
            List<List<Object>> pairs = new ArrayList<>();
            for (Neighbor n : top) {
                pairs.add(List.of(n.word(), n.score()));
            }
            answers.put(queries.get(i), pairs);
            expected.add(top.toString());
        }
        Arrays.sort(ms);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("peer", "seqlab");
        doc.put("words", wv.size());
        doc.put("most_similar_median_ms", ms[QUERIES / 2]);
        Map<String, Object> throughput = new LinkedHashMap<>();
        for (int t = 1; t <= maxThreads; t *= 2) {
            throughput.put(String.valueOf(t), queriesPerSecond(wv, queries, expected, t, seconds));
        }
        doc.put("queries_per_second_by_threads", throughput);
        doc.put("answers", answers);
        System.out.println(new ObjectMapper().writeValueAsString(doc));
    }

    /** Queries per second of {@code threads} threads for {@code seconds}; fails on any answer that differs. */
    private static double queriesPerSecond(
            WordVectors wv, List<String> queries, List<String> expected, int threads, double seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long t0 = System.nanoTime();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t * 13;
                futures.add(pool.submit(() -> {
                    for (int i = offset; System.nanoTime() < end; i++) {
                        int q = i % queries.size();
                        String got = wv.mostSimilar(queries.get(q), 10).toString();
                        if (!got.equals(expected.get(q))) {
                            throw new IllegalStateException("wrong answer for " + queries.get(q) + ": " + got);
                        }
                        done.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return done.get() / ((System.nanoTime() - t0) / 1e9);
    }

    private WarmQueries() {}
}
