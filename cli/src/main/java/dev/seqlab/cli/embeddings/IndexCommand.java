package dev.seqlab.cli.embeddings;

import dev.seqlab.cli.CliCommand;
import dev.seqlab.cli.TextTable;
import dev.seqlab.cli.options.JsonOption;
import dev.seqlab.cli.options.ShownDefaults;
import dev.seqlab.embeddings.Neighbor;
import dev.seqlab.embeddings.WordVectors;
import dev.seqlab.embeddings.ann.HnswIndex;
import dev.seqlab.embeddings.ann.HnswOptions;
import dev.seqlab.embeddings.ann.RecallEvaluation;
import java.nio.file.Path;
import java.util.ArrayList;
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
            "Build an approximate-search (HNSW) index into a seqlab vectors file.",
            "similar, analogy and shell use it with --approximate. The file is rewritten beside itself and",
            "renamed over the original: an interrupted or failed build leaves it as it was.",
            "--evaluate then measures recall@10 against exact search over vocabulary words, and the",
            "latency and queries per second of one thread, for several search beams (--ef)."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  seqlab embeddings convert --vectors GoogleNews-vectors-negative300.bin --out news.seqlab",
            "  seqlab embeddings index --vectors news.seqlab --evaluate",
            "  seqlab embeddings index --vectors news.seqlab --evaluate --existing --ef 16,32,64,128 --json"
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
            names = "--m",
            paramLabel = "M",
            order = 1,
            description = "Links per node (2M on the lowest level; default: ${bundle:default.m}).")
    Integer m;

    @Option(
            names = "--ef-construction",
            paramLabel = "N",
            order = 2,
            description = "The search beam while building (default: ${bundle:default.efConstruction}).")
    Integer efConstruction;

    @Option(
            names = "--seed",
            paramLabel = "N",
            order = 3,
            description =
                    "Seed of the node levels; same seed and options, same index (default: ${bundle:default.seed}).")
    Long seed;

    @Option(
            names = "--threads",
            paramLabel = "N",
            order = 4,
            description = "Threads building (default: the number of processors).")
    Integer threads;

    @Option(
            names = "--evaluate",
            order = 5,
            description = "Measure recall@10 against exact search, latency and queries per second.")
    boolean evaluate;

    @Option(
            names = "--existing",
            order = 6,
            description = "With --evaluate: measure the index already in FILE instead of building one.")
    boolean existing;

    @Option(
            names = "--queries",
            defaultValue = "1000",
            paramLabel = "N",
            order = 7,
            description = "Vocabulary words queried by --evaluate (default: ${DEFAULT-VALUE}).")
    int queries;

    @Option(
            names = "--ef",
            split = ",",
            paramLabel = "N",
            order = 8,
            description = "Search beams measured by --evaluate (default: 16,32,64,128,256).")
    List<Integer> efs = new ArrayList<>(List.of(16, 32, 64, 128, 256));

    @Mixin
    JsonOption json;

    @Override
    protected ShownDefaults shownDefaults() {
        return ShownDefaults.of(HnswOptions.defaults());
    }

    @Override
    protected int run() throws Exception {
        if (existing && !evaluate) {
            throw new IllegalArgumentException("--existing only makes sense with --evaluate");
        }
        if (queries < 1) {
            throw new IllegalArgumentException("--queries must be at least 1, got " + queries);
        }
        for (int ef : efs) {
            if (ef < 1) {
                throw new IllegalArgumentException("--ef values must be at least 1, got " + ef);
            }
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("vectors", vectorsFile.toString());
        if (!existing) {
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

    private RecallEvaluation.Report evaluate() throws Exception {
        long t0 = System.nanoTime();
        WordVectors wv = WordVectors.load(vectorsFile);
        if (!wv.hasApproximateIndex()) {
            throw new IllegalArgumentException(vectorsFile + " has no approximate-search index; build it first:"
                    + " seqlab embeddings index --vectors " + vectorsFile);
        }
        HnswIndex index = wv.approximate().index();
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
        int[] beams = efs.stream().mapToInt(Integer::intValue).toArray();
        RecallEvaluation.Report report = RecallEvaluation.run(index, rows, exact, k, beams);
        if (!json.enabled()) {
            out().printf(
                            "opened with its index in %.0f ms; %d vocabulary queries, recall@%d against exact search,"
                                    + " one thread, %s kernel:%n",
                            openMillis, report.queries(), k, report.kernel());
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
