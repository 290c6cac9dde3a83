package dev.seqlab.bench.embeddings;

import dev.seqlab.core.progress.ProgressListener;
import dev.seqlab.embeddings.Neighbor;
import dev.seqlab.embeddings.WordVectors;
import dev.seqlab.embeddings.ann.ApproximateIndex;
import dev.seqlab.embeddings.ann.HnswIndex;
import dev.seqlab.embeddings.ann.HnswOptions;
import dev.seqlab.embeddings.ann.IvfIndex;
import dev.seqlab.embeddings.ann.IvfOptions;
import dev.seqlab.embeddings.ann.RecallEvaluation;
import dev.seqlab.embeddings.io.LoadOptions;
import dev.seqlab.embeddings.io.VectorFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.ToDoubleFunction;
import org.apache.lucene.codecs.hnsw.DefaultFlatVectorScorer;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.KnnCollector;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TaskExecutor;
import org.apache.lucene.search.TopKnnCollector;
import org.apache.lucene.util.hnsw.HnswConcurrentMergeBuilder;
import org.apache.lucene.util.hnsw.HnswGraph;
import org.apache.lucene.util.hnsw.HnswGraphBuilder;
import org.apache.lucene.util.hnsw.HnswGraphSearcher;
import org.apache.lucene.util.hnsw.OnHeapHnswGraph;
import org.apache.lucene.util.hnsw.RandomAccessVectorValues;
import org.apache.lucene.util.hnsw.RandomVectorScorer;
import org.apache.lucene.util.hnsw.RandomVectorScorerSupplier;

/**
 * seqlab's HNSW index against Apache Lucene's ({@code org.apache.lucene.util.hnsw}, 9.12) on the
 * same unit vectors, the same 1,000 vocabulary queries (each excluded from its answer) and the same
 * M and construction beam: build time on the same number of threads, and for each search beam
 * recall@10 against exact search, p50/p99 latency and queries per second on one thread. Lucene
 * builds with {@code HnswConcurrentMergeBuilder} (its multi-threaded builder, what
 * {@code Lucene99HnswVectorsFormat} uses with {@code numMergeWorkers} and an executor) over the unit
 * vectors in the heap, scoring by {@code DOT_PRODUCT}; seqlab builds into a copy of the vectors file
 * and searches it memory-mapped. Prints build time, index size, the time to open the index and,
 * for each beam, recall@10 and the medians over {@code --rounds} rounds (the engines alternating)
 * of p50, p99 and queries per second, as rows of a table.
 *
 * <p>Usage: {@code AnnVersusLucene VECTORS.seqlab WORKDIR [--limit N] [--m 16] [--efc 100]
 * [--threads 2] [--efs 16,32,64,128] [--lucene-efs 16,32,64,128] [--queries 1000] [--rounds 3]
 * [--skip-lucene] [--skip-seqlab] [--reuse] [--lists L] [--list-bound 2] [--margins 0.1,0.2]}: {@code --limit} indexes the first N words only (a
 * prefix file written in WORKDIR), {@code --reuse} keeps an index already built in WORKDIR.
 *
 * <p>{@code --lucene-graph PATH} saves Lucene's graph once built ({@link LuceneGraphFile}), checks
 * that the reopened file answers every query exactly as the built graph, and measures the reopened
 * graph; when PATH already exists the graph is opened instead of built (it must come from the same
 * vectors file and {@code --limit}) and the build time reported is the one recorded at its build.
 * {@code --lucene-cap-seconds S} stops a build after S seconds with an extrapolated build time.
 */
public final class AnnVersusLucene {
    private static final int K = 10;

    private AnnVersusLucene() {}

    public static void main(String[] args) throws Exception {
        Path source = Path.of(args[0]);
        Path work = Path.of(args[1]);
        Map<String, String> opt = new HashMap<>();
        for (int i = 2; i < args.length; i++) {
            if (args[i].equals("--skip-lucene")
                    || args[i].equals("--skip-seqlab")
                    || args[i].equals("--reuse")
                    || args[i].equals("--progress")) {
                opt.put(args[i], "true");
            } else {
                opt.put(args[i], args[++i]);
            }
        }
        int limit = Integer.parseInt(opt.getOrDefault("--limit", "0"));
        int m = Integer.parseInt(opt.getOrDefault("--m", "16"));
        int efc = Integer.parseInt(opt.getOrDefault("--efc", "100"));
        int threads = Integer.parseInt(opt.getOrDefault("--threads", "2"));
        int queries = Integer.parseInt(opt.getOrDefault("--queries", "1000"));
        String method = opt.getOrDefault("--method", "ivf");
        ProgressListener progress = opt.containsKey("--progress") ? new LogProgress() : ProgressListener.NONE;
        int[] efs = ints(opt.getOrDefault("--efs", "16,32,64,128"));
        int[] luceneEfs = ints(opt.getOrDefault("--lucene-efs", opt.getOrDefault("--efs", "16,32,64,128")));

        Files.createDirectories(work);
        String name = source.getFileName().toString().replace(".seqlab", "");
        Path file = work.resolve(name + (limit > 0 ? "-" + limit : "") + ".ann.seqlab");
        if (!Files.exists(file)) {
            if (limit > 0) {
                WordVectors.load(source, LoadOptions.DEFAULT.withLimit(limit)).save(file, VectorFormat.SEQLAB);
            } else {
                Files.copy(source, file, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        WordVectors wv = WordVectors.load(file);
        int n = wv.size();
        System.out.printf(
                Locale.ROOT,
                "%s: %,d words × %d; M %d, construction beam %d, %d build threads; %d queries, recall@%d%n",
                file,
                n,
                wv.dimension(),
                m,
                efc,
                threads,
                queries,
                K);
        int[] rows = RecallEvaluation.queryRows(n, queries, 1);
        long t0 = System.nanoTime();
        int[][] exact = ExactTopK.of(wv, rows, K, threads, work.resolve(file.getFileName() + ".exact-" + queries));
        int agree = 0;
        for (int i = 0; i < Math.min(5, rows.length); i++) {
            List<Neighbor> top = wv.mostSimilar(new int[] {rows[i]}, new int[0], K, 0);
            agree += overlap(top.stream().mapToInt(x -> wv.indexOf(x.word())).toArray(), exact[i]);
        }
        System.out.printf(
                Locale.ROOT,
                "exact answers: %.1f s (the first 5 share %d of their %d words with most-similar's)%n",
                secs(t0),
                agree,
                5 * K);
        int rounds = Integer.parseInt(opt.getOrDefault("--rounds", "3"));
        List<Engine> engines = new ArrayList<>();
        if (!opt.containsKey("--skip-seqlab")) {
            double build = Double.NaN;
            long bytes = -1;
            if (!opt.containsKey("--reuse") || !wv.hasApproximateIndex()) {
                double write;
                if (method.equals("hnsw")) {
                    HnswOptions options = HnswOptions.defaults()
                            .withM(m)
                            .withEfConstruction(efc)
                            .withThreads(threads);
                    HnswIndex.BuildReport r = WordVectors.buildApproximateIndex(file, options, ProgressListener.NONE);
                    build = r.buildSeconds();
                    write = r.writeSeconds();
                    bytes = r.indexBytes();
                } else {
                    IvfOptions options = IvfOptions.defaults()
                            .withLists(Integer.parseInt(opt.getOrDefault("--lists", "0")))
                            .withMargin(Float.parseFloat(opt.getOrDefault("--margin", "0.1")))
                            .withRerank(Integer.parseInt(opt.getOrDefault("--rerank", "40")))
                            .withSamplePerList(Integer.parseInt(opt.getOrDefault("--sample-per-list", "32")))
                            .withIterations(Integer.parseInt(opt.getOrDefault("--iterations", "10")))
                            .withListBound(Float.parseFloat(opt.getOrDefault(
                                    "--list-bound",
                                    String.valueOf(IvfOptions.defaults().listBound()))))
                            .withThreads(threads);
                    IvfIndex.BuildReport r = WordVectors.buildApproximateIndex(file, options, progress);
                    build = r.buildSeconds();
                    write = r.writeSeconds();
                    bytes = r.indexBytes();
                    System.out.printf(
                            Locale.ROOT,
                            "seqlab ivf: %,d lists (largest %,d rows), margin %s, rerank %d%n",
                            r.lists(),
                            r.largestList(),
                            options.margin(),
                            options.rerank());
                }
                System.out.printf(
                        Locale.ROOT,
                        "seqlab build %.1f s, write %.1f s, index section %,d bytes%n",
                        build,
                        write,
                        bytes);
            }
            t0 = System.nanoTime();
            WordVectors indexed = WordVectors.load(file);
            ApproximateIndex index = indexed.approximate().index();
            double open = secs(t0) * 1e3;
            System.out.printf(Locale.ROOT, "seqlab open (mapped, vectors and index) %.0f ms%n", open);
            if (index instanceof IvfIndex ivf && opt.containsKey("--margins")) {
                for (String margin : opt.get("--margins").split(",")) {
                    IvfIndex at = ivf.withMargin(Float.parseFloat(margin));
                    Engine e = new Engine("ivf " + margin, build, open, bytes);
                    e.measure =
                            () -> RecallEvaluation.run(at, rows, exact, K, efs).rows();
                    engines.add(e);
                    e.round();
                }
            } else {
                Engine e = new Engine("seqlab", build, open, bytes);
                e.measure =
                        () -> RecallEvaluation.run(index, rows, exact, K, efs).rows();
                engines.add(e);
                e.round();
            }
        }
        if (!opt.containsKey("--skip-lucene")) {
            List<float[]> unit = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                unit.add(wv.unitVector(i));
            }
            RandomAccessVectorValues.Floats values = RandomAccessVectorValues.fromFloats(unit, wv.dimension());
            RandomVectorScorerSupplier supplier = DefaultFlatVectorScorer.INSTANCE.getRandomVectorScorerSupplier(
                    VectorSimilarityFunction.DOT_PRODUCT, values);
            Path graphPath = opt.containsKey("--lucene-graph") ? Path.of(opt.get("--lucene-graph")) : null;
            HnswGraph graph;
            double build;
            double open = Double.NaN;
            long bytes;
            if (graphPath != null && Files.exists(graphPath)) {
                t0 = System.nanoTime();
                LuceneGraphFile.Graph opened = openGraph(graphPath, source, n);
                open = secs(t0) * 1e3;
                LuceneGraphFile.Header h = opened.header();
                System.out.printf(
                        Locale.ROOT,
                        "lucene graph opened from %s in %.1f s (%,d bytes of int arrays in the heap): built %s"
                                + " on %d threads, M %d, construction beam %d; its build time %.1f s is the one"
                                + " recorded at that build, not measured in this run%n",
                        graphPath,
                        open / 1e3,
                        opened.heapBytes(),
                        h.builtAt(),
                        h.threads(),
                        h.m(),
                        h.beamWidth(),
                        h.buildSeconds());
                if (h.m() != m || h.beamWidth() != efc || h.threads() != threads) {
                    System.out.printf(
                            Locale.ROOT,
                            "note: this run's --m %d --efc %d --threads %d differ from the saved graph's; the graph's"
                                    + " are the ones that count%n",
                            m,
                            efc,
                            threads);
                }
                graph = opened;
                build = h.buildSeconds();
                bytes = opened.heapBytes();
            } else {
                t0 = System.nanoTime();
                double cap = Double.parseDouble(opt.getOrDefault("--lucene-cap-seconds", "0"));
                OnHeapHnswGraph built = buildLucene(supplier, n, m, efc, threads, cap, t0);
                build = secs(t0);
                System.out.printf(
                        Locale.ROOT,
                        "lucene build %.1f s, graph %,d bytes in the heap (the vectors besides)%n",
                        build,
                        built.ramBytesUsed());
                bytes = built.ramBytesUsed();
                graph = built;
                if (graphPath != null) {
                    t0 = System.nanoTime();
                    LuceneGraphFile.write(
                            built, LuceneGraphFile.Header.of(n, m, efc, threads, build, source), graphPath);
                    double write = secs(t0);
                    t0 = System.nanoTime();
                    LuceneGraphFile.Graph opened = openGraph(graphPath, source, n);
                    open = secs(t0) * 1e3;
                    int ef = Arrays.stream(luceneEfs).max().orElse(K);
                    for (int i = 0; i < rows.length; i++) {
                        float[] q = unit.get(rows[i]);
                        if (!Arrays.equals(
                                lucene(values, built, q, ef, rows[i], true),
                                lucene(values, opened, q, ef, rows[i], true))) {
                            throw new IllegalStateException("the graph reopened from " + graphPath + " answers query "
                                    + i + " differently from the graph built in memory");
                        }
                    }
                    System.out.printf(
                            Locale.ROOT,
                            "lucene graph saved to %s in %.1f s (%,d bytes), reopened in %.1f s; its top-%d for all"
                                    + " %d queries at beam %d equal the built graph's; measuring the reopened graph%n",
                            graphPath,
                            write,
                            Files.size(graphPath),
                            open / 1e3,
                            K,
                            rows.length,
                            ef);
                    graph = opened;
                    bytes = opened.heapBytes();
                }
            }
            HnswGraph measured = graph;
            Engine e = new Engine("lucene", build, open, bytes);
            e.measure = () -> luceneCurve(values, measured, unit, rows, exact, luceneEfs);
            engines.add(e);
            e.round();
        }
        for (int r = 1; r < rounds; r++) {
            for (Engine e : engines) {
                e.round();
            }
        }
        System.out.printf(Locale.ROOT, "medians of %d rounds:%n", rounds);
        System.out.println(String.format(
                Locale.ROOT,
                "%-8s %10s %14s %8s %6s %9s %9s %9s %10s",
                "engine",
                "build s",
                "index bytes",
                "open ms",
                "ef",
                "recall",
                "p50 ms",
                "p99 ms",
                "QPS"));
        for (Engine e : engines) {
            e.medians().forEach(System.out::println);
        }
    }

    /**
     * Builds Lucene's graph as {@code main} always has, on {@code threads} threads, watching it
     * against {@code cap} seconds from {@code t0} if {@code cap} is positive.
     */
    private static OnHeapHnswGraph buildLucene(
            RandomVectorScorerSupplier supplier, int n, int m, int efc, int threads, double cap, long t0)
            throws IOException {
        HnswGraphBuilder.randSeed = 42;
        OnHeapHnswGraph graph;
        if (threads == 1) {
            graph = HnswGraphBuilder.create(supplier, m, efc, 42).build(n);
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                OnHeapHnswGraph empty =
                        HnswGraphBuilder.create(supplier, m, efc, 42, n).getGraph();
                if (cap > 0) {
                    watch(empty, n, cap, t0);
                }
                graph = new HnswConcurrentMergeBuilder(new TaskExecutor(pool), threads, supplier, m, efc, empty, null)
                        .build(n);
            } finally {
                pool.shutdown();
            }
        }
        return graph;
    }

    /** Opens a saved graph, ending the process with one line (exit 2) if it is not one for these vectors. */
    private static LuceneGraphFile.Graph openGraph(Path path, Path vectors, int n) throws IOException {
        try {
            return LuceneGraphFile.open(path, vectors, n);
        } catch (IllegalArgumentException | IOException ex) {
            System.err.println("AnnVersusLucene: " + ex.getMessage());
            System.exit(2);
            throw ex;
        }
    }

    /**
     * Reports the nodes of {@code graph} every 30 s while Lucene builds it and, once {@code cap}
     * seconds have passed, the count inserted and the build time extrapolated from the last
     * minute's rate (an estimate, printed as such), then ends the process.
     */
    private static void watch(OnHeapHnswGraph graph, int n, double cap, long t0) {
        Thread w = new Thread(
                () -> {
                    long lastNodes = 0;
                    double lastAt = 0;
                    while (true) {
                        try {
                            Thread.sleep(30_000);
                        } catch (InterruptedException e) {
                            return;
                        }
                        double at = secs(t0);
                        long nodes = graph.size();
                        double rate = (nodes - lastNodes) / (at - lastAt);
                        System.out.printf(
                                Locale.ROOT,
                                "lucene build: %,d of %,d vectors inserted after %.0f s (%.0f a second lately)%n",
                                nodes,
                                n,
                                at,
                                rate);
                        if (at >= cap) {
                            System.out.printf(
                                    Locale.ROOT,
                                    "lucene build stopped at the %.0f s cap with %,d of %,d vectors inserted;"
                                            + " EXTRAPOLATED at the last rate: %.0f s more, about %.0f s in all%n",
                                    cap,
                                    nodes,
                                    n,
                                    (n - nodes) / rate,
                                    at + (n - nodes) / rate);
                            System.out.flush();
                            Runtime.getRuntime().halt(0);
                        }
                        lastNodes = nodes;
                        lastAt = at;
                    }
                },
                "lucene-build-watch");
        w.setDaemon(true);
        w.start();
    }

    /** One engine's build figures and its curves measured round by round. */
    private static final class Engine {
        final String name;
        final double build;
        final double open;
        final long bytes;
        final List<List<RecallEvaluation.Row>> rounds = new ArrayList<>();
        Measure measure;

        Engine(String name, double build, double open, long bytes) {
            this.name = name;
            this.build = build;
            this.open = open;
            this.bytes = bytes;
        }

        void round() throws IOException {
            List<RecallEvaluation.Row> curve = measure.curve();
            rounds.add(curve);
            for (RecallEvaluation.Row r : curve) {
                System.out.println(
                        row(name, build, bytes, open, r.ef(), r.recall(), r.p50Micros(), r.p99Micros(), r.qps()));
            }
        }

        List<String> medians() {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < rounds.get(0).size(); i++) {
                int at = i;
                RecallEvaluation.Row first = rounds.get(0).get(i);
                out.add(row(
                        name,
                        build,
                        bytes,
                        open,
                        first.ef(),
                        first.recall(),
                        median(rounds, r -> r.get(at).p50Micros()),
                        median(rounds, r -> r.get(at).p99Micros()),
                        median(rounds, r -> r.get(at).qps())));
            }
            return out;
        }
    }

    /** Measures one curve. */
    private interface Measure {
        List<RecallEvaluation.Row> curve() throws IOException;
    }

    private static double median(
            List<List<RecallEvaluation.Row>> rounds, ToDoubleFunction<List<RecallEvaluation.Row>> f) {
        double[] v = rounds.stream().mapToDouble(f).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** Lucene's curve, measured as {@link RecallEvaluation} measures seqlab's. */
    private static List<RecallEvaluation.Row> luceneCurve(
            RandomAccessVectorValues.Floats values,
            HnswGraph graph,
            List<float[]> unit,
            int[] rows,
            int[][] exact,
            int[] efs)
            throws IOException {
        List<RecallEvaluation.Row> out = new ArrayList<>();
        for (int ef : efs) {
            double recall = 0;
            for (int i = 0; i < rows.length; i++) {
                recall += overlap(lucene(values, graph, unit.get(rows[i]), ef, rows[i]), exact[i])
                        / (double) exact[i].length;
            }
            long[] nanos = new long[rows.length];
            long total = 0;
            for (int i = 0; i < rows.length; i++) {
                long s = System.nanoTime();
                lucene(values, graph, unit.get(rows[i]), ef, rows[i]);
                nanos[i] = System.nanoTime() - s;
                total += nanos[i];
            }
            Arrays.sort(nanos);
            out.add(new RecallEvaluation.Row(
                    ef,
                    recall / rows.length,
                    nanos[nanos.length / 2] / 1e3,
                    nanos[(int) Math.ceil(0.99 * nanos.length) - 1] / 1e3,
                    rows.length / (total / 1e9)));
        }
        return out;
    }

    /** Lucene's top 10 for {@code query} with beam {@code ef}, the query row excluded. */
    private static int[] lucene(
            RandomAccessVectorValues.Floats values, HnswGraph graph, float[] query, int ef, int self)
            throws IOException {
        return lucene(values, graph, query, ef, self, false);
    }

    /**
     * Lucene's top 10 for {@code query}: a graph built in memory is searched through Lucene's
     * searcher for on-heap graphs unless {@code generic}, any other through its searcher for any
     * {@link HnswGraph} (the same walk, reading neighbours through {@code seek}/{@code nextNeighbor}).
     */
    private static int[] lucene(
            RandomAccessVectorValues.Floats values, HnswGraph graph, float[] query, int ef, int self, boolean generic)
            throws IOException {
        RandomVectorScorer scorer = DefaultFlatVectorScorer.INSTANCE.getRandomVectorScorer(
                VectorSimilarityFunction.DOT_PRODUCT, values, query);
        KnnCollector c;
        if (graph instanceof OnHeapHnswGraph built && !generic) {
            c = HnswGraphSearcher.search(scorer, Math.max(ef, K + 1), built, null, Integer.MAX_VALUE);
        } else {
            c = new TopKnnCollector(Math.max(ef, K + 1), Integer.MAX_VALUE);
            HnswGraphSearcher.search(scorer, c, graph, null);
        }
        ScoreDoc[] docs = c.topDocs().scoreDocs;
        int[] out = new int[K];
        int found = 0;
        for (int i = 0; i < docs.length && found < K; i++) {
            if (docs[i].doc != self) {
                out[found++] = docs[i].doc;
            }
        }
        return Arrays.copyOf(out, found);
    }

    private static String row(
            String engine,
            double build,
            long bytes,
            double open,
            int ef,
            double recall,
            double p50,
            double p99,
            double qps) {
        return String.format(
                Locale.ROOT,
                "%-8s %10.1f %,14d %8.0f %6d %9.4f %9.3f %9.3f %10.0f",
                engine,
                build,
                bytes,
                open,
                ef,
                recall,
                p50 / 1e3,
                p99 / 1e3,
                qps);
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

    private static int[] ints(String csv) {
        return Arrays.stream(csv.split(",")).mapToInt(Integer::parseInt).toArray();
    }

    private static double secs(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    /** Progress printed to standard output, one line per task and every tenth of it. */
    private static final class LogProgress implements ProgressListener {
        private String task;
        private long total;
        private long done;
        private long next;
        private long started;

        @Override
        public void start(String task, long total, String unit) {
            this.task = task;
            this.total = total;
            this.done = 0;
            this.next = total > 0 ? total / 10 : Long.MAX_VALUE;
            this.started = System.nanoTime();
            System.out.printf(Locale.ROOT, "  %s ...%n", task);
        }

        @Override
        public void advance(long amount) {
            done += amount;
            if (done >= next) {
                System.out.printf(Locale.ROOT, "  %s: %,d of %,d, %.1f s%n", task, done, total, secs(started));
                next += Math.max(1, total / 10);
            }
        }

        @Override
        public void status(String status) {}

        @Override
        public void finish() {
            System.out.printf(Locale.ROOT, "  %s: done in %.1f s%n", task, secs(started));
        }
    }
}
