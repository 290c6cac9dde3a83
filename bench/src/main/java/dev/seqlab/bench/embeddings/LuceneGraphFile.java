package dev.seqlab.bench.embeddings;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.hnsw.HnswGraph;

/**
 * A built Lucene {@link HnswGraph} saved to a file and opened again as a read-only graph, so that
 * {@link AnnVersusLucene} can build Lucene's graph once (a long run) and measure its queries in a
 * later, shorter one. The file holds a header (magic, version, node count, M, construction beam,
 * build threads, the build seconds measured when it was built, when it was built, and the name and
 * size of the vectors file it was built from), then for each level its nodes (sorted; level 0 is
 * every node), their neighbour counts and the neighbours in the order the built graph returns them,
 * then an end marker. Opening checks the vectors file and reads the graph into int arrays.
 */
public final class LuceneGraphFile {
    private static final int MAGIC = 0x534C4847; // "SLHG"
    private static final int END = 0x454E4447; // "ENDG"
    private static final int VERSION = 1;
    private static final int CHUNK_INTS = 1 << 18;

    private LuceneGraphFile() {}

    /**
     * How a saved graph was built.
     *
     * @param nodes the number of vectors (graph nodes)
     * @param m Lucene's M
     * @param beamWidth the construction beam
     * @param threads the build threads
     * @param buildSeconds the build time measured when it was built
     * @param builtAt when the build ended
     * @param vectorsName the file name of the vectors file it was built from
     * @param vectorsBytes that file's size in bytes
     */
    public record Header(
            int nodes,
            int m,
            int beamWidth,
            int threads,
            double buildSeconds,
            Instant builtAt,
            String vectorsName,
            long vectorsBytes) {
        public Header {
            if (nodes < 0) {
                throw new IllegalArgumentException("nodes must be >= 0, got " + nodes);
            }
            Objects.requireNonNull(builtAt, "builtAt");
            Objects.requireNonNull(vectorsName, "vectorsName");
        }

        /** A header for a graph over {@code nodes} vectors of {@code vectors}, built just now. */
        public static Header of(int nodes, int m, int beamWidth, int threads, double buildSeconds, Path vectors)
                throws IOException {
            return new Header(
                    nodes,
                    m,
                    beamWidth,
                    threads,
                    buildSeconds,
                    Instant.now(),
                    vectors.getFileName().toString(),
                    Files.size(vectors));
        }
    }

    /**
     * Writes {@code graph} with {@code header} to {@code path}, through a temporary file in the
     * same directory moved into place, so a crash leaves no half-written graph at {@code path}.
     */
    public static void write(HnswGraph graph, Header header, Path path) throws IOException {
        if (graph.size() != header.nodes()) {
            throw new IllegalArgumentException(
                    "the header says " + header.nodes() + " nodes but the graph has " + graph.size());
        }
        Path dir = path.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, path.getFileName().toString(), ".tmp");
        try {
            try (OutputStream os = Files.newOutputStream(tmp);
                    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(os, 1 << 20))) {
                out.writeInt(MAGIC);
                out.writeInt(VERSION);
                out.writeInt(header.nodes());
                out.writeInt(header.m());
                out.writeInt(header.beamWidth());
                out.writeInt(header.threads());
                out.writeDouble(header.buildSeconds());
                out.writeLong(header.builtAt().toEpochMilli());
                out.writeUTF(header.vectorsName());
                out.writeLong(header.vectorsBytes());
                int levels = graph.numLevels();
                out.writeInt(levels);
                out.writeInt(graph.entryNode());
                int[] buffer = new int[64];
                for (int level = 0; level < levels; level++) {
                    int[] nodes =
                            level == 0 ? null : HnswGraph.NodesIterator.getSortedNodes(graph.getNodesOnLevel(level));
                    int count = level == 0 ? graph.size() : nodes.length;
                    out.writeInt(count);
                    if (nodes != null) {
                        for (int node : nodes) {
                            out.writeInt(node);
                        }
                    }
                    int[] degrees = new int[count];
                    long total = 0;
                    for (int i = 0; i < count; i++) {
                        graph.seek(level, nodes == null ? i : nodes[i]);
                        int d = 0;
                        for (int nb = graph.nextNeighbor();
                                nb != DocIdSetIterator.NO_MORE_DOCS;
                                nb = graph.nextNeighbor()) {
                            d++;
                        }
                        degrees[i] = d;
                        total += d;
                    }
                    if (total > Integer.MAX_VALUE - 8) {
                        throw new IOException(
                                "level " + level + " has " + total + " neighbours, too many for one file");
                    }
                    out.writeLong(total);
                    for (int d : degrees) {
                        out.writeInt(d);
                    }
                    for (int i = 0; i < count; i++) {
                        graph.seek(level, nodes == null ? i : nodes[i]);
                        int d = 0;
                        for (int nb = graph.nextNeighbor();
                                nb != DocIdSetIterator.NO_MORE_DOCS;
                                nb = graph.nextNeighbor()) {
                            if (d == buffer.length) {
                                buffer = Arrays.copyOf(buffer, d * 2);
                            }
                            buffer[d++] = nb;
                        }
                        if (d != degrees[i]) {
                            throw new IOException("node " + i + " on level " + level + " changed while written");
                        }
                        for (int j = 0; j < d; j++) {
                            out.writeInt(buffer[j]);
                        }
                    }
                }
                out.writeInt(END);
            }
            Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Reads only the header of the graph file {@code path}.
     *
     * @throws IOException if {@code path} is not a graph file of this version
     */
    public static Header readHeader(Path path) throws IOException {
        try (DataInputStream in = input(path)) {
            return header(in, path);
        }
    }

    /**
     * Opens the graph file {@code path}, refusing it unless it was built from a file named and
     * sized as {@code vectors} over {@code nodes} of its vectors.
     *
     * @throws IOException if {@code path} is not a whole graph file of this version
     * @throws IllegalArgumentException if it was built from other vectors
     */
    public static Graph open(Path path, Path vectors, int nodes) throws IOException {
        try (DataInputStream in = input(path)) {
            Header h = header(in, path);
            String name = vectors.getFileName().toString();
            long bytes = Files.size(vectors);
            if (!h.vectorsName().equals(name) || h.vectorsBytes() != bytes || h.nodes() != nodes) {
                throw new IllegalArgumentException(String.format(
                        "%s was built from %s (%,d bytes, %,d vectors), not from %s (%,d bytes, %,d vectors):"
                                + " delete it or pass another --lucene-graph path",
                        path, h.vectorsName(), h.vectorsBytes(), h.nodes(), name, bytes, nodes));
            }
            int levels = in.readInt();
            int entry = in.readInt();
            if (levels < 1 || levels > 64 || entry < 0 || entry >= Math.max(1, h.nodes())) {
                throw new IOException(path + ": corrupt graph file (" + levels + " levels, entry node " + entry + ")");
            }
            int[][] levelNodes = new int[levels][];
            int[][] offsets = new int[levels][];
            int[][] neighbours = new int[levels][];
            for (int level = 0; level < levels; level++) {
                int count = in.readInt();
                if (count < 0 || count > h.nodes() || (level == 0 && count != h.nodes())) {
                    throw new IOException(path + ": corrupt graph file (" + count + " nodes on level " + level + ")");
                }
                if (level > 0) {
                    levelNodes[level] = readInts(in, count, path);
                }
                long total = in.readLong();
                if (total < 0 || total > Integer.MAX_VALUE - 8) {
                    throw new IOException(
                            path + ": corrupt graph file (" + total + " neighbours on level " + level + ")");
                }
                int[] degrees = readInts(in, count, path);
                int[] off = new int[count + 1];
                for (int i = 0; i < count; i++) {
                    off[i + 1] = off[i] + degrees[i];
                }
                if (off[count] != total) {
                    throw new IOException(path + ": corrupt graph file (level " + level + " degrees do not add up)");
                }
                offsets[level] = off;
                neighbours[level] = readInts(in, (int) total, path);
            }
            if (in.readInt() != END || in.read() != -1) {
                throw new IOException(path + ": corrupt graph file (no end marker where expected)");
            }
            return new Graph(h, entry, levelNodes, offsets, neighbours);
        } catch (EOFException e) {
            throw new IOException(path + ": truncated graph file (ends early)", e);
        }
    }

    private static DataInputStream input(Path path) throws IOException {
        InputStream is = Files.newInputStream(path);
        return new DataInputStream(new BufferedInputStream(is, 1 << 20));
    }

    private static Header header(DataInputStream in, Path path) throws IOException {
        try {
            int magic = in.readInt();
            if (magic != MAGIC) {
                throw new IOException(path + " is not a Lucene graph file written by LuceneGraphFile (bad magic)");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new IOException(path + ": graph file version " + version + ", expected " + VERSION);
            }
            int nodes = in.readInt();
            int m = in.readInt();
            int beam = in.readInt();
            int threads = in.readInt();
            double seconds = in.readDouble();
            Instant at = Instant.ofEpochMilli(in.readLong());
            String name = in.readUTF();
            long bytes = in.readLong();
            if (nodes < 0) {
                throw new IOException(path + ": corrupt graph file (" + nodes + " nodes)");
            }
            return new Header(nodes, m, beam, threads, seconds, at, name, bytes);
        } catch (EOFException e) {
            throw new IOException(path + ": truncated graph file (ends in its header)", e);
        }
    }

    private static int[] readInts(DataInputStream in, int count, Path path) throws IOException {
        int[] out = new int[count];
        byte[] bytes = new byte[Math.min(count, CHUNK_INTS) * Integer.BYTES];
        for (int at = 0; at < count; ) {
            int n = Math.min(count - at, CHUNK_INTS);
            in.readFully(bytes, 0, n * Integer.BYTES);
            ByteBuffer.wrap(bytes, 0, n * Integer.BYTES).asIntBuffer().get(out, at, n);
            at += n;
        }
        return out;
    }

    /** A saved graph opened read-only: one reader at a time, as Lucene's searchers use graphs. */
    public static final class Graph extends HnswGraph {
        private final Header header;
        private final int entry;
        private final int[][] levelNodes;
        private final int[][] offsets;
        private final int[][] neighbours;
        private int[] current = new int[0];
        private int next;
        private int end;

        private Graph(Header header, int entry, int[][] levelNodes, int[][] offsets, int[][] neighbours) {
            this.header = header;
            this.entry = entry;
            this.levelNodes = levelNodes;
            this.offsets = offsets;
            this.neighbours = neighbours;
        }

        /** How the graph was built. */
        public Header header() {
            return header;
        }

        /** The bytes of its arrays in the heap. */
        public long heapBytes() {
            long ints = 0;
            for (int level = 0; level < offsets.length; level++) {
                ints += offsets[level].length + neighbours[level].length;
                ints += levelNodes[level] == null ? 0 : levelNodes[level].length;
            }
            return ints * Integer.BYTES;
        }

        @Override
        public void seek(int level, int target) {
            int i = level == 0 ? target : Arrays.binarySearch(levelNodes[level], target);
            if (i < 0 || i >= offsets[level].length - 1) {
                throw new IllegalArgumentException("node " + target + " is not on level " + level);
            }
            current = neighbours[level];
            next = offsets[level][i];
            end = offsets[level][i + 1];
        }

        @Override
        public int size() {
            return header.nodes();
        }

        @Override
        public int nextNeighbor() {
            return next < end ? current[next++] : DocIdSetIterator.NO_MORE_DOCS;
        }

        @Override
        public int numLevels() {
            return offsets.length;
        }

        @Override
        public int entryNode() {
            return entry;
        }

        @Override
        public NodesIterator getNodesOnLevel(int level) {
            return level == 0
                    ? new ArrayNodesIterator(size())
                    : new ArrayNodesIterator(levelNodes[level], levelNodes[level].length);
        }
    }
}
