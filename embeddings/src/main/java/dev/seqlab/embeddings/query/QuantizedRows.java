package dev.seqlab.embeddings.query;

import dev.seqlab.core.kernel.Int8BlockDots;
import dev.seqlab.core.kernel.Kernels;
import dev.seqlab.core.kernel.SwarInt8BlockDots;
import dev.seqlab.embeddings.store.BlockCodes;
import dev.seqlab.embeddings.store.FloatRows;
import dev.seqlab.embeddings.store.Floats;
import dev.seqlab.embeddings.store.Int8Rows;

/**
 * An int8 copy of a matrix's unit rows, a quarter of the float matrix's size, from which a query
 * gets an upper bound on every row's cosine in one cheap pass. Row {@code i}'s unit vector
 * {@code u} is stored as {@code scale·c} with {@code c} rounded to integers in [−127, 127] and
 * {@code scale = max|u_k| / 127}; {@code error = |u − scale·c|} (computed in double, rounded up)
 * bounds, by Cauchy–Schwarz, how far {@code q·scale·c} can be from the cosine {@code q·u} for a
 * query {@code q}: by {@code |q|·error}. Float rounding of both the approximate and the exact
 * score adds at most {@code |q|·(2·dim·2⁻²⁴ + 2⁻²³)}; the bound adds twice that. Rows with a zero
 * vector have no direction and get an upper bound of NaN, so they are never candidates.
 *
 * <p>Codes are laid out for {@link Int8BlockDots}: blocks of 16 rows, dimension-major. They are
 * built in the heap ({@link #of}) or read in place from a seqlab vectors file ({@link #stored}).
 */
final class QuantizedRows {
    private static final int B = Int8BlockDots.BLOCK;
    /** Rows quantised, or whose scales and errors are read, per chunk copied out of their store. */
    private static final int CHUNK_ROWS = 1024;

    private final BlockCodes codes;
    private final Floats scales;
    private final Floats errors;
    private final int rows;
    private final int dim;
    private final boolean inHeap;
    /** Codes per chunk of the first-tier pass ({@link #upperBounds(IntegerQuery, float, int, int, float[])}). */
    private static final int SWAR_CHUNK_BYTES = 1 << 16;

    /** Per thread: a chunk of codes as longs, for the first-tier pass. */
    private final ThreadLocal<long[]> longChunk;
    /** Per thread: a chunk of scales and of errors, copied out of their store together. */
    private final ThreadLocal<float[][]> statsChunk = ThreadLocal.withInitial(() -> new float[2][CHUNK_ROWS]);

    private QuantizedRows(Int8Rows stored, int rows, int dim, boolean inHeap) {
        this.inHeap = inHeap;
        this.codes = stored.codes();
        this.scales = stored.scales();
        this.errors = stored.errors();
        this.rows = rows;
        this.dim = dim;
        this.longChunk = ThreadLocal.withInitial(() -> new long[swarChunkBlocks() * dim * B / Long.BYTES]);
    }

    private int swarChunkBlocks() {
        return Math.max(1, SWAR_CHUNK_BYTES / (dim * B));
    }

    /** A copy stored with the rows (the first {@code rows} of it are used). */
    static QuantizedRows stored(Int8Rows stored, int rows, int dim) {
        return new QuantizedRows(stored, rows, dim, false);
    }

    /** Quantises the rows of {@code matrix}, whose norms are given, on the calling thread. */
    static QuantizedRows of(FloatRows matrix, Floats norms) {
        int rows = matrix.rows();
        int dim = matrix.dim();
        int blocks = (rows + B - 1) / B;
        byte[] codes = new byte[Math.multiplyExact(Math.multiplyExact(blocks, dim), B)];
        float[] scales = new float[rows];
        float[] errors = new float[rows];
        double[] u = new double[dim];
        float[] chunk = new float[CHUNK_ROWS * dim];
        for (int from = 0; from < rows; from += CHUNK_ROWS) {
            int n = Math.min(CHUNK_ROWS, rows - from);
            matrix.copyRows(from, n, chunk, 0);
            for (int j = 0; j < n; j++) {
                Int8Quantizer.quantize(
                        chunk, j, norms.get(from + j), dim, u, codes, from + j, scales, errors, from + j);
            }
        }
        return new QuantizedRows(
                new Int8Rows(BlockCodes.of(codes), Floats.of(scales), Floats.of(errors)), rows, dim, true);
    }

    /** Whether this copy was built or copied in the heap (not read from where it was stored). */
    boolean inHeap() {
        return inHeap;
    }

    /**
     * This copy moved into the heap, the same bytes and floats: a copy stored in a mapped file is
     * otherwise staged through a small buffer chunk by chunk, which costs a pass about half as
     * much again as reading the codes in place (measured at 3,000,000 × 300).
     */
    QuantizedRows copiedToHeap() {
        int blocks = (rows + B - 1) / B;
        byte[] c = new byte[Math.multiplyExact(Math.multiplyExact(blocks, dim), B)];
        codes.copy(dim, blocks, c);
        float[] s = new float[rows];
        float[] e = new float[rows];
        scales.copy(0, rows, s, 0);
        errors.copy(0, rows, e, 0);
        return new QuantizedRows(new Int8Rows(BlockCodes.of(c), Floats.of(s), Floats.of(e)), rows, dim, true);
    }

    /**
     * Upper bounds of the cosines {@code q·u_i} (as seqlab computes them exactly, in float) of the
     * rows in the blocks {@code [fromBlock, toBlock)} into {@code upper[i]}; NaN for zero rows.
     * {@code upper} has room for whole blocks.
     */
    void upperBounds(float[] q, float qNorm, int fromBlock, int toBlock, float[] upper) {
        upperBounds(Kernels.int8BlockDots(), q, qNorm, fromBlock, toBlock, upper);
    }

    /**
     * As {@link #upperBounds(float[], float, int, int, float[])} with the given kernel: the bounds
     * allow for any order of float accumulation, so every kernel gives valid bounds.
     */
    void upperBounds(Int8BlockDots kernel, float[] q, float qNorm, int fromBlock, int toBlock, float[] upper) {
        codes.dots(kernel, dim, fromBlock, toBlock, q, upper);
        bound(fromBlock, toBlock, qNorm, rounding(qNorm), upper);
    }

    /** {@code upper[i] = scale(i)·upper[i] + (perError·error(i) + fixed)} for the rows of the blocks. */
    private void bound(int fromBlock, int toBlock, float perError, float fixed, float[] upper) {
        int end = Math.min(rows, toBlock * B);
        float[][] buf = statsChunk.get();
        float[] s = buf[0];
        float[] e = buf[1];
        for (int from = fromBlock * B; from < end; from += CHUNK_ROWS) {
            int n = Math.min(CHUNK_ROWS, end - from);
            scales.copy(from, n, s, 0);
            errors.copy(from, n, e, 0);
            for (int j = 0; j < n; j++) {
                upper[from + j] = s[j] * upper[from + j] + (perError * e[j] + fixed);
            }
        }
    }

    /**
     * As {@link #upperBounds(float[], float, int, int, float[])}, the same rows bounded, from the
     * exact integer dot products of the query rounded to integers ({@link IntegerQuery}, whose
     * slack widens each bound by {@code slack·(1 + error)}) with {@link SwarInt8BlockDots}: fast
     * in the JIT's first tier, where the SIMD kernel runs boxed (about five times faster there than
     * the plain float kernel), for the first pass of a short-lived process. The bounds are a little looser (by about {@code |q|·10⁻⁴} at
     * 300 dimensions), which can only add candidates, never change an answer.
     */
    void upperBounds(IntegerQuery iq, float qNorm, int fromBlock, int toBlock, float[] upper) {
        long[] c = longChunk.get();
        int chunk = swarChunkBlocks();
        for (int b = fromBlock; b < toBlock; b += chunk) {
            int n = Math.min(chunk, toBlock - b);
            codes.copyLongs(dim, b, n, c);
            SwarInt8BlockDots.dots(c, dim, n, iq.ints(), iq.scale(), upper, b * B);
        }
        float slack = iq.slack();
        float perError = roundUp((double) qNorm + slack);
        float fixed = roundUp((double) rounding(qNorm) + slack);
        bound(fromBlock, toBlock, perError, fixed, upper);
    }

    private static float roundUp(double x) {
        float f = (float) x;
        return f < x ? Math.nextUp(f) : f;
    }

    /**
     * What the bounds allow for float rounding, for a query of norm {@code qNorm}: the cosine of
     * row {@code i} lies within {@code qNorm·error(i) + rounding(qNorm)} of {@code scale(i)·dot}.
     */
    float rounding(float qNorm) {
        return rounding(dim, qNorm);
    }

    /**
     * {@link #rounding(float)} for rows of {@code dim} dimensions: the float roundings of an
     * approximate score {@code scale·(q·c)} (at most {@code (dim + 1)·2⁻²⁴·|q|·(1 + error)}, with
     * {@code scale·|c| ≤ 1 + error} and {@code error ≤ 1}, since rounding each component to the
     * nearest code is never further off than the code 0) and of the exact score (at most
     * {@code (dim + 2)·2⁻²⁴·|q|}) together stay below {@code |q|·(4·dim·2⁻²⁴ + 2⁻²¹)}. The same
     * allowance holds for the 4-bit copy ({@link NibbleRows}), whose errors are larger but never
     * above 1.
     */
    static float rounding(int dim, float qNorm) {
        return qNorm * (float) (4.0 * dim * 0x1p-24 + 0x1p-21);
    }

    /**
     * For the first {@code count} queries at once, over the rows of the blocks
     * {@code [fromBlock, toBlock)} counted from the block's first row: {@code approx[j][r] =
     * scale·dot} of query {@code j} and {@code errors[r]} the row's error bound, so that the cosine
     * lies within {@code qNorm_j·errors[r] + rounding(qNorm_j)} of {@code approx[j][r]}, exactly
     * as {@link #upperBounds} bounds it. Each block's codes are read once for all the queries.
     */
    void approximations(
            Int8BlockDots kernel,
            float[][] q,
            int count,
            int fromBlock,
            int toBlock,
            float[][] approx,
            float[] errors) {
        codes.dots(kernel, dim, fromBlock, toBlock, q, count, approx);
        int from = fromBlock * B;
        int n = Math.min(rows, toBlock * B) - from;
        float[] s = statsChunk.get()[0];
        for (int done = 0; done < n; done += CHUNK_ROWS) {
            int m = Math.min(CHUNK_ROWS, n - done);
            scales.copy(from + done, m, s, 0);
            this.errors.copy(from + done, m, errors, done);
            for (int j = 0; j < count; j++) {
                float[] a = approx[j];
                for (int r = 0; r < m; r++) {
                    a[done + r] *= s[r];
                }
            }
        }
    }
}
