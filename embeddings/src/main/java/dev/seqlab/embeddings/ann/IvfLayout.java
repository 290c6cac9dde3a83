package dev.seqlab.embeddings.ann;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The byte layout of an inverted-file index section (type 100 of a seqlab vectors file, told from
 * an HNSW section by its magic number), little-endian:
 *
 * <pre>
 *   0  int32  magic "IVF8" (0x38465649)        32  int64  seed
 *   4  int32  layout version (1)               40  int32  metric (1 = cosine)
 *   8  int32  rows                             44  int32  k-means iterations
 *  12  int32  dim                              48  int32  training rows per list
 *  16  int32  lists L                          52  int32  zero × 3
 *  20  int32  default probes (search effort)
 *  24  int32  rerank
 *  28  float32 probe margin
 *  then, each part starting 64-byte aligned:
 *      the L centroids as int8 codes ({@link RowCodes} records: float32 scale, dim int8, padded
 *      to a multiple of 64 bytes), a quarter of the bytes a search reads for float centroids
 *      the centroids' squared norms (of the float centroids), float32 × L
 *      list starts, int32 × (L + 1): list j holds positions [start j, start j+1)
 *      the row of each position, int32 × rows (rows grouped by list, ascending within a list)
 *      the int8 code of each position ({@link RowCodes}: float32 scale, dim int8, padded to a
 *      multiple of 64 bytes), so probing a list reads one contiguous run of records
 * </pre>
 *
 * Everything the reader needs to find a part is in the header, so opening reads 64 bytes (and
 * the first and last list starts).
 */
final class IvfLayout {
    /** "IVF8" read as a little-endian int32. */
    static final int MAGIC = 0x38465649;

    static final int VERSION = 1;
    static final int COSINE = 1;
    static final int HEADER_BYTES = 64;
    static final int ALIGN = 64;

    final int rows;
    final int dim;
    final int lists;
    final int probes;
    final int rerank;
    final float margin;
    final long seed;
    final int iterations;
    final int samplePerList;

    final int centroidStride;
    final long centroidsAt;
    final long normsAt;
    final long startsAt;
    final long idsAt;
    final long codesAt;
    final long length;

    IvfLayout(
            int rows,
            int dim,
            int lists,
            int probes,
            int rerank,
            float margin,
            long seed,
            int iterations,
            int samplePerList) {
        this.rows = rows;
        this.dim = dim;
        this.lists = lists;
        this.probes = probes;
        this.rerank = rerank;
        this.margin = margin;
        this.seed = seed;
        this.iterations = iterations;
        this.samplePerList = samplePerList;
        this.centroidStride = RowCodes.stride(dim);
        this.centroidsAt = HEADER_BYTES;
        this.normsAt = align(centroidsAt + (long) centroidStride * lists);
        this.startsAt = align(normsAt + 4L * lists);
        this.idsAt = align(startsAt + 4L * (lists + 1));
        this.codesAt = align(idsAt + 4L * rows);
        this.length = codesAt + RowCodes.bytes(rows, dim);
    }

    /** The layout of an index over {@code rows} rows of {@code dim} in {@code lists} lists, built with {@code o}. */
    static IvfLayout of(int rows, int dim, int lists, IvfOptions o) {
        return new IvfLayout(
                rows, dim, lists, o.probes(), o.rerank(), o.margin(), o.seed(), o.iterations(), o.samplePerList());
    }

    static long align(long n) {
        return (n + ALIGN - 1) / ALIGN * ALIGN;
    }

    /**
     * Writes the index in this layout ({@link #length} bytes).
     *
     * @param centroids the centroids, {@code lists × dim} row-major
     * @param norms     their squared norms
     * @param starts    where each list starts among the positions, {@code lists + 1} values
     * @param ids       the row at each position
     * @param codes     the int8 codes of the rows, by row
     */
    void write(float[] centroids, float[] norms, int[] starts, int[] ids, RowCodes codes, OutputStream out)
            throws IOException {
        SectionOutput w = new SectionOutput(out);
        w.put(MAGIC).put(VERSION).put(rows).put(dim).put(lists).put(probes).put(rerank);
        w.putFloat(margin).putLong(seed).put(COSINE).put(iterations).put(samplePerList);
        w.padTo(HEADER_BYTES);
        w.padTo(centroidsAt);
        ByteBuffer record = ByteBuffer.allocate(centroidStride).order(ByteOrder.LITTLE_ENDIAN);
        for (int c = 0; c < lists; c++) {
            RowCodes.encode(centroids, c * dim, dim, record, 0);
            w.putBytes(record.array());
        }
        w.padTo(normsAt);
        for (float n : norms) {
            w.putFloat(n);
        }
        w.padTo(startsAt);
        for (int s : starts) {
            w.put(s);
        }
        w.padTo(idsAt);
        for (int id : ids) {
            w.put(id);
        }
        w.padTo(codesAt);
        byte[] code = new byte[RowCodes.stride(dim)];
        for (int id : ids) {
            codes.record(id, code);
            w.putBytes(code);
        }
        w.padTo(length);
        w.flush();
    }
}
