package dev.seqlab.embeddings.ann;

/**
 * An HNSW graph in the heap, as built: level 0 in one array of fixed-size records
 * ({@code [count, link...]}), the levels above per node. A record has room for half as many links
 * again as a node keeps ({@link #slack}), so the builder prunes a node's links once per several
 * additions rather than at each; it prunes every list back to {@link #capacity} at the end. The
 * builder changes the graph only between its parallel phases, so the searches that read it need
 * no locks.
 */
final class HeapGraph implements Graph {
    final int size;
    final int m;
    final int m0;
    final int record0;
    final int recordUp;
    final byte[] levels;
    final int[] level0;
    final int[][] upper;
    int maxLevel = -1;
    int entryPoint = -1;

    HeapGraph(int size, int m, byte[] levels) {
        this.size = size;
        this.m = m;
        this.m0 = 2 * m;
        this.record0 = m0 + slack(m0) + 1;
        this.recordUp = m + slack(m) + 1;
        this.levels = levels;
        this.level0 = new int[Math.multiplyExact(size, record0)];
        this.upper = new int[size][];
        for (int v = 0; v < size; v++) {
            if (levels[v] > 0) {
                upper[v] = new int[levels[v] * recordUp];
            }
        }
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public int maxLevel() {
        return maxLevel;
    }

    @Override
    public int entryPoint() {
        return entryPoint;
    }

    @Override
    public int neighbors(int level, int node, int[] into) {
        int[] a;
        int base;
        if (level == 0) {
            a = level0;
            base = node * record0;
        } else {
            a = upper[node];
            base = (level - 1) * recordUp;
        }
        int n = a[base];
        System.arraycopy(a, base + 1, into, 0, n);
        return n;
    }

    /** Links a list may hold beyond its capacity while building. */
    static int slack(int capacity) {
        return capacity / 2;
    }

    /** The most links a list holds while building on {@code level}. */
    int room(int level) {
        int cap = capacity(level);
        return cap + slack(cap);
    }

    /** The most links a node keeps on {@code level}. */
    int capacity(int level) {
        return level == 0 ? m0 : m;
    }

    /** Replaces the links of {@code node} on {@code level} with {@code links[0..n)}. */
    void setNeighbors(int level, int node, int[] links, int n) {
        int[] a;
        int base;
        if (level == 0) {
            a = level0;
            base = node * record0;
        } else {
            a = upper[node];
            base = (level - 1) * recordUp;
        }
        a[base] = n;
        System.arraycopy(links, 0, a, base + 1, n);
    }

    /** The number of nodes on {@code level} and above. */
    int countAtLevel(int level) {
        int c = 0;
        for (byte l : levels) {
            if (l >= level) {
                c++;
            }
        }
        return c;
    }
}
