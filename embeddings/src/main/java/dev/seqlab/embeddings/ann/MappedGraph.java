package dev.seqlab.embeddings.ann;

import dev.seqlab.embeddings.store.MappedRegion;
import java.nio.ByteBuffer;

/**
 * An HNSW graph read in place from a mapped index section ({@link HnswLayout}). Opening checks
 * the header against the vectors and the section's length, reading only the header and the level
 * counts; each record's count and links are checked as they are read, so a damaged section gives
 * a {@link CorruptIndexException}, never a wrong index or a crash.
 */
final class MappedGraph implements Graph {
    private final MappedRegion region;
    private final ByteBuffer single;
    private final HnswLayout layout;
    private final int m0;

    private MappedGraph(MappedRegion region, HnswLayout layout) {
        this.region = region;
        this.single = region.segmentCount() == 1 ? region.segment(0) : null;
        this.layout = layout;
        this.m0 = 2 * layout.m;
    }

    /**
     * The graph of a mapped index section over {@code rows} rows of {@code dim}.
     *
     * @throws CorruptIndexException if the header is damaged, disagrees with the vectors, or
     *                               describes another length than the section's
     */
    static MappedGraph open(MappedRegion region, int rows, int dim) {
        if (region.length() < HnswLayout.HEADER_BYTES) {
            throw new CorruptIndexException("the section has " + region.length() + " bytes, less than its header");
        }
        if (region.getInt(0) != HnswLayout.MAGIC) {
            throw new CorruptIndexException("the section does not start with the HNSW magic number");
        }
        int version = region.getInt(4);
        if (version != HnswLayout.VERSION && version != HnswLayout.VERSION_GRAPH_ONLY) {
            throw new CorruptIndexException("layout version " + version + " is not supported (this seqlab reads "
                    + HnswLayout.VERSION_GRAPH_ONLY + " and " + HnswLayout.VERSION + ")");
        }
        int r = region.getInt(8);
        int d = region.getInt(12);
        int m = region.getInt(16);
        int ef = region.getInt(20);
        int maxLevel = region.getInt(24);
        int entry = region.getInt(28);
        long seed = region.getLong(32);
        int metric = region.getInt(40);
        if (r != rows || d != dim) {
            throw new CorruptIndexException(
                    "it was built for " + r + " rows × " + d + ", the vectors are " + rows + " × " + dim);
        }
        if (m < 2
                || m > HnswOptions.MAX_M
                || maxLevel < 0
                || maxLevel > HnswBuilder.MAX_LEVEL
                || metric != HnswLayout.COSINE
                || rows > 0 && (entry < 0 || entry >= rows)) {
            throw new CorruptIndexException("a damaged header (m " + m + ", top level " + maxLevel + ", entry point "
                    + entry + ", metric " + metric + ")");
        }
        if (region.length() < HnswLayout.HEADER_BYTES + 4L * maxLevel) {
            throw new CorruptIndexException("the section is truncated: " + region.length() + " bytes");
        }
        int[] counts = new int[maxLevel];
        for (int l = 0; l < maxLevel; l++) {
            counts[l] = region.getInt(HnswLayout.HEADER_BYTES + 4L * l);
            if (counts[l] < 1 || counts[l] > rows || l > 0 && counts[l] > counts[l - 1]) {
                throw new CorruptIndexException("level " + (l + 1) + " claims " + counts[l] + " nodes");
            }
        }
        HnswLayout layout = new HnswLayout(version, rows, dim, m, ef, maxLevel, entry, seed, counts);
        if (layout.length != region.length()) {
            throw new CorruptIndexException("the section has " + region.length() + " bytes, its header describes "
                    + layout.length + " (truncated or damaged)");
        }
        return new MappedGraph(region, layout);
    }

    /** The int8 codes stored after the graph (layout version 2), or null (version 1). */
    RowCodes codes() {
        return layout.codesAt < 0 ? null : RowCodes.mapped(region, layout.codesAt, layout.dim);
    }

    HnswLayout layout() {
        return layout;
    }

    @Override
    public int size() {
        return layout.rows;
    }

    @Override
    public int maxLevel() {
        return layout.rows == 0 ? -1 : layout.maxLevel;
    }

    @Override
    public int entryPoint() {
        return layout.rows == 0 ? -1 : layout.entryPoint;
    }

    @Override
    public int neighbors(int level, int node, int[] into) {
        long at;
        int cap;
        if (level == 0) {
            at = layout.level0At + 4L * node * (m0 + 1);
            cap = m0;
        } else {
            at = layout.linksAt[level] + 4L * position(level, node) * (layout.m + 1);
            cap = layout.m;
        }
        int n = getInt(at);
        if (n < 0 || n > cap) {
            throw new CorruptIndexException("node " + node + " claims " + n + " links on level " + level);
        }
        for (int j = 0; j < n; j++) {
            into[j] = getInt(at + 4 + 4L * j);
        }
        return n;
    }

    /** Where {@code node} is among the nodes of {@code level} (binary search of the sorted rows). */
    private int position(int level, int node) {
        long ids = layout.idsAt[level];
        int lo = 0;
        int hi = layout.counts[level - 1] - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int v = getInt(ids + 4L * mid);
            if (v < node) {
                lo = mid + 1;
            } else if (v > node) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        throw new CorruptIndexException("node " + node + " is linked on level " + level + " but not listed there");
    }

    private int getInt(long at) {
        return single != null ? single.getInt((int) at) : region.getInt(at);
    }
}
