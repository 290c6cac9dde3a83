package dev.seqlab.embeddings.ann;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The byte layout of an HNSW index section (type 100 of a seqlab vectors file), little-endian:
 *
 * <pre>
 *   0  int32  magic "HNSW" (0x57534E48)        32  int64  seed
 *   4  int32  layout version (1 or 2)          40  int32  metric (1 = cosine)
 *   8  int32  rows                             44  int32  zero × 5
 *  12  int32  dim
 *  16  int32  m (level 0 has 2m links)
 *  20  int32  efConstruction
 *  24  int32  maxLevel L
 *  28  int32  entry point
 *  64  int32 × L: nodes on level 1..L
 *  then, each part starting 64-byte aligned:
 *      level 0: rows records of (2m + 1) int32, [count, links..., padding]
 *      for each level l = 1..L: its nodes' rows ascending (int32 × count),
 *                               then their records of (m + 1) int32
 *      version 2 only: rows records of the int8 codes ({@link RowCodes}: float32 scale, dim
 *                      int8, padded to a multiple of 64 bytes)
 * </pre>
 *
 * Unused link slots are −1. Everything the reader needs to find a record is in the header and
 * the level counts, so opening reads 64 + 4L bytes.
 */
final class HnswLayout {
    static final int MAGIC = 0x57534E48;
    /** The version written: the graph and the int8 codes it is searched with. */
    static final int VERSION = 2;
    /** The first version, the graph only (searched with the float rows); still read. */
    static final int VERSION_GRAPH_ONLY = 1;

    static final int COSINE = 1;
    static final int HEADER_BYTES = 64;
    static final int ALIGN = 64;

    final int rows;
    final int dim;
    final int m;
    final int efConstruction;
    final int maxLevel;
    final int entryPoint;
    final long seed;
    final int[] counts;
    final long level0At;
    final long[] idsAt;
    final long[] linksAt;
    final int version;
    /** Where the codes start (version 2), or -1. */
    final long codesAt;

    final long length;

    /**
     * The layout of a graph with these sizes; {@code counts[l - 1]} nodes on level {@code l}.
     */
    HnswLayout(
            int version,
            int rows,
            int dim,
            int m,
            int efConstruction,
            int maxLevel,
            int entryPoint,
            long seed,
            int[] counts) {
        this.version = version;
        this.rows = rows;
        this.dim = dim;
        this.m = m;
        this.efConstruction = efConstruction;
        this.maxLevel = maxLevel;
        this.entryPoint = entryPoint;
        this.seed = seed;
        this.counts = counts;
        this.idsAt = new long[maxLevel + 1];
        this.linksAt = new long[maxLevel + 1];
        long at = align(HEADER_BYTES + 4L * maxLevel);
        level0At = at;
        at = align(at + 4L * rows * (2L * m + 1));
        for (int l = 1; l <= maxLevel; l++) {
            idsAt[l] = at;
            at = align(at + 4L * counts[l - 1]);
            linksAt[l] = at;
            at = align(at + 4L * counts[l - 1] * (m + 1L));
        }
        this.codesAt = version >= VERSION ? at : -1;
        if (version >= VERSION) {
            at += RowCodes.bytes(rows, dim);
        }
        this.length = at;
    }

    static long align(long n) {
        return (n + ALIGN - 1) / ALIGN * ALIGN;
    }

    /** The layout of {@code g} (built over rows of {@code dim}). */
    static HnswLayout of(HeapGraph g, int dim, HnswOptions options) {
        int top = Math.max(0, g.maxLevel);
        int[] counts = new int[top];
        for (byte l : g.levels) {
            for (int k = 1; k <= l; k++) {
                counts[k - 1]++;
            }
        }
        return new HnswLayout(
                VERSION, g.size, dim, g.m, options.efConstruction(), top, g.entryPoint, options.seed(), counts);
    }

    /** Writes {@code g} and the {@code codes} it was built with in this layout ({@link #length} bytes). */
    void write(HeapGraph g, RowCodes codes, OutputStream out) throws IOException {
        SectionOutput w = new SectionOutput(out);
        w.put(MAGIC)
                .put(version)
                .put(rows)
                .put(dim)
                .put(m)
                .put(efConstruction)
                .put(maxLevel)
                .put(entryPoint);
        w.putLong(seed).put(COSINE);
        w.padTo(HEADER_BYTES);
        for (int c : counts) {
            w.put(c);
        }
        w.padTo(level0At);
        int m0 = 2 * m;
        for (int v = 0; v < rows; v++) {
            int base = v * g.record0;
            int n = g.level0[base];
            w.put(n);
            for (int j = 0; j < m0; j++) {
                w.put(j < n ? g.level0[base + 1 + j] : -1);
            }
        }
        for (int l = 1; l <= maxLevel; l++) {
            w.padTo(idsAt[l]);
            for (int v = 0; v < rows; v++) {
                if (g.levels[v] >= l) {
                    w.put(v);
                }
            }
            w.padTo(linksAt[l]);
            for (int v = 0; v < rows; v++) {
                if (g.levels[v] >= l) {
                    int base = (l - 1) * g.recordUp;
                    int n = g.upper[v][base];
                    w.put(n);
                    for (int j = 0; j < m; j++) {
                        w.put(j < n ? g.upper[v][base + 1 + j] : -1);
                    }
                }
            }
        }
        if (version >= VERSION) {
            w.padTo(codesAt);
            w.flush();
            byte[] record = new byte[RowCodes.stride(dim)];
            for (int v = 0; v < rows; v++) {
                codes.record(v, record);
                w.putBytes(record);
            }
        }
        w.padTo(length);
        w.flush();
    }
}
