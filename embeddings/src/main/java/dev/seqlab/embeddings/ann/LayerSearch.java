package dev.seqlab.embeddings.ann;

/**
 * The search of one thread through a {@link Graph} (HNSW's SEARCH-LAYER and the greedy descent
 * above it), with the scratch state it reuses from query to query: the visited set, the two
 * heaps and a neighbour buffer. Not thread-safe: one per thread.
 */
final class LayerSearch {
    private final VisitedSet visited;
    private final ScoreHeap candidates;
    private final int[] buffer;
    /** The results of the last {@link #search}, worst on top. */
    final ScoreHeap results;

    /**
     * @param nodes     the number of nodes of the graphs searched
     * @param maxDegree the most neighbours a node has on any level
     */
    LayerSearch(int nodes, int maxDegree) {
        this.visited = new VisitedSet(nodes);
        this.candidates = new ScoreHeap(64, true);
        this.results = new ScoreHeap(64, false);
        this.buffer = new int[maxDegree];
    }

    /**
     * Descends greedily from the entry point through the levels above {@code level}, then searches
     * {@code level} and every level below it down to {@code lowest} with beam width {@code ef},
     * leaving the last level's results in {@link #results}. For a query, {@code level = lowest = 0};
     * for inserting a node, the caller searches level by level itself ({@link #descend},
     * {@link #searchLevel}).
     */
    void search(Graph g, UnitRows rows, float[] q, int ef) {
        results.clear();
        int ep = g.entryPoint();
        if (ep < 0) {
            return;
        }
        ep = descend(g, rows, q, ep, g.maxLevel(), 0);
        results.push(rows.similarity(q, ep), ep);
        searchLevel(g, rows, q, 0, ef);
    }

    /**
     * Greedy walk from {@code ep} on levels {@code top} down to {@code bottom + 1}: at each level,
     * moves to the best neighbour while that improves. Returns the node reached.
     */
    int descend(Graph g, UnitRows rows, float[] q, int ep, int top, int bottom) {
        int best = ep;
        float bestScore = rows.similarity(q, ep);
        for (int level = top; level > bottom; level--) {
            boolean moved = true;
            while (moved) {
                moved = false;
                int n = g.neighbors(level, best, buffer);
                for (int j = 0; j < n; j++) {
                    int e = check(g, buffer[j]);
                    float s = rows.similarity(q, e);
                    if (s > bestScore || s == bestScore && e < best) {
                        bestScore = s;
                        best = e;
                        moved = true;
                    }
                }
            }
        }
        return best;
    }

    /**
     * HNSW's SEARCH-LAYER on {@code level}, starting from the nodes now in {@link #results}
     * (which the caller fills): afterwards {@link #results} holds the best {@code ef} nodes found.
     */
    void searchLevel(Graph g, UnitRows rows, float[] q, int level, int ef) {
        visited.clear();
        candidates.clear();
        for (int i = 0; i < results.size(); i++) {
            visited.visit(results.node(i));
            candidates.push(results.score(i), results.node(i));
        }
        while (results.size() > ef) {
            results.pop();
        }
        while (!candidates.isEmpty()) {
            float cs = candidates.topScore();
            int c = candidates.topNode();
            if (results.size() >= ef && cs < results.topScore()) {
                break;
            }
            candidates.pop();
            int n = g.neighbors(level, c, buffer);
            for (int j = 0; j < n; j++) {
                int e = check(g, buffer[j]);
                if (!visited.visit(e)) {
                    continue;
                }
                float s = rows.similarity(q, e);
                if (results.size() < ef || s > results.topScore()) {
                    candidates.push(s, e);
                    results.push(s, e);
                    if (results.size() > ef) {
                        results.pop();
                    }
                }
            }
        }
    }

    private static int check(Graph g, int node) {
        if (node < 0 || node >= g.size()) {
            throw new CorruptIndexException("a link leads to node " + node + " of " + g.size());
        }
        return node;
    }

    /** Replaces the scores in {@link #results} with the exact cosines of their rows. */
    void rescore(UnitRows rows, float[] q) {
        int n = results.size();
        candidates.clear();
        for (int i = 0; i < n; i++) {
            int v = results.node(i);
            candidates.push(rows.exact(q, v), v);
        }
        results.clear();
        while (!candidates.isEmpty()) {
            results.push(candidates.topScore(), candidates.topNode());
            candidates.pop();
        }
    }
}
