package dev.seqlab.embeddings.ann;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Measures an index against exact search: for vocabulary words as queries (each excluded from its
 * own answer, as in most-similar), the share of the exact top k that the approximate top k finds
 * (recall@k), and the single-thread latency and throughput of the approximate queries, for each
 * search effort asked (beam width of an HNSW search, most lists probed by an inverted file). Every beam width is run twice over the queries, the first time untimed, so the
 * figures are of warm queries.
 */
public final class RecallEvaluation {

    private RecallEvaluation() {}

    /**
     * The figures for one beam width.
     *
     * @param ef        the beam width
     * @param recall    mean recall@k over the queries
     * @param p50Micros median latency of one query, microseconds
     * @param p99Micros 99th percentile latency, microseconds
     * @param qps       queries per second on one thread
     */
    public record Row(int ef, double recall, double p50Micros, double p99Micros, double qps) {}

    /**
     * The result of an evaluation.
     *
     * @param queries the number of query words
     * @param k       the neighbours compared per query
     * @param kernel  the distance kernel ("vector" or "plain")
     * @param rows    one row per beam width, in the order asked
     */
    public record Report(int queries, int k, String kernel, List<Row> rows) {}

    /**
     * {@code count} distinct rows of {@code [0, size)} drawn with {@code seed} (all rows, in order,
     * when there are at most {@code count}).
     */
    public static int[] queryRows(int size, int count, long seed) {
        if (size <= count) {
            int[] all = new int[size];
            Arrays.setAll(all, i -> i);
            return all;
        }
        SplittableRandom random = new SplittableRandom(seed);
        int[] out = random.ints(0, size).distinct().limit(count).toArray();
        Arrays.sort(out);
        return out;
    }

    /**
     * Evaluates {@code index} on the query rows {@code queries}, given the exact top {@code k} of
     * each ({@code exact[i]}, the query itself excluded).
     *
     * @param efs the beam widths to measure
     */
    public static Report run(ApproximateIndex index, int[] queries, int[][] exact, int k, int[] efs) {
        if (queries.length != exact.length || queries.length == 0) {
            throw new IllegalArgumentException(
                    queries.length + " queries with " + exact.length + " exact answers; need at least one");
        }
        float[][] vectors = new float[queries.length][];
        for (int i = 0; i < queries.length; i++) {
            vectors[i] = new float[index.dimension()];
            index.unitRow(queries[i], vectors[i]);
        }
        List<Row> rows = new ArrayList<>();
        float[] scores = new float[k];
        for (int ef : efs) {
            double recall = 0;
            for (int i = 0; i < queries.length; i++) {
                int[] found = index.search(vectors[i], k, ef, new int[] {queries[i]}, index.size(), scores);
                recall += overlap(found, exact[i]) / (double) Math.max(1, Math.min(k, exact[i].length));
            }
            long[] nanos = new long[queries.length];
            long total = 0;
            for (int i = 0; i < queries.length; i++) {
                long t0 = System.nanoTime();
                index.search(vectors[i], k, ef, new int[] {queries[i]}, index.size(), scores);
                nanos[i] = System.nanoTime() - t0;
                total += nanos[i];
            }
            Arrays.sort(nanos);
            rows.add(new Row(
                    ef,
                    recall / queries.length,
                    nanos[nanos.length / 2] / 1e3,
                    nanos[Math.min(nanos.length - 1, (int) Math.ceil(0.99 * nanos.length) - 1)] / 1e3,
                    queries.length / (total / 1e9)));
        }
        return new Report(queries.length, k, HnswIndex.kernel(), rows);
    }

    private static int overlap(int[] found, int[] exact) {
        int c = 0;
        for (int f : found) {
            for (int e : exact) {
                if (f == e) {
                    c++;
                    break;
                }
            }
        }
        return c;
    }
}
