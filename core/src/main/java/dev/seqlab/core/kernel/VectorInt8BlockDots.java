package dev.seqlab.core.kernel;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorOperators.Conversion;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Int8BlockDots} with the Vector API. Each row's dot product is one float accumulator
 * fed by a fused multiply-add per dimension, in dimension order, so a row gets the same float
 * whichever way the work is grouped. A batch of queries is taken sixteen at a time, and the rest
 * in one group of sixteen, eight or four padded with zero queries: each dimension's sixteen codes
 * are widened to floats once and multiplied into one accumulator per query of the group (one
 * 512-bit vector each), so the widening, which costs as much as two multiply-adds, is shared, and
 * the independent accumulators keep the multiply-add units busy. A query alone (or one left over)
 * runs four blocks at a time for the same reason. On 256-bit machines, one query at a time, each
 * block in two halves. Loaded only when the module is present. The Vector API calls are written
 * out in the loops rather than in helper methods: a helper the JIT happens to compile on its own
 * first can be too large to inline later, and the vectors are then boxed (three times slower, for
 * the rest of the run).
 */
final class VectorInt8BlockDots implements Int8BlockDots {
    private static final Conversion<Byte, Float> B2F = VectorOperators.B2F;
    private static final VectorSpecies<Float> F16 = FloatVector.SPECIES_512;
    private static final VectorSpecies<Byte> B16 = ByteVector.SPECIES_128;
    private static final VectorSpecies<Float> F8 = FloatVector.SPECIES_256;
    private static final VectorSpecies<Byte> B8 = ByteVector.SPECIES_64;
    private static final VectorSpecies<Float> SCREEN = FloatVector.SPECIES_PREFERRED;
    private final boolean wide = FloatVector.SPECIES_PREFERRED.length() >= 16;
    /** Per thread: a zero query and a sink for the results of the padding of a group. */
    private static final ThreadLocal<float[][]> PADS = ThreadLocal.withInitial(() -> new float[2][0]);

    private static final int ZERO_QUERY = 0;
    private static final int SINK = 1;

    VectorInt8BlockDots() {
        if (FloatVector.SPECIES_PREFERRED.length() < 8) {
            throw new UnsupportedOperationException("preferred float vectors narrower than 256 bits");
        }
    }

    @Override
    public void dots(byte[] codes, int dim, int fromBlock, int toBlock, float[] q, float[] y) {
        if (wide) {
            dots16(codes, dim, fromBlock, toBlock, q, y, 0);
        } else {
            dots8(codes, dim, fromBlock, toBlock, q, y, 0);
        }
    }

    /**
     * Whole groups of sixteen, then what is left in one group padded with zero queries (whose
     * results are discarded) when that costs less than smaller groups and single queries: nine to
     * fifteen queries in a group of sixteen, five to eight in one of eight, two to four in one of
     * four (measured per query at 400,000 × 100: about 1, 1.3, 2 and 6 ms of CPU in groups of 16,
     * 8, 4 and alone). Padding changes no real query's floats: each has its own accumulators.
     */
    @Override
    public void dots(byte[] codes, int dim, int fromBlock, int toBlock, float[][] q, int count, float[][] y) {
        int j = 0;
        if (wide) {
            for (; j + 16 <= count; j += 16) {
                group16(codes, dim, fromBlock, toBlock, q, j, y);
            }
            int left = count - j;
            if (left >= 2) {
                int width = left > 8 ? 16 : left > 4 ? 8 : 4;
                float[][] pq = padded(q, j, left, width, dim, ZERO_QUERY);
                float[][] py = padded(y, j, left, width, (toBlock - fromBlock) * BLOCK, SINK);
                if (width == 16) {
                    group16(codes, dim, fromBlock, toBlock, pq, 0, py);
                } else if (width == 8) {
                    group8(codes, dim, fromBlock, toBlock, pq, 0, py);
                } else {
                    group4(codes, dim, fromBlock, toBlock, pq, 0, py);
                }
                return;
            }
        }
        for (; j < count; j++) {
            if (wide) {
                dots16(codes, dim, fromBlock, toBlock, q[j], y[j], -fromBlock * BLOCK);
            } else {
                dots8(codes, dim, fromBlock, toBlock, q[j], y[j], -fromBlock * BLOCK);
            }
        }
    }

    /** Queries {@code j … j + 15}: 16 accumulators, each dimension's codes widened once for all of them. */
    private static void group16(byte[] codes, int dim, int fromBlock, int toBlock, float[][] q, int j, float[][] y) {
        float[] q0 = q[j + 0];
        float[] q1 = q[j + 1];
        float[] q2 = q[j + 2];
        float[] q3 = q[j + 3];
        float[] q4 = q[j + 4];
        float[] q5 = q[j + 5];
        float[] q6 = q[j + 6];
        float[] q7 = q[j + 7];
        float[] q8 = q[j + 8];
        float[] q9 = q[j + 9];
        float[] q10 = q[j + 10];
        float[] q11 = q[j + 11];
        float[] q12 = q[j + 12];
        float[] q13 = q[j + 13];
        float[] q14 = q[j + 14];
        float[] q15 = q[j + 15];
        for (int b = fromBlock; b < toBlock; b++) {
            FloatVector a0 = FloatVector.zero(F16);
            FloatVector a1 = FloatVector.zero(F16);
            FloatVector a2 = FloatVector.zero(F16);
            FloatVector a3 = FloatVector.zero(F16);
            FloatVector a4 = FloatVector.zero(F16);
            FloatVector a5 = FloatVector.zero(F16);
            FloatVector a6 = FloatVector.zero(F16);
            FloatVector a7 = FloatVector.zero(F16);
            FloatVector a8 = FloatVector.zero(F16);
            FloatVector a9 = FloatVector.zero(F16);
            FloatVector a10 = FloatVector.zero(F16);
            FloatVector a11 = FloatVector.zero(F16);
            FloatVector a12 = FloatVector.zero(F16);
            FloatVector a13 = FloatVector.zero(F16);
            FloatVector a14 = FloatVector.zero(F16);
            FloatVector a15 = FloatVector.zero(F16);
            int o = b * dim * BLOCK;
            for (int k = 0; k < dim; k++, o += BLOCK) {
                FloatVector c =
                        (FloatVector) ByteVector.fromArray(B16, codes, o).convertShape(B2F, F16, 0);
                a0 = c.fma(FloatVector.broadcast(F16, q0[k]), a0);
                a1 = c.fma(FloatVector.broadcast(F16, q1[k]), a1);
                a2 = c.fma(FloatVector.broadcast(F16, q2[k]), a2);
                a3 = c.fma(FloatVector.broadcast(F16, q3[k]), a3);
                a4 = c.fma(FloatVector.broadcast(F16, q4[k]), a4);
                a5 = c.fma(FloatVector.broadcast(F16, q5[k]), a5);
                a6 = c.fma(FloatVector.broadcast(F16, q6[k]), a6);
                a7 = c.fma(FloatVector.broadcast(F16, q7[k]), a7);
                a8 = c.fma(FloatVector.broadcast(F16, q8[k]), a8);
                a9 = c.fma(FloatVector.broadcast(F16, q9[k]), a9);
                a10 = c.fma(FloatVector.broadcast(F16, q10[k]), a10);
                a11 = c.fma(FloatVector.broadcast(F16, q11[k]), a11);
                a12 = c.fma(FloatVector.broadcast(F16, q12[k]), a12);
                a13 = c.fma(FloatVector.broadcast(F16, q13[k]), a13);
                a14 = c.fma(FloatVector.broadcast(F16, q14[k]), a14);
                a15 = c.fma(FloatVector.broadcast(F16, q15[k]), a15);
            }
            int at = (b - fromBlock) * BLOCK;
            a0.intoArray(y[j + 0], at);
            a1.intoArray(y[j + 1], at);
            a2.intoArray(y[j + 2], at);
            a3.intoArray(y[j + 3], at);
            a4.intoArray(y[j + 4], at);
            a5.intoArray(y[j + 5], at);
            a6.intoArray(y[j + 6], at);
            a7.intoArray(y[j + 7], at);
            a8.intoArray(y[j + 8], at);
            a9.intoArray(y[j + 9], at);
            a10.intoArray(y[j + 10], at);
            a11.intoArray(y[j + 11], at);
            a12.intoArray(y[j + 12], at);
            a13.intoArray(y[j + 13], at);
            a14.intoArray(y[j + 14], at);
            a15.intoArray(y[j + 15], at);
        }
    }

    /** Queries {@code j … j + 7}: 8 accumulators, each dimension's codes widened once for all of them. */
    private static void group8(byte[] codes, int dim, int fromBlock, int toBlock, float[][] q, int j, float[][] y) {
        float[] q0 = q[j + 0];
        float[] q1 = q[j + 1];
        float[] q2 = q[j + 2];
        float[] q3 = q[j + 3];
        float[] q4 = q[j + 4];
        float[] q5 = q[j + 5];
        float[] q6 = q[j + 6];
        float[] q7 = q[j + 7];
        for (int b = fromBlock; b < toBlock; b++) {
            FloatVector a0 = FloatVector.zero(F16);
            FloatVector a1 = FloatVector.zero(F16);
            FloatVector a2 = FloatVector.zero(F16);
            FloatVector a3 = FloatVector.zero(F16);
            FloatVector a4 = FloatVector.zero(F16);
            FloatVector a5 = FloatVector.zero(F16);
            FloatVector a6 = FloatVector.zero(F16);
            FloatVector a7 = FloatVector.zero(F16);
            int o = b * dim * BLOCK;
            for (int k = 0; k < dim; k++, o += BLOCK) {
                FloatVector c =
                        (FloatVector) ByteVector.fromArray(B16, codes, o).convertShape(B2F, F16, 0);
                a0 = c.fma(FloatVector.broadcast(F16, q0[k]), a0);
                a1 = c.fma(FloatVector.broadcast(F16, q1[k]), a1);
                a2 = c.fma(FloatVector.broadcast(F16, q2[k]), a2);
                a3 = c.fma(FloatVector.broadcast(F16, q3[k]), a3);
                a4 = c.fma(FloatVector.broadcast(F16, q4[k]), a4);
                a5 = c.fma(FloatVector.broadcast(F16, q5[k]), a5);
                a6 = c.fma(FloatVector.broadcast(F16, q6[k]), a6);
                a7 = c.fma(FloatVector.broadcast(F16, q7[k]), a7);
            }
            int at = (b - fromBlock) * BLOCK;
            a0.intoArray(y[j + 0], at);
            a1.intoArray(y[j + 1], at);
            a2.intoArray(y[j + 2], at);
            a3.intoArray(y[j + 3], at);
            a4.intoArray(y[j + 4], at);
            a5.intoArray(y[j + 5], at);
            a6.intoArray(y[j + 6], at);
            a7.intoArray(y[j + 7], at);
        }
    }

    /** Queries {@code j … j + 3}: 4 accumulators, each dimension's codes widened once for all of them. */
    private static void group4(byte[] codes, int dim, int fromBlock, int toBlock, float[][] q, int j, float[][] y) {
        float[] q0 = q[j + 0];
        float[] q1 = q[j + 1];
        float[] q2 = q[j + 2];
        float[] q3 = q[j + 3];
        for (int b = fromBlock; b < toBlock; b++) {
            FloatVector a0 = FloatVector.zero(F16);
            FloatVector a1 = FloatVector.zero(F16);
            FloatVector a2 = FloatVector.zero(F16);
            FloatVector a3 = FloatVector.zero(F16);
            int o = b * dim * BLOCK;
            for (int k = 0; k < dim; k++, o += BLOCK) {
                FloatVector c =
                        (FloatVector) ByteVector.fromArray(B16, codes, o).convertShape(B2F, F16, 0);
                a0 = c.fma(FloatVector.broadcast(F16, q0[k]), a0);
                a1 = c.fma(FloatVector.broadcast(F16, q1[k]), a1);
                a2 = c.fma(FloatVector.broadcast(F16, q2[k]), a2);
                a3 = c.fma(FloatVector.broadcast(F16, q3[k]), a3);
            }
            int at = (b - fromBlock) * BLOCK;
            a0.intoArray(y[j + 0], at);
            a1.intoArray(y[j + 1], at);
            a2.intoArray(y[j + 2], at);
            a3.intoArray(y[j + 3], at);
        }
    }

    /**
     * {@code a[from … from + n)} followed by {@code width − n} references to one array of at least
     * {@code length} floats, the calling thread's own: all zeros when it pads the queries, a sink
     * for the discarded results when it pads the outputs.
     */
    private static float[][] padded(float[][] a, int from, int n, int width, int length, int which) {
        float[][] pads = PADS.get();
        if (pads[which].length < length) {
            pads[which] = new float[length];
        }
        float[][] out = new float[width][];
        System.arraycopy(a, from, out, 0, n);
        for (int i = n; i < width; i++) {
            out[i] = pads[which];
        }
        return out;
    }

    /** One query, four blocks at a time (then one), its dot products at {@code y[16·b + yOff]}. */
    private static void dots16(byte[] codes, int dim, int fromBlock, int toBlock, float[] q, float[] y, int yOff) {
        int stride = dim * BLOCK;
        int b = fromBlock;
        for (; b + 4 <= toBlock; b += 4) {
            FloatVector a0 = FloatVector.zero(F16);
            FloatVector a1 = FloatVector.zero(F16);
            FloatVector a2 = FloatVector.zero(F16);
            FloatVector a3 = FloatVector.zero(F16);
            int o = b * stride;
            for (int k = 0; k < dim; k++, o += BLOCK) {
                FloatVector qk = FloatVector.broadcast(F16, q[k]);
                a0 = ((FloatVector) ByteVector.fromArray(B16, codes, o).convertShape(B2F, F16, 0)).fma(qk, a0);
                a1 = ((FloatVector) ByteVector.fromArray(B16, codes, o + stride).convertShape(B2F, F16, 0)).fma(qk, a1);
                a2 = ((FloatVector)
                                ByteVector.fromArray(B16, codes, o + 2 * stride).convertShape(B2F, F16, 0))
                        .fma(qk, a2);
                a3 = ((FloatVector)
                                ByteVector.fromArray(B16, codes, o + 3 * stride).convertShape(B2F, F16, 0))
                        .fma(qk, a3);
            }
            int at = b * BLOCK + yOff;
            a0.intoArray(y, at);
            a1.intoArray(y, at + BLOCK);
            a2.intoArray(y, at + 2 * BLOCK);
            a3.intoArray(y, at + 3 * BLOCK);
        }
        for (; b < toBlock; b++) {
            FloatVector a = FloatVector.zero(F16);
            int o = b * stride;
            for (int k = 0; k < dim; k++, o += BLOCK) {
                a = ((FloatVector) ByteVector.fromArray(B16, codes, o).convertShape(B2F, F16, 0))
                        .fma(FloatVector.broadcast(F16, q[k]), a);
            }
            a.intoArray(y, b * BLOCK + yOff);
        }
    }

    private static void dots8(byte[] codes, int dim, int fromBlock, int toBlock, float[] q, float[] y, int yOff) {
        for (int b = fromBlock; b < toBlock; b++) {
            FloatVector lo = FloatVector.zero(F8);
            FloatVector hi = FloatVector.zero(F8);
            int o = b * dim * BLOCK;
            for (int k = 0; k < dim; k++, o += BLOCK) {
                FloatVector qk = FloatVector.broadcast(F8, q[k]);
                lo = ((FloatVector) ByteVector.fromArray(B8, codes, o).convertShape(B2F, F8, 0)).fma(qk, lo);
                hi = ((FloatVector) ByteVector.fromArray(B8, codes, o + 8).convertShape(B2F, F8, 0)).fma(qk, hi);
            }
            lo.intoArray(y, b * BLOCK + yOff);
            hi.intoArray(y, b * BLOCK + 8 + yOff);
        }
    }

    /**
     * Most groups of lanes have no row reaching the threshold: one vector test ({@code anyTrue})
     * says so, and only the other groups are screened again row by row, in float exactly as
     * documented (the lanes compute the same floats, so the rows found are the lanes that passed).
     */
    @Override
    public int reaching(
            float[] approx, float[] errors, int n, float qNorm, float rounding, float threshold, int[] rows) {
        int m = 0;
        int r = 0;
        int lanes = SCREEN.length();
        FloatVector qn = FloatVector.broadcast(SCREEN, qNorm);
        FloatVector round = FloatVector.broadcast(SCREEN, rounding);
        for (; r + lanes <= n; r += lanes) {
            FloatVector slack = FloatVector.fromArray(SCREEN, errors, r).mul(qn).add(round);
            if (FloatVector.fromArray(SCREEN, approx, r)
                    .add(slack)
                    .compare(VectorOperators.GE, threshold)
                    .anyTrue()) {
                m = reachingRows(approx, errors, r, r + lanes, qNorm, rounding, threshold, rows, m);
            }
        }
        return reachingRows(approx, errors, r, n, qNorm, rounding, threshold, rows, m);
    }

    private static int reachingRows(
            float[] approx,
            float[] errors,
            int from,
            int to,
            float qNorm,
            float rounding,
            float threshold,
            int[] rows,
            int m) {
        for (int r = from; r < to; r++) {
            float slack = qNorm * errors[r] + rounding;
            if (approx[r] + slack >= threshold) {
                rows[m++] = r;
            }
        }
        return m;
    }

    @Override
    public String name() {
        return "vector";
    }
}
