package dev.seqlab.cli.embeddings;

import dev.seqlab.cli.CliCommand;
import dev.seqlab.cli.TextTable;
import dev.seqlab.cli.options.JsonOption;
import dev.seqlab.cli.options.ShownDefaults;
import dev.seqlab.embeddings.Neighbor;
import dev.seqlab.embeddings.WordVectors;
import dev.seqlab.embeddings.ann.ApproximateIndex;
import dev.seqlab.embeddings.ann.HnswIndex;
import dev.seqlab.embeddings.ann.HnswOptions;
import dev.seqlab.embeddings.ann.IvfIndex;
import dev.seqlab.embeddings.ann.IvfOptions;
import dev.seqlab.embeddings.ann.RecallEvaluation;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code seqlab embeddings index}: builds the approximate-search index of a seqlab file, and measures it. */
@Command(
        name = "index",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Build an approximate-search index into a seqlab vectors file.",
            "It is an inverted file (k-means lists of int8 codes, probed adaptively; the default) or an",
            "HNSW graph (--method hnsw).",
            "similar, analogy and shell use it with --approximate. The file is rewritten beside itself and",
            "renamed over the original: an interrupted or failed build leaves it as it was.",
            "--evaluate then measures recall@10 against exact search over vocabulary words, and the",
            "latency and queries per second of one thread, for several search efforts (--ef: the most",
            "lists probed by an inverted file, the beam width of an HNSW search)."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  seqlab embeddings convert --vectors GoogleNews-vectors-negative300.bin --out news.seqlab",
            "  seqlab embeddings index --vectors news.seqlab --evaluate",
            "  seqlab embeddings index --vectors news.seqlab --evaluate --existing --ef 4,16,64 --json",
            "  seqlab embeddings index --vectors news.seqlab --method hnsw --m 16 --evaluate"
        })
public final class IndexCommand extends CliCommand {

    @Option(
            names = "--vectors",
            required = true,
            paramLabel = "FILE",
            order = 0,
            description = "A seqlab vectors file (convert other formats first with seqlab embeddings convert).")
    Path vectorsFile;

    @Option(
            names = "--method",
            paramLabel = "ivf|hnsw",
            order = 1,
            description = "The kind of index: ivf (inverted file, default) or hnsw (graph).")
    String method = "ivf";

    @Option(
            names = "--lists",
            paramLabel = "N",
            order = 2,
            description = "ivf: the number of k-means lists (default: 2·√words; more once the lists over"
                    + " --list-bound are split).")
    Integer lists;

    @Option(
            names = "--list-bound",
            paramLabel = "X",
            order = 3,
            description = "ivf: no list holds more than X times the mean list size: the rows of larger lists are"
                    + " clustered again into lists of the mean size; 0 keeps the lists as k-means made them"
                    + " (default: ${bundle:default.listBound}).")
    Float listBound;

    @Option(
            names = "--probes",
            paramLabel = "N",
            order = 4,
            description = "ivf: the most lists a search probes unless --ef says otherwise"
                    + " (stored in the index; default: ${bundle:default.probes}).")
    Integer probes;

    @Option(
            names = "--margin",
            paramLabel = "X",
            order = 5,
            description = "ivf: a search probes the lists whose centroid's squared distance is within 1 + X times"
                    + " the nearest one's (stored in the index; default: ${bundle:default.margin}).")
    Float margin;

    @Option(
            names = "--rerank",
            paramLabel = "N",
            order = 6,
            description = "ivf: rows ranked by their float cosines after the int8 scan"
                    + " (stored in the index; default: ${bundle:default.rerank}).")
    Integer rerank;

    @Option(
            names = "--iterations",
            paramLabel = "N",
            order = 7,
            description = "ivf: k-means iterations (default: ${bundle:default.iterations}).")
    Integer iterations;

    @Option(
            names = "--m",
            paramLabel = "M",
            order = 8,
            description = "hnsw: links per node (2M on the lowest level; default: ${bundle:default.m}).")
    Integer m;

    @Option(
            names = "--ef-construction",
            paramLabel = "N",
            order = 9,
            description = "hnsw: the search beam while building (default: ${bundle:default.efConstruction}).")
    Integer efConstruction;

    @Option(
            names = "--seed",
            paramLabel = "N",
            order = 10,
            description = "Seed of the k-means sample (ivf) or the node levels (hnsw); same seed and options, same"
                    + " index (default: ${bundle:default.seed}).")
    Long seed;

    @Option(
            names = "--threads",
            paramLabel = "N",
            order = 11,
            description = "Threads building (default: the number of processors).")
    Integer threads;

    @Option(
            names = "--evaluate",
            order = 12,
            description = "Measure recall@10 against exact search, latency and queries per second.")
    boolean evaluate;

    @Option(
            names = "--existing",
            order = 13,
            description = "With --evaluate: measure the index already in FILE instead of building one.")
    boolean existing;

    @Option(
            names = "--queries",
            defaultValue = "1000",
            paramLabel = "N",
            order = 14,
            description = "Vocabulary words queried by --evaluate (default: ${DEFAULT-VALUE}).")
    int queries;

    @Option(
            names = "--ef",
            split = ",",
            paramLabel = "N",
            order = 15,
            description = "Search efforts measured by --evaluate (default: ivf 4,8,16,32,64,128,256; hnsw"
                    + " 16,32,64,128,256).")
    List<Integer> efs;

    @Mixin
    JsonOption json;

    @Override
    protected ShownDefaults shownDefaults() {
        return ShownDefaults.of(HnswOptions.defaults()).and(IvfOptions.defaults());
    }

    @Override
    protected int run() throws Exception {
        if (existing && !evaluate) {
            throw new IllegalArgumentException("--existing only makes sense with --evaluate");
        }
        if (queries < 1) {
            throw new IllegalArgumentException("--queries must be at least 1, got " + queries);
        }
        if (efs != null) {
            for (int ef : efs) {
                if (ef < 1) {
                    throw new IllegalArgumentException("--ef values must be at least 1, got " + ef);
                }
            }
        }
        if (!method.equals("ivf") && !method.equals("hnsw")) {
            throw new IllegalArgumentException("--method must be ivf or hnsw, got " + method);
        }
        if (method.equals("ivf") && (m != null || efConstruction != null)) {
            throw new IllegalArgumentException("--m and --ef-construction apply to --method hnsw");
        }
        if (method.equals("hnsw")
                && (lists != null || probes != null || margin != null || rerank != null || iterations != null)) {
            throw new IllegalArgumentException(
                    "--lists, --probes, --margin, --rerank and --iterations apply to --method ivf");
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("vectors", vectorsFile.toString());
        if (!existing && method.equals("ivf")) {
            doc.put("build", buildIvf());
        } else if (!existing) {
            HnswOptions options = HnswOptions.defaults();
            if (m != null) {
                options = options.withM(m);
            }
            if (efConstruction != null) {
                options = options.withEfConstruction(efConstruction);
            }
            if (seed != null) {
                options = options.withSeed(seed);
            }
            if (threads != null) {
                options = options.withThreads(threads);
            }
            HnswIndex.BuildReport r = WordVectors.buildApproximateIndex(vectorsFile, options, progress());
            Map<String, Object> build = new LinkedHashMap<>();
            build.put("words", r.rows());
            build.put("method", "hnsw");
            build.put("m", options.m());
            build.put("efConstruction", options.efConstruction());
            build.put("seed", options.seed());
            build.put("threads", options.threads());
            build.put("buildSeconds", r.buildSeconds());
            build.put("writeSeconds", r.writeSeconds());
            build.put("indexBytes", r.indexBytes());
            doc.put("build", build);
            if (!json.enabled()) {
                out().printf(
                                "indexed %,d words in %.1f s (m %d, ef-construction %d, %d threads; file written in %.1f s,"
                                        + " index %,d bytes)%n",
                                r.rows(),
                                r.buildSeconds(),
                                options.m(),
                                options.efConstruction(),
                                options.threads(),
                                r.writeSeconds(),
                                r.indexBytes());
            }
        }
        if (evaluate) {
            doc.put("evaluation", evaluate());
        }
        if (json.enabled()) {
            printJson(doc);
        }
        return 0;
    }

    private Map<String, Object> buildIvf() throws Exception {
        IvfOptions options = IvfOptions.defaults();
        if (lists != null) {
            options = options.withLists(lists);
        }
        if (listBound != null) {
            options = options.withListBound(listBound);
        }
        if (probes != null) {
            options = options.withProbes(probes);
        }
        if (margin != null) {
            options = options.withMargin(margin);
        }
        if (rerank != null) {
            options = options.withRerank(rerank);
        }
        if (iterations != null) {
            options = options.withIterations(iterations);
        }
        if (seed != null) {
            options = options.withSeed(seed);
        }
        if (threads != null) {
            options = options.withThreads(threads);
        }
        IvfIndex.BuildReport r = WordVectors.buildApproximateIndex(vectorsFile, options, progress());
        Map<String, Object> build = new LinkedHashMap<>();
        build.put("words", r.rows());
        build.put("method", "ivf");
        build.put("lists", r.lists());
        build.put("largestList", r.largestList());
        build.put("listBound", options.listBound());
        build.put("probes", options.probes());
        build.put("margin", options.margin());
        build.put("rerank", options.rerank());
        build.put("seed", options.seed());
        build.put("threads", options.threads());
        build.put("buildSeconds", r.buildSeconds());
        build.put("writeSeconds", r.writeSeconds());
        build.put("indexBytes", r.indexBytes());
        if (!json.enabled()) {
            out().printf(
                            "indexed %,d words in %.1f s (inverted file: %,d lists, the largest %,d words; %d threads;"
                                    + " file written in %.1f s, index %,d bytes)%n",
                            r.rows(),
                            r.buildSeconds(),
                            r.lists(),
                            r.largestList(),
                            options.threads(),
                            r.writeSeconds(),
                            r.indexBytes());
        }
        return build;
    }

    private RecallEvaluation.Report evaluate() throws Exception {
        long t0 = System.nanoTime();
        WordVectors wv = WordVectors.load(vectorsFile);
        if (!wv.hasApproximateIndex()) {
            throw new IllegalArgumentException(vectorsFile + " has no approximate-search index; build it first:"
                    + " seqlab embeddings index --vectors " + vectorsFile);
        }
        ApproximateIndex index = wv.approximate().index();
        double openMillis = (System.nanoTime() - t0) / 1e6;
        int k = Math.min(10, wv.size() - 1);
        if (k < 1) {
            throw new IllegalArgumentException("evaluating needs at least two words");
        }
        int[] rows = RecallEvaluation.queryRows(wv.size(), queries, 1);
        int[][] exact = new int[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            List<Neighbor> top = wv.mostSimilar(new int[] {rows[i]}, new int[0], k, 0);
            exact[i] = top.stream().mapToInt(n -> wv.indexOf(n.word())).toArray();
        }
        List<Integer> efforts = efs != null
                ? efs
                : index.method().equals("ivf") ? List.of(4, 8, 16, 32, 64, 128, 256) : List.of(16, 32, 64, 128, 256);
        int[] beams = efforts.stream().mapToInt(Integer::intValue).toArray();
        RecallEvaluation.Report report = RecallEvaluation.run(index, rows, exact, k, beams);
        if (!json.enabled()) {
            out().printf(
                            "opened with its %s index in %.0f ms; %d vocabulary queries, recall@%d against exact search,"
                                    + " one thread, %s kernel:%n",
                            index.method(), openMillis, report.queries(), k, report.kernel());
            TextTable table = new TextTable("ef", "recall@" + k, "p50 ms", "p99 ms", "queries/s");
            for (RecallEvaluation.Row r : report.rows()) {
                table.row(
                        r.ef(),
                        String.format("%.4f", r.recall()),
                        String.format("%.3f", r.p50Micros() / 1e3),
                        String.format("%.3f", r.p99Micros() / 1e3),
                        String.format("%.0f", r.qps()));
            }
            table.print(out());
        }
        return report;
    }
}
