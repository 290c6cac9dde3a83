package dev.seqlab.embeddings.ann;

import dev.seqlab.core.progress.ProgressListener;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Builds an HNSW graph (Malkov &amp; Yashunin, 2018) over unit rows, in batches that make it
 * deterministic on any number of threads. Nodes are inserted in row order, each on the levels up
 * to one drawn from the seed (geometric, ratio {@code 1/m}). A batch of consecutive nodes is
 * inserted in two phases: first, in parallel, each node searches the graph as it stood before the
 * batch and picks its links with the neighbour-selection heuristic; then, in parallel by target,
 * the links are installed and every target gains the reverse link, pruned by the same heuristic
 * when it has too many (reverse links into one target in row order). Nothing a thread does depends
 * on another's timing, so the graph depends only on the vectors and the options. Batches grow with
 * the graph (1/32 of it, at most {@value #MAX_BATCH} nodes), so nodes of one batch, which cannot
 * link to each other directly, are a small part of it; a node that opens a new top level is a
 * batch of its own.
 */
final class HnswBuilder {
    /** The largest batch. */
    static final int MAX_BATCH = 512;
    /** The highest level a node may be drawn on. */
    static final int MAX_LEVEL = 30;

    private final UnitRows rows;
    private final HnswOptions options;
    private final HeapGraph graph;
    private final Worker[] workers;

    private HnswBuilder(UnitRows rows, HnswOptions options) {
        this.rows = rows;
        this.options = options;
        this.graph = new HeapGraph(rows.rows(), options.m(), levels(rows.rows(), options.m(), options.seed()));
        this.workers = new Worker[options.threads()];
        for (int t = 0; t < workers.length; t++) {
            workers[t] = new Worker();
        }
    }

    /**
     * The graph of {@code rows} built with {@code options}, reporting the rows inserted.
     *
     * @throws InterruptedException if the calling thread is interrupted (checked between batches)
     */
    static HeapGraph build(UnitRows rows, HnswOptions options, ProgressListener progress) throws InterruptedException {
        HnswBuilder b = new HnswBuilder(rows, options);
        ExecutorService pool = Executors.newFixedThreadPool(options.threads(), r -> {
            Thread t = new Thread(r, "seqlab-hnsw-build");
            t.setDaemon(true);
            return t;
        });
        progress.start("Building the HNSW index", rows.rows(), "words");
        try {
            b.run(pool, progress);
        } finally {
            pool.shutdownNow();
            progress.finish();
        }
        return b.graph;
    }

    /** Each node's level: ⌊−ln(u)/ln(m)⌋ for u uniform in (0, 1] drawn from the seed and the node. */
    static byte[] levels(int n, int m, long seed) {
        byte[] levels = new byte[n];
        double scale = 1 / Math.log(m);
        for (int v = 0; v < n; v++) {
            long z = mix(seed + 0x9E3779B97F4A7C15L * (v + 1L));
            double u = ((z >>> 11) + 1) * 0x1.0p-53;
            levels[v] = (byte) Math.min(MAX_LEVEL, (int) (-Math.log(u) * scale));
        }
        return levels;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private void run(ExecutorService pool, ProgressListener progress) throws InterruptedException {
        int n = graph.size;
        if (n == 0) {
            return;
        }
        graph.entryPoint = 0;
        graph.maxLevel = graph.levels[0];
        progress.advance(1);
        int next = 1;
        while (next < n) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("index building interrupted");
            }
            int size = Math.max(1, Math.min(MAX_BATCH, next / 32));
            int end = Math.min(n, next + size);
            if (graph.levels[next] > graph.maxLevel) {
                end = next + 1;
            } else {
                for (int v = next + 1; v < end; v++) {
                    if (graph.levels[v] > graph.maxLevel) {
                        end = v;
                        break;
                    }
                }
            }
            insertBatch(pool, next, end);
            for (int v = next; v < end; v++) {
                if (graph.levels[v] > graph.maxLevel) {
                    graph.maxLevel = graph.levels[v];
                    graph.entryPoint = v;
                }
            }
            progress.advance(end - next);
            next = end;
        }
        AtomicInteger cursor = new AtomicInteger();
        parallel(pool, n, (worker, unused) -> {
            for (int v = cursor.getAndAdd(1024); v < n; v = cursor.getAndAdd(1024)) {
                for (int u = v; u < Math.min(n, v + 1024); u++) {
                    for (int level = 0; level <= graph.levels[u]; level++) {
                        worker.pruneToCapacity(level, u);
                    }
                }
            }
        });
    }

    private void insertBatch(ExecutorService pool, int from, int to) throws InterruptedException {
        int count = to - from;
        int[][][] links = new int[count][][];
        AtomicInteger cursor = new AtomicInteger();
        parallel(pool, count, (worker, unused) -> {
            for (int i = cursor.getAndIncrement(); i < count; i = cursor.getAndIncrement()) {
                links[i] = worker.plan(from + i);
            }
        });
        // install the batch's own links, and gather the reverse links by (level, target, source)
        List<long[]> reverse = new ArrayList<>();
        for (int level = 0; ; level++) {
            int edges = 0;
            boolean any = false;
            for (int i = 0; i < count; i++) {
                if (links[i].length > level) {
                    any = true;
                    edges += links[i][level].length;
                    graph.setNeighbors(level, from + i, links[i][level], links[i][level].length);
                }
            }
            if (!any) {
                break;
            }
            long[] keys = new long[edges];
            int e = 0;
            for (int i = 0; i < count; i++) {
                if (links[i].length > level) {
                    for (int t : links[i][level]) {
                        keys[e++] = (long) t << 32 | (from + i);
                    }
                }
            }
            Arrays.sort(keys);
            reverse.add(keys);
        }
        for (int level = 0; level < reverse.size(); level++) {
            long[] keys = reverse.get(level);
            int[] starts = groupStarts(keys);
            int groups = starts.length - 1;
            int lv = level;
            AtomicInteger group = new AtomicInteger();
            parallel(pool, groups, (worker, unused) -> {
                for (int g = group.getAndIncrement(); g < groups; g = group.getAndIncrement()) {
                    worker.addReverse(lv, keys, starts[g], starts[g + 1]);
                }
            });
        }
    }

    /** Where each run of equal targets starts in the sorted keys, then their length. */
    private static int[] groupStarts(long[] keys) {
        int[] starts = new int[keys.length + 1];
        int g = 0;
        for (int i = 0; i < keys.length; i++) {
            if (i == 0 || keys[i] >>> 32 != keys[i - 1] >>> 32) {
                starts[g++] = i;
            }
        }
        starts[g++] = keys.length;
        return Arrays.copyOf(starts, g);
    }

    /** Work for the worker threads: each task runs on its own worker's scratch state. */
    private interface Task {
        void run(Worker worker, int index);
    }

    private void parallel(ExecutorService pool, int items, Task task) throws InterruptedException {
        int tasks = Math.min(workers.length, items);
        if (tasks <= 1) {
            if (items > 0) {
                task.run(workers[0], 0);
            }
            return;
        }
        List<Future<?>> futures = new ArrayList<>(tasks);
        for (int t = 0; t < tasks; t++) {
            Worker w = workers[t];
            int index = t;
            futures.add(pool.submit(() -> task.run(w, index)));
        }
        try {
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            for (Future<?> f : futures) {
                f.cancel(true);
            }
        }
    }

    /** One thread's scratch state. */
    private final class Worker {
        private final LayerSearch search = new LayerSearch(graph.size, graph.room(0));
        private final float[] query = new float[rows.dim()];
        private final float[] candidateRow = new float[rows.dim()];
        private float[] scores = new float[64];
        private int[] nodes = new int[64];
        private final int[] selected = new int[graph.room(0) + 1];

        /** The links node {@code v} gets on each of its levels (up to the graph's top), found in the graph as it is. */
        int[][] plan(int v) {
            int level = graph.levels[v];
            int top = graph.maxLevel;
            rows.unit(v, query);
            int ep = search.descend(graph, rows, query, graph.entryPoint, top, level);
            int[][] out = new int[Math.min(level, top) + 1][];
            search.results.clear();
            search.results.push(rows.similarity(query, ep), ep);
            for (int l = Math.min(level, top); l >= 0; l--) {
                search.searchLevel(graph, rows, query, l, options.efConstruction());
                int n = sortedResults();
                int k = select(nodes, scores, n, graph.capacity(l));
                out[l] = Arrays.copyOf(selected, k);
            }
            return out;
        }

        /** Adds the reverse links {@code keys[from..to)} (one target, sources in row order) on {@code level}. */
        void addReverse(int level, long[] keys, int from, int to) {
            int target = (int) (keys[from] >>> 32);
            int room = graph.room(level);
            for (int i = from; i < to; i++) {
                int source = (int) keys[i];
                int n = graph.neighbors(level, target, selected);
                selected[n] = source;
                if (n < room) {
                    graph.setNeighbors(level, target, selected, n + 1);
                } else {
                    prune(level, target, n + 1);
                }
            }
        }

        /** Prunes the links of {@code node} on {@code level} to its capacity when it has more. */
        void pruneToCapacity(int level, int node) {
            int n = graph.neighbors(level, node, selected);
            if (n > graph.capacity(level)) {
                prune(level, node, n);
            }
        }

        /** Keeps the heuristic's choice among the {@code n} links now in {@link #selected}. */
        private void prune(int level, int target, int n) {
            rows.unit(target, query);
            ensure(n);
            for (int j = 0; j < n; j++) {
                nodes[j] = selected[j];
                scores[j] = rows.similarity(query, selected[j]);
            }
            sort(n);
            int k = select(nodes, scores, n, graph.capacity(level));
            graph.setNeighbors(level, target, selected, k);
        }

        /** Copies {@link LayerSearch#results} into {@link #nodes}/{@link #scores}, best first. */
        private int sortedResults() {
            ScoreHeap r = search.results;
            int n = r.size();
            ensure(n);
            for (int i = 0; i < n; i++) {
                nodes[i] = r.node(i);
                scores[i] = r.score(i);
            }
            sort(n);
            return n;
        }

        private void ensure(int n) {
            if (scores.length < n) {
                scores = new float[2 * n];
                nodes = new int[2 * n];
            }
        }

        /** Insertion-sorts the first {@code n} pairs, best score first, ties by node. */
        private void sort(int n) {
            for (int i = 1; i < n; i++) {
                float s = scores[i];
                int v = nodes[i];
                int j = i - 1;
                while (j >= 0 && (scores[j] < s || scores[j] == s && nodes[j] > v)) {
                    scores[j + 1] = scores[j];
                    nodes[j + 1] = nodes[j];
                    j--;
                }
                scores[j + 1] = s;
                nodes[j + 1] = v;
            }
        }

        /**
         * HNSW's neighbour-selection heuristic over candidates sorted best first: a candidate is
         * kept when it is closer to the query than to every candidate already kept; at most
         * {@code max}, into {@link #selected}.
         */
        private int select(int[] cand, float[] sims, int n, int max) {
            int k = 0;
            for (int i = 0; i < n && k < max; i++) {
                int c = cand[i];
                boolean keep = true;
                if (k > 0) {
                    rows.unit(c, candidateRow);
                    for (int j = 0; j < k; j++) {
                        if (rows.similarity(candidateRow, selected[j]) > sims[i]) {
                            keep = false;
                            break;
                        }
                    }
                }
                if (keep) {
                    selected[k++] = c;
                }
            }
            return k;
        }
    }
}
