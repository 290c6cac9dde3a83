package dev.seqlab.bench.explorer;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seqlab.core.progress.ProgressListener;
import dev.seqlab.embeddings.WordVectors;
import dev.seqlab.explorer.ExplorerOptions;
import dev.seqlab.explorer.api.ExplorerApi;
import dev.seqlab.explorer.api.Params;
import dev.seqlab.explorer.server.ExplorerServer;
import dev.seqlab.explorer.tsne.BarnesHutTsne;
import dev.seqlab.explorer.tsne.ClusteredPoints;
import dev.seqlab.explorer.tsne.NeighbourPreservation;
import dev.seqlab.explorer.tsne.TsneOptions;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The explorer's measurements, one JSON line each:
 *
 * <ul>
 *   <li>{@code latency FILE}: 2000 {@code /api/similar?word=W&top=10} requests one after another on
 *       loopback (words spread over the vocabulary), after 200 warm-up ones; p50/p95/p99 in ms,
 *       client-measured, so they include the HTTP round trip the server-side time sits inside;</li>
 *   <li>{@code tsne [N]}: Barnes–Hut t-SNE of N (10,000) clustered points in 50 dimensions with the
 *       default settings; seconds, and the fraction of 10-NN kept;</li>
 *   <li>{@code load FILE [CLIENTS] [SECONDS]}: CLIENTS (50) threads, each on its own keep-alive
 *       connection, sending {@code similar} and {@code analogy} requests back to back for SECONDS
 *       (30); requests, errors, p50/p99 ms, and the heap in use after a GC at the start, each 10 s
 *       and the end.</li>
 * </ul>
 *
 * <p>The requests are real HTTP/1.1 over loopback, sent by {@link KeepAliveClient} rather than the
 * JDK's {@code HttpClient}, whose own CPU (about 1 ms a request) would otherwise be most of what
 * the load test measures on a two-core machine.
 *
 * <p>Run under the bench lock: {@code flock /work/wt/bench.lock java -cp bench/target/benchmarks.jar
 * dev.seqlab.bench.explorer.ExplorerBench latency /work/data/v400k.seqlab}
 */
public final class ExplorerBench {

    private static final String HOST = "127.0.0.1";

    private ExplorerBench() {}

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "latency" -> latency(Path.of(args[1]));
            case "tsne" -> tsne(args.length > 1 ? Integer.parseInt(args[1]) : 10_000);
            case "load" -> load(
                    Path.of(args[1]),
                    args.length > 2 ? Integer.parseInt(args[2]) : 50,
                    args.length > 3 ? Integer.parseInt(args[3]) : 30);
            default -> throw new IllegalArgumentException("latency FILE | tsne [N] | load FILE [CLIENTS] [SECONDS]");
        }
        System.exit(0);
    }

    private static void latency(Path file) throws Exception {
        WordVectors wv = WordVectors.load(file);
        try (ExplorerServer server = ExplorerServer.start(
                        wv, null, ExplorerOptions.defaults().withPort(0));
                KeepAliveClient client = new KeepAliveClient(HOST, server.port())) {
            int step = Math.max(1, wv.size() / 2200);
            for (int i = 0; i < 200; i++) {
                get(client, "similar?word=" + enc(wv.word(i * step + 1)) + "&top=10");
            }
            double[] ms = new double[2000];
            for (int i = 0; i < ms.length; i++) {
                String q = "similar?word=" + enc(wv.word((i + 200) * step)) + "&top=10";
                long t0 = System.nanoTime();
                get(client, q);
                ms[i] = (System.nanoTime() - t0) / 1e6;
            }
            Arrays.sort(ms);
            // server-side: the same requests' work inside the server (parse, answer, JSON), without the round trip
            ExplorerApi api = new ExplorerApi(wv, null, ExplorerOptions.defaults());
            ObjectMapper json = new ObjectMapper();
            double[] inside = new double[ms.length];
            for (int i = 0; i < inside.length; i++) {
                String q = "word=" + enc(wv.word((i + 200) * step)) + "&top=10";
                long t0 = System.nanoTime();
                json.writeValueAsString(api.answer("similar", Params.parse(q, api.options())));
                inside[i] = (System.nanoTime() - t0) / 1e6;
            }
            Arrays.sort(inside);
            System.out.printf(
                    Locale.ROOT,
                    "{\"bench\":\"explorer-similar-latency\",\"words\":%d,\"dim\":%d,\"requests\":%d,"
                            + "\"loopback_p50_ms\":%.2f,\"loopback_p95_ms\":%.2f,\"loopback_p99_ms\":%.2f,"
                            + "\"server_p50_ms\":%.2f,\"server_p95_ms\":%.2f,\"server_p99_ms\":%.2f,\"loadavg\":\"%s\"}%n",
                    wv.size(),
                    wv.dimension(),
                    ms.length,
                    pct(ms, 50),
                    pct(ms, 95),
                    pct(ms, 99),
                    pct(inside, 50),
                    pct(inside, 95),
                    pct(inside, 99),
                    loadAverage());
        }
    }

    private static void tsne(int n) {
        ClusteredPoints data = ClusteredPoints.make(n, 50, 20, 1);
        long t0 = System.nanoTime();
        double[] xy = BarnesHutTsne.embed(data.x(), n, data.dim(), TsneOptions.defaults(), ProgressListener.NONE);
        double seconds = (System.nanoTime() - t0) / 1e9;
        double kept = NeighbourPreservation.fraction(data.x(), n, data.dim(), xy, 10);
        System.out.printf(
                Locale.ROOT,
                "{\"bench\":\"explorer-tsne\",\"points\":%d,\"dim\":%d,\"threads\":%d,\"seconds\":%.2f,"
                        + "\"knn10_preserved\":%.3f}%n",
                n,
                data.dim(),
                TsneOptions.defaults().threads(),
                seconds,
                kept,
                loadAverage());
    }

    private static void load(Path file, int clients, int seconds) throws Exception {
        WordVectors wv = WordVectors.load(file);
        try (ExplorerServer server =
                ExplorerServer.start(wv, null, ExplorerOptions.defaults().withPort(0))) {
            List<Long> heap = new ArrayList<>();
            heap.add(usedAfterGc());
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            AtomicLong errors = new AtomicLong();
            List<double[]> perClient = new ArrayList<>();
            List<Thread> threads = new ArrayList<>();
            int vocab = Math.min(wv.size(), 20_000);
            for (int c = 0; c < clients; c++) {
                double[][] slot = {new double[1 << 16]};
                int[] count = {0};
                Random r = new Random(c);
                Thread t = new Thread(() -> {
                    KeepAliveClient client = null;
                    while (System.nanoTime() < end) {
                        String q = r.nextBoolean()
                                ? "similar?word=" + enc(wv.word(r.nextInt(vocab))) + "&top=10"
                                : "analogy?a=" + enc(wv.word(r.nextInt(vocab))) + "&b=" + enc(wv.word(r.nextInt(vocab)))
                                        + "&c=" + enc(wv.word(r.nextInt(vocab))) + "&top=5";
                        long t0 = System.nanoTime();
                        try {
                            if (client == null) {
                                client = new KeepAliveClient(HOST, server.port());
                            }
                            if (get(client, q) != 200) {
                                errors.incrementAndGet();
                            }
                        } catch (IOException | RuntimeException e) {
                            errors.incrementAndGet();
                            client = closeQuietly(client);
                        }
                        if (count[0] == slot[0].length) {
                            slot[0] = Arrays.copyOf(slot[0], count[0] * 2);
                        }
                        slot[0][count[0]++] = (System.nanoTime() - t0) / 1e6;
                    }
                    closeQuietly(client);
                    synchronized (perClient) {
                        perClient.add(Arrays.copyOf(slot[0], count[0]));
                    }
                });
                t.start();
                threads.add(t);
            }
            for (int s = 10; s < seconds; s += 10) {
                Thread.sleep(10_000);
                heap.add(usedAfterGc());
            }
            for (Thread t : threads) {
                t.join();
            }
            heap.add(usedAfterGc());
            double[] all = perClient.stream().flatMapToDouble(Arrays::stream).toArray();
            Arrays.sort(all);
            System.out.printf(
                    Locale.ROOT,
                    "{\"bench\":\"explorer-load\",\"clients\":%d,\"seconds\":%d,\"requests\":%d,\"errors\":%d,"
                            + "\"rps\":%.0f,\"p50_ms\":%.2f,\"p99_ms\":%.2f,\"max_ms\":%.2f,\"heap_mb\":%s,\"loadavg\":\"%s\"}%n",
                    clients,
                    seconds,
                    all.length,
                    errors.get(),
                    all.length / (double) seconds,
                    pct(all, 50),
                    pct(all, 99),
                    all[all.length - 1],
                    heap.stream().map(b -> Long.toString(b >> 20)).toList(),
                    loadAverage());
        }
    }

    private static int get(KeepAliveClient client, String query) throws IOException {
        return client.get("/api/" + query);
    }

    /** Closes {@code client} if there is one, ignoring failures; returns null. */
    private static KeepAliveClient closeQuietly(KeepAliveClient client) {
        if (client != null) {
            try {
                client.close();
            } catch (IOException e) {
                // already broken
            }
        }
        return null;
    }

    private static String enc(String w) {
        return URLEncoder.encode(w, StandardCharsets.UTF_8);
    }

    private static double pct(double[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100 * sorted.length) - 1)];
    }

    /** The 1-minute load average (the machine is shared: figures mean little when it is far above 2). */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    private static long usedAfterGc() {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
