package dev.seqlab.embeddings.ann;

import dev.seqlab.embeddings.store.MappedRegion;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The int8 copy of the unit rows that the graph is searched with, one record per row, row-major:
 * {@code [float32 scale][int8 code × dim]}, padded to a multiple of {@value #ALIGN} bytes, so a
 * score reads a quarter of the bytes of a float row, in whole cache lines. Row {@code i}'s unit
 * vector is about {@code scale·code}: the scale is the row's largest magnitude over 127 and each
 * code is rounded to the nearest. The search ranks with these scores and rescores its final
 * candidates with the float rows. Records never straddle two buffers (their length and the
 * mapping's segments are multiples of {@value #ALIGN}).
 */
final class RowCodes {
    /** Record alignment (a cache line). */
    static final int ALIGN = 64;
    /** Rows quantised per task while building. */
    private static final int CHUNK = 4096;

    private final ByteBuffer[] buffers;
    private final long bufferBytes;
    private final long base;
    private final int stride;
    private final int dim;
    private final DotKernel kernel = DotKernels.KERNEL;

    private RowCodes(ByteBuffer[] buffers, long bufferBytes, long base, int dim) {
        this.buffers = buffers;
        this.bufferBytes = bufferBytes;
        this.base = base;
        this.stride = stride(dim);
        this.dim = dim;
    }

    /** Bytes per record for rows of {@code dim}. */
    static int stride(int dim) {
        return (4 + dim + ALIGN - 1) / ALIGN * ALIGN;
    }

    /** The codes stored in {@code region} from byte {@code at} (a multiple of {@value #ALIGN}). */
    static RowCodes mapped(MappedRegion region, long at, int dim) {
        ByteBuffer[] b = new ByteBuffer[region.segmentCount()];
        for (int s = 0; s < b.length; s++) {
            b[s] = region.segment(s);
        }
        return new RowCodes(b, region.segmentBytes(), at, dim);
    }

    /**
     * Quantises every row of {@code rows} into the heap on {@code threads} threads (the same bytes
     * for any number of threads).
     *
     * @throws InterruptedException if the calling thread is interrupted (the workers stop too)
     */
    static RowCodes quantize(UnitRows rows, int threads) throws InterruptedException {
        int dim = rows.dim();
        int stride = stride(dim);
        int perBuffer = Math.max(1, (1 << 30) / stride);
        int n = rows.rows();
        ByteBuffer[] buffers = new ByteBuffer[Math.max(1, (n + perBuffer - 1) / perBuffer)];
        for (int s = 0; s < buffers.length; s++) {
            int count = Math.min(perBuffer, n - s * perBuffer);
            buffers[s] = ByteBuffer.allocate(Math.max(0, count) * stride).order(ByteOrder.LITTLE_ENDIAN);
        }
        RowCodes codes = new RowCodes(buffers, (long) perBuffer * stride, 0, dim);
        AtomicInteger next = new AtomicInteger();
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            workers[t] = new Thread(
                    () -> {
                        float[] u = new float[dim];
                        for (int from = next.getAndAdd(CHUNK); from < n; from = next.getAndAdd(CHUNK)) {
                            if (Thread.currentThread().isInterrupted()) {
                                return;
                            }
                            for (int r = from; r < Math.min(n, from + CHUNK); r++) {
                                rows.unit(r, u);
                                codes.put(r, u);
                            }
                        }
                    },
                    "seqlab-hnsw-quantize");
            workers[t].setDaemon(true);
            workers[t].start();
        }
        try {
            for (Thread w : workers) {
                w.join();
            }
        } finally {
            for (Thread w : workers) {
                w.interrupt();
            }
        }
        return codes;
    }

    /** Stores the record of row {@code row} for its unit vector {@code u}. */
    private void put(int row, float[] u) {
        long pos = base + (long) row * stride;
        encode(u, 0, dim, buffers[(int) (pos / bufferBytes)], (int) (pos % bufferBytes));
    }

    /**
     * Writes the record of the vector {@code v[off, off + dim)} into {@code b} at byte {@code at}:
     * its scale (the largest magnitude over 127) and each component over the scale, rounded to the
     * nearest int8.
     */
    static void encode(float[] v, int off, int dim, ByteBuffer b, int at) {
        float max = 0;
        for (int k = 0; k < dim; k++) {
            max = Math.max(max, Math.abs(v[off + k]));
        }
        float scale = max / 127;
        b.putFloat(at, scale);
        for (int k = 0; k < dim; k++) {
            int c = scale == 0 ? 0 : Math.round(v[off + k] / scale);
            b.put(at + 4 + k, (byte) Math.max(-127, Math.min(127, c)));
        }
    }

    /** The approximate cosine of the unit vector {@code q} with row {@code row}. */
    float similarity(float[] q, int row) {
        long pos = base + (long) row * stride;
        ByteBuffer b = buffers[(int) (pos / bufferBytes)];
        int at = (int) (pos % bufferBytes);
        return b.getFloat(at) * kernel.dotBytes(q, b, at + 4, dim);
    }

    /**
     * The length of the query {@link #scan} takes: {@code dim} rounded up to the kernel's lanes
     * when a record has room for that many codes (so the scan has no scalar tail), else {@code dim}.
     */
    int scanLength() {
        int lanes = kernel.lanes();
        int padded = (dim + lanes - 1) / lanes * lanes;
        return 4 + padded <= stride ? padded : dim;
    }

    /**
     * The approximate cosines of a unit query with the consecutive records {@code [from, to)},
     * into {@code out[0, to − from)}. The query is copied into {@code x[0, dim)} of an array of
     * {@link #scanLength} floats, zero after {@code dim}; one call of the kernel per buffer the
     * records lie in.
     */
    void scan(float[] x, int from, int to, float[] out) {
        long pos = base + (long) from * stride;
        int s = (int) (pos / bufferBytes);
        int at = (int) (pos % bufferBytes);
        int done = 0;
        int count = to - from;
        while (done < count) {
            if (at >= bufferBytes) {
                s++;
                at = 0;
            }
            int here = (int) Math.min(count - done, (bufferBytes - at + stride - 1) / stride);
            kernel.dotRecords(x, buffers[s], at, stride, here, out, done);
            done += here;
            at += here * stride;
        }
    }

    /** The number of bytes of {@code rows} records. */
    static long bytes(int rows, int dim) {
        return (long) rows * stride(dim);
    }

    /** Copies the record of row {@code row} (its {@link #stride} bytes) into {@code dst}. */
    void record(int row, byte[] dst) {
        long pos = base + (long) row * stride;
        ByteBuffer b = buffers[(int) (pos / bufferBytes)];
        b.get((int) (pos % bufferBytes), dst, 0, stride);
    }
}
