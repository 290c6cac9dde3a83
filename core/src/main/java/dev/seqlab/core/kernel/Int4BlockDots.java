package dev.seqlab.core.kernel;

/**
 * Upper bounds of cosines from 4-bit codes of unit rows, stored in blocks of {@link #BLOCK} rows
 * with two dimensions to a byte: within block {@code b}, dimension pair {@code p} (dimensions
 * {@code 2p} and {@code 2p + 1}) takes sixteen bytes, byte {@code j} holding row {@code 16·b + j}'s
 * code for dimension {@code 2p} in its low four bits and for {@code 2p + 1} in its high four bits,
 * each a two's-complement nibble in [−8, 7] (a last odd dimension leaves the high nibbles zero). A
 * block takes {@code 16·⌈dim/2⌉} bytes, half the int8 layout of {@link Int8BlockDots}: the first
 * pass of exact search over millions of rows, which is bound by memory bandwidth, reads half as
 * much. A plain and a SIMD implementation, chosen by {@link Kernels#int4BlockDots()}.
 */
public interface Int4BlockDots {
    /** Rows per block. */
    int BLOCK = 16;

    /** The bytes one block of {@code dim}-dimensional rows takes. */
    static int blockBytes(int dim) {
        return BLOCK * ((dim + 1) / 2);
    }

    /**
     * For the rows {@code r} of the blocks {@code [fromBlock, toBlock)}: {@code upper[r] =
     * scales[r]·D + (qNorm·errors[r] + rounding)}, where {@code D = Σ_k q[k]·c_k} over the row's
     * codes is accumulated in float in any order, the product and sums rounded separately (never
     * fused into one rounding by the caller's reckoning: bounds using it allow for the roundings of
     * any order). A row whose error is NaN (a zero row) gets NaN.
     *
     * @param codes the blocks, at least {@code toBlock·blockBytes(dim)} bytes
     * @param q the query, at least {@code dim} floats
     * @param scales one per row, at least {@code 16·toBlock}
     * @param errors one per row, at least {@code 16·toBlock}
     * @param upper receives the bounds at the rows' own indices
     */
    void bounds(
            byte[] codes,
            int dim,
            int fromBlock,
            int toBlock,
            float[] q,
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
