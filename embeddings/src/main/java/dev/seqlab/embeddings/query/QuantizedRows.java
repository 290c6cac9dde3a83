package dev.seqlab.embeddings.query;

import dev.seqlab.core.kernel.Int8BlockDots;
import dev.seqlab.core.kernel.Kernels;

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
 * <p>Codes are laid out for {@link Int8BlockDots}: blocks of 16 rows, dimension-major.
 */
final class QuantizedRows {
    private static final int B = Int8BlockDots.BLOCK;

    private final byte[] codes;
    private final float[] scales;
    private final float[] errors;
    private final int rows;
    private final int dim;

    private QuantizedRows(byte[] codes, float[] scales, float[] errors, int rows, int dim) {
        this.codes = codes;
        this.scales = scales;
        this.errors = errors;
        this.rows = rows;
        this.dim = dim;
    }

    /** Quantises the {@code rows} rows of {@code matrix}, whose norms are given, on the calling thread. */
    static QuantizedRows of(float[] matrix, float[] norms, int rows, int dim) {
        int blocks = (rows + B - 1) / B;
        byte[] codes = new byte[Math.multiplyExact(Math.multiplyExact(blocks, dim), B)];
        float[] scales = new float[rows];
        float[] errors = new float[rows];
        double[] u = new double[dim];
        for (int i = 0; i < rows; i++) {
            quantize(matrix, norms[i], i, dim, u, codes, scales, errors);
        }
        return new QuantizedRows(codes, scales, errors, rows, dim);
    }

    private static void quantize(float[] matrix, float norm, int i, int dim, double[] u, byte[] codes,
                                 float[] scales, float[] errors) {
        if (!(norm > 0)) {
            errors[i] = Float.NaN;
            return;
        }
        double max = 0;
        for (int k = 0; k < dim; k++) {
            u[k] = (double) matrix[i * dim + k] / norm;
            max = Math.max(max, Math.abs(u[k]));
        }
        float scale = (float) (max / 127);
        double err = 0;
        int base = (i / B) * dim * B + i % B;
        for (int k = 0; k < dim; k++) {
            long c = Math.max(-127, Math.min(127, Math.round(u[k] / scale)));
            codes[base + k * B] = (byte) c;
            double d = u[k] - (double) scale * c;
            err += d * d;
        }
        scales[i] = scale;
        errors[i] = Math.nextUp((float) Math.sqrt(err));
    }

    /**
     * Upper bounds of the cosines {@code q·u_i} (as seqlab computes them exactly, in float) of the
     * rows in the blocks {@code [fromBlock, toBlock)} into {@code upper[i]}; NaN for zero rows.
     * {@code upper} has room for whole blocks.
     */
    void upperBounds(float[] q, float qNorm, int fromBlock, int toBlock, float[] upper) {
        Kernels.int8BlockDots().dots(codes, dim, fromBlock, toBlock, q, upper);
        float rounding = qNorm * (float) (4.0 * dim * 0x1p-24 + 0x1p-21);
        int end = Math.min(rows, toBlock * B);
        for (int i = fromBlock * B; i < end; i++) {
            upper[i] = scales[i] * upper[i] + (qNorm * errors[i] + rounding);
        }
    }
}
