package dev.seqlab.core.kernel;

/**
 * Exact integer dot products of an integer query with int8 codes in the block layout of
 * {@link Int8BlockDots}, eight codes at a time in one {@code long} (SIMD within a register): fast
 * from the JIT's first tier on. The Vector API kernel runs with its vectors boxed, tens of times
 * slower, until the JIT's optimising tier (C2) has compiled it, which a one-shot command never
 * waits for; the plain float kernel costs about 2.8 ns a code in the first tier, this one about
 * 0.5 ns (measured at 200,000 × 300), so a short-lived process can make its first pass over
 * millions of codes without C2.
 *
 * <p>The codes are read as little-endian longs: for dimension {@code k} of a block, the first long
 * holds rows 0–7, the second rows 8–15. Each code {@code c} is biased to {@code c + 128} (an XOR of
 * its sign bit, in all eight bytes at once), and four masks pick two codes each into the 32-bit
 * halves of a long, which one multiply by {@code q[k]} scales both. A half's sum
 * {@code Σ (c + 128)·q[k]} stays within an int when {@code |q[k]| ≤ }{@link #maxQuery(int)}, so the
 * two halves never disturb each other; the bias is then removed with {@code 128·Σ q[k]}.
 */
public final class SwarInt8BlockDots {
    private static final int BLOCK = Int8BlockDots.BLOCK;
    /** The sign bit of every byte: XOR maps a signed code c to the unsigned c + 128. */
    private static final long BIAS = 0x8080808080808080L;
    /** Bytes 0 and 4 of a long, each in the low byte of a 32-bit half. */
    private static final long PAIR = 0x000000FF000000FFL;
    /** The largest biased code. */
    private static final long MAX_BIASED = 255;

    private SwarInt8BlockDots() {}

    /**
     * The largest {@code |q[k]|} a query of {@code dim} dimensions may have: {@code dim} biased
     * codes (at most 255) times it stay below 2³¹; at most 2¹⁵.
     */
    public static int maxQuery(int dim) {
        if (dim < 1) {
            throw new IllegalArgumentException("dim must be positive, got " + dim);
        }
        return (int) Math.min(1 << 15, Integer.MAX_VALUE / (MAX_BIASED * dim));
    }

    /**
     * For the first {@code blocks} blocks of {@code codes}: {@code y[yOff + 16·b + j] = scale ·
     * (float) D} where {@code D = Σ_k q[k]·c} is the exact integer dot product of the query with the
     * codes {@code c} of row {@code 16·b + j} (converted to float, then multiplied: two roundings).
     *
     * @param codes the blocks as little-endian longs, {@code 2·dim} per block
     * @param q the integer query, every {@code |q[k]| ≤ maxQuery(dim)}
     */
    public static void dots(long[] codes, int dim, int blocks, int[] q, float scale, float[] y, int yOff) {
        long bias = 0;
        for (int k = 0; k < dim; k++) {
            bias += q[k];
        }
        bias *= 128;
        for (int b = 0; b < blocks; b++) {
            long a0 = 0;
            long a1 = 0;
            long a2 = 0;
            long a3 = 0;
            long a4 = 0;
            long a5 = 0;
            long a6 = 0;
            long a7 = 0;
            int o = b * dim * 2;
            for (int k = 0; k < dim; k++, o += 2) {
                long qk = q[k];
                long lo = codes[o] ^ BIAS;
                long hi = codes[o + 1] ^ BIAS;
                a0 += (lo & PAIR) * qk;
                a1 += ((lo >>> 8) & PAIR) * qk;
                a2 += ((lo >>> 16) & PAIR) * qk;
                a3 += ((lo >>> 24) & PAIR) * qk;
                a4 += (hi & PAIR) * qk;
                a5 += ((hi >>> 8) & PAIR) * qk;
                a6 += ((hi >>> 16) & PAIR) * qk;
                a7 += ((hi >>> 24) & PAIR) * qk;
            }
            int at = yOff + b * BLOCK;
            // a_m holds row m in its low half and row m + 4 in its high half (bytes m and m + 4)
            put(y, at, a0, a1, a2, a3, bias, scale);
            put(y, at + 8, a4, a5, a6, a7, bias, scale);
        }
    }

    /** Rows {@code at … at + 7} from four accumulators of two halves each. */
    private static void put(float[] y, int at, long a0, long a1, long a2, long a3, long bias, float scale) {
        int l0 = (int) a0;
        int l1 = (int) a1;
        int l2 = (int) a2;
        int l3 = (int) a3;
        y[at] = scale * (float) (l0 - bias);
        y[at + 1] = scale * (float) (l1 - bias);
        y[at + 2] = scale * (float) (l2 - bias);
        y[at + 3] = scale * (float) (l3 - bias);
        // the high half: what is left once the (signed) low half is taken away
        y[at + 4] = scale * (float) (((a0 - l0) >> 32) - bias);
        y[at + 5] = scale * (float) (((a1 - l1) >> 32) - bias);
        y[at + 6] = scale * (float) (((a2 - l2) >> 32) - bias);
        y[at + 7] = scale * (float) (((a3 - l3) >> 32) - bias);
    }
}
