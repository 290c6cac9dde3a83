package dev.seqlab.core.kernel;

/**
 * Upper bounds of cosines from 4-bit codes of unit rows, stored in blocks of {@link #BLOCK} rows
 * with two dimensions to a byte: within block {@code b}, dimension pair {@code p} (dimensions
 * {@code 2p} and {@code 2p + 1}) takes {@value #BLOCK} consecutive bytes, byte {@code j} holding
 * row {@code 64·b + j}'s codes {@code (lo, hi)} for the two dimensions as {@link #pack}{@code (lo,
 * hi)}: {@code lo + 8} in its low four bits and {@code hi} as a two's-complement nibble in its high
 * four (a last odd dimension has {@code hi = 0}). So the byte read as a signed number is {@code s =
 * (lo + 8) + 16·hi}, and {@code s & 15 = lo + 8}: a row's dot product with a query {@code q} is
 * {@code Σ_p (q_2p − q_2p+1/16)·(s_p & 15) + (q_2p+1/16)·s_p − 8·Σ_p q_2p}, two conversions and two
 * multiply-adds per byte and no shifts ({@link Weights} holds those per-pair factors).
 *
 * <p>A block takes {@code 64·⌈dim/2⌉} bytes, half the int8 layout of {@link Int8BlockDots}: the first
 * pass of exact search over millions of rows, which is bound by memory bandwidth, reads half as
 * much, and a block's bytes for one pair are one cache line, so the pass reads memory in order. A
 * plain and a SIMD implementation, chosen by {@link Kernels#int4BlockDots()}.
 */
public interface Int4BlockDots {
    /** Rows per block. */
    int BLOCK = 64;

    /** The bytes one block of {@code dim}-dimensional rows takes. */
    static int blockBytes(int dim) {
        return BLOCK * ((dim + 1) / 2);
    }

    /** Where row {@code row}'s byte for dimensions {@code 2·pair} and {@code 2·pair + 1} lies. */
    static long byteIndex(int dim, int row, int pair) {
        return (long) (row / BLOCK) * blockBytes(dim) + (long) pair * BLOCK + row % BLOCK;
    }

    /** The byte of the codes {@code lo} and {@code hi}, each in [−8, 7]. */
    static byte pack(int lo, int hi) {
        if (lo < -8 || lo > 7 || hi < -8 || hi > 7) {
            throw new IllegalArgumentException("4-bit codes are in [-8, 7], got " + lo + " and " + hi);
        }
        return (byte) ((lo + 8) | (hi << 4));
    }

    /** The code of the lower dimension in a packed byte. */
    static int low(byte packed) {
        return (packed & 15) - 8;
    }

    /** The code of the higher dimension in a packed byte. */
    static int high(byte packed) {
        return packed >> 4;
    }

    /**
     * A query as the kernels use it: per pair {@code p}, {@code factors[2p] = q_2p − q_2p+1/16} (the
     * factor of {@code s & 15}) and {@code factors[2p + 1] = q_2p+1/16} (the factor of {@code s}),
     * the {@code constant −8·Σ_p q_2p}, and {@code error}, a bound on how far a dot product the
     * kernels compute from these (in any order of float sums) can be from the true {@code Σ q_k·c_k}.
     *
     * <p>The error bound: with {@code n = dim + 2} roundings at most along any order of summing the
     * {@code dim + 1} terms, recursive summation is within {@code γ_n·T} of the sum of the terms
     * ({@code γ_n = n·u/(1 − n·u)}, {@code u = 2⁻²⁴}), where {@code T = |constant| + 15·Σ|factors[2p]| +
     * 128·Σ|factors[2p + 1]|} bounds the terms' magnitudes ({@code 0 ≤ s & 15 ≤ 15}, {@code |s| ≤ 128});
     * the factors and the constant are themselves within {@code u} (relative) of their exact
     * values, which adds at most {@code u·T}; the division by 16 is exact unless it underflows, which
     * an absolute {@code dim·2⁻¹²⁰} covers. {@code error} is {@code (γ_(dim+3)·T)·(1 + 2⁻²⁰) + dim·2⁻¹²⁰},
     * rounded up.
     */
    record Weights(float[] factors, float constant, float error) {
        /** The weights of the query {@code q}'s first {@code dim} components. */
        public static Weights of(float[] q, int dim) {
            int pairs = (dim + 1) / 2;
            float[] f = new float[2 * pairs];
            double sumLow = 0;
            for (int p = 0; p < pairs; p++) {
                float hi = 2 * p + 1 < dim ? q[2 * p + 1] * 0x1p-4f : 0f;
                f[2 * p] = q[2 * p] - hi;
                f[2 * p + 1] = hi;
                sumLow += q[2 * p];
            }
            float constant = (float) (-8 * sumLow);
            double t = Math.abs((double) constant);
            for (int p = 0; p < pairs; p++) {
                t += 15.0 * Math.abs(f[2 * p]) + 128.0 * Math.abs(f[2 * p + 1]);
            }
            double nu = (dim + 3) * 0x1p-24;
            double bound = nu / (1 - nu) * t * (1 + 0x1p-20) + dim * 0x1p-120;
            float error = (float) bound;
            return new Weights(f, constant, error < bound ? Math.nextUp(error) : error);
        }
    }

    /**
     * For the rows {@code r} of the blocks {@code [fromBlock, toBlock)}: {@code upper[r] =
     * scales[r]·D + (qNorm·errors[r] + rounding)}, where {@code D} is the row's dot product with the
     * query of {@code w} accumulated in float from {@code w}'s factors and constant in any order
     * (within {@code w.error()} of the exact one), the product and sums rounded separately. A row
     * whose error is NaN (a zero row) gets NaN.
     *
     * @param codes the blocks, at least {@code toBlock·blockBytes(dim)} bytes
     * @param w the query's {@link Weights} for {@code dim} dimensions
     * @param scales one per row, at least {@code 64·toBlock}
     * @param errors one per row, at least {@code 64·toBlock}
     * @param upper receives the bounds at the rows' own indices
     */
    void bounds(
            byte[] codes,
            int dim,
            int fromBlock,
            int toBlock,
            Weights w,
            float[] scales,
            float[] errors,
            float qNorm,
            float rounding,
            float[] upper);

    /**
     * The indices {@code r} in {@code [from, to)} with {@code y[r] >= threshold} (never NaN), in
     * increasing order, into {@code rows} from its start.
     *
     * @return how many were written
     */
    int atLeast(float[] y, int from, int to, float threshold, int[] rows);

    /** "plain" or "vector". */
    String name();
}
