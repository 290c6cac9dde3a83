package dev.seqlab.embeddings.query;

import dev.seqlab.core.kernel.Int4BlockDots;
import dev.seqlab.embeddings.store.FloatRows;
import dev.seqlab.embeddings.store.Floats;

/**
 * A 4-bit copy of a matrix's unit rows, an eighth of the float matrix's size, for the first pass
 * of exact search over millions of rows ({@link NibbleNearest}). Row {@code i}'s unit vector
 * {@code u} is stored as {@code scale·c} with {@code c} rounded to integers in [−7, 7] and
 * {@code scale = max|u_k| / 7}; {@code error = |u − scale·c|} (computed in double, rounded up)
 * bounds by Cauchy–Schwarz how far {@code q·scale·c} can be from the cosine {@code q·u}: by
 * {@code |q|·error}, plus {@link #rounding(int, float, Int4BlockDots.Weights)} for float rounding. The error
 * is about 0.13 at 300 dimensions (0.007 for int8), so the bound is wide, but it is only asked to
 * tell the few rows near the top from the millions far below it. Rows with a zero vector have a
 * NaN error, so their bound is NaN and they are never candidates; so have the rows padding the last
 * block.
 *
 * <p>Codes are laid out for {@link Int4BlockDots}; the scales and errors have one entry per row
 * of whole blocks. Built in the heap from the float rows by {@link #of}.
 */
final class NibbleRows {
    private static final int B = Int4BlockDots.BLOCK;
    /** Rows quantised per chunk copied out of the float rows. */
    private static final int CHUNK_ROWS = 1024;
    /** The largest heap array. */
    private static final long MAX_ARRAY = Integer.MAX_VALUE - 16;

    final byte[] codes;
    final float[] scales;
    final float[] errors;
    final int rows;
    final int dim;

    private NibbleRows(byte[] codes, float[] scales, float[] errors, int rows, int dim) {
        this.codes = codes;
        this.scales = scales;
        this.errors = errors;
        this.rows = rows;
        this.dim = dim;
    }

    /** The heap bytes a copy of {@code rows} × {@code dim} takes: codes, a scale and an error a row. */
    static long bytes(int rows, int dim) {
        long blocks = (rows + B - 1L) / B;
        return blocks * Int4BlockDots.blockBytes(dim) + blocks * B * 8L;
    }

    /** Whether the codes of {@code rows} × {@code dim} fit in one heap array. */
    static boolean fits(int rows, int dim) {
        return (rows + B - 1L) / B * Int4BlockDots.blockBytes(dim) <= MAX_ARRAY;
    }

    /**
     * Quantises the rows of {@code matrix}, whose norms are given, split over {@code threads}
     * threads of {@link QueryThreads} (each a contiguous range of blocks; the bytes do not depend on
     * the split).
     */
    static NibbleRows of(FloatRows matrix, Floats norms, int threads) {
        int rows = matrix.rows();
        int dim = matrix.dim();
        if (!fits(rows, dim)) {
            throw new IllegalArgumentException("a 4-bit copy of " + rows + " × " + dim + " rows is over 2 GB");
        }
        int blocks = (rows + B - 1) / B;
        byte[] codes = new byte[blocks * Int4BlockDots.blockBytes(dim)];
        float[] scales = new float[blocks * B];
        float[] errors = new float[blocks * B];
        java.util.Arrays.fill(errors, rows, errors.length, Float.NaN);
        int parts = Math.max(1, Math.min(threads, blocks));
        Runnable[] tasks = new Runnable[parts];
        for (int t = 0; t < parts; t++) {
            int from = (int) ((long) blocks * t / parts) * B;
            int to = Math.min(rows, (int) ((long) blocks * (t + 1) / parts) * B);
            tasks[t] = () -> {
                double[] u = new double[dim];
                float[] chunk = new float[CHUNK_ROWS * dim];
                for (int r = from; r < to; r += CHUNK_ROWS) {
                    int n = Math.min(CHUNK_ROWS, to - r);
                    matrix.copyRows(r, n, chunk, 0);
                    for (int j = 0; j < n; j++) {
                        quantize(chunk, j, norms.get(r + j), dim, u, codes, r + j, scales, errors);
                    }
                }
            };
        }
        QueryThreads.runAll(tasks);
        return new NibbleRows(codes, scales, errors, rows, dim);
    }

    /**
     * Quantises row {@code srcRow} of {@code src} (row-major, {@code dim} wide), whose norm is
     * {@code norm}, as row {@code row} of the block-layout {@code codes}, with its scale and error
     * bound (error NaN and codes left as they are for a zero row).
     *
     * @param u scratch of at least {@code dim} doubles
     */
    static void quantize(
            float[] src,
            int srcRow,
            float norm,
            int dim,
            double[] u,
            byte[] codes,
            int row,
            float[] scales,
            float[] errors) {
        if (!(norm > 0)) {
            scales[row] = 0f;
            errors[row] = Float.NaN;
            return;
        }
        float scale = (float) (Int8Quantizer.unit(src, srcRow, norm, dim, u) / 7);
        double err = 0;
        for (int k = 0; k < dim; k += 2) {
            int lo = code(u[k], scale);
            int hi = k + 1 < dim ? code(u[k + 1], scale) : 0;
            codes[(int) Int4BlockDots.byteIndex(dim, row, k / 2)] = Int4BlockDots.pack(lo, hi);
            double d = u[k] - (double) scale * lo;
            err += d * d;
            if (k + 1 < dim) {
                d = u[k + 1] - (double) scale * hi;
                err += d * d;
            }
        }
        scales[row] = scale;
        errors[row] = Math.nextUp((float) Math.sqrt(err));
    }

    /** The nearest code in [−7, 7] of the component {@code x} at the scale {@code scale}. */
    private static int code(double x, float scale) {
        return (int) Math.max(-7, Math.min(7, Math.round(x / scale)));
    }

    /**
     * What the bounds of {@link Int4BlockDots#bounds} allow for float rounding, for a query of norm
     * {@code qNorm} whose weights are {@code w}: the roundings {@link QuantizedRows#rounding(int,
     * float)} allows for (the product by the scale, the sums of the slack and the exact score), and
     * the kernels' dot product, within {@code w.error()} of the exact one, times a scale of at most
     * {@code max|u_k|/7 ≤ 1/7} (rounded, so up to {@code 2⁻²⁴} over), rounded up.
     */
    static float rounding(int dim, float qNorm, Int4BlockDots.Weights w) {
        double bound = QuantizedRows.rounding(dim, qNorm) + w.error() / 7.0 * (1 + 0x1p-20);
        float r = (float) bound;
        return r < bound ? Math.nextUp(r) : r;
    }
}
