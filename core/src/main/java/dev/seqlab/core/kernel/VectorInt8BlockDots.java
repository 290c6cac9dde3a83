package dev.seqlab.core.kernel;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorOperators.Conversion;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Int8BlockDots} with the Vector API: each dimension's sixteen codes are widened to floats
 * and fused-multiply-added into the block's accumulators (one 512-bit vector, or two 256-bit
 * ones), two dimensions in flight to hide the FMA latency. Loaded only when the module is present.
 * The Vector API calls are written out in the loops rather than in helper methods: a helper the
 * JIT happens to compile on its own first can be too large to inline later, and the vectors are
 * then boxed (three times slower, for the rest of the run).
 */
final class VectorInt8BlockDots implements Int8BlockDots {
    private static final Conversion<Byte, Float> B2F = VectorOperators.B2F;
    private static final VectorSpecies<Float> F16 = FloatVector.SPECIES_512;
    private static final VectorSpecies<Byte> B16 = ByteVector.SPECIES_128;
    private static final VectorSpecies<Float> F8 = FloatVector.SPECIES_256;
    private static final VectorSpecies<Byte> B8 = ByteVector.SPECIES_64;
    private static final VectorSpecies<Float> SCREEN = FloatVector.SPECIES_PREFERRED;
    private final boolean wide = FloatVector.SPECIES_PREFERRED.length() >= 16;

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
     * Queries in groups of four, then two, then one: each dimension's codes are widened once per
     * group, and every query keeps the even/odd accumulators of {@link #dots16}, so its floats are
     * the single-query ones. On 256-bit machines, one query at a time.
     */
    @Override
    public void dots(byte[] codes, int dim, int fromBlock, int toBlock, float[][] q, int count, float[][] y) {
        int j = 0;
        if (wide) {
            for (; j + 4 <= count; j += 4) {
                dots16x4(
                        codes, dim, fromBlock, toBlock, q[j], q[j + 1], q[j + 2], q[j + 3], y[j], y[j + 1], y[j + 2],
                        y[j + 3]);
            }
            for (; j + 2 <= count; j += 2) {
                dots16x2(codes, dim, fromBlock, toBlock, q[j], q[j + 1], y[j], y[j + 1]);
            }
        }
        for (; j < count; j++) {
            dots16x1(codes, dim, fromBlock, toBlock, q[j], y[j]);
        }
    }

    private static void dots16x4(
            byte[] codes,
            int dim,
            int fromBlock,
            int toBlock,
            float[] q0,
            float[] q1,
            float[] q2,
            float[] q3,
            float[] y0,
            float[] y1,
            float[] y2,
            float[] y3) {
        for (int b = fromBlock; b < toBlock; b++) {
            FloatVector e0 = FloatVector.zero(F16);
            FloatVector o0 = FloatVector.zero(F16);
            FloatVector e1 = FloatVector.zero(F16);
            FloatVector o1 = FloatVector.zero(F16);
            FloatVector e2 = FloatVector.zero(F16);
            FloatVector o2 = FloatVector.zero(F16);
            FloatVector e3 = FloatVector.zero(F16);
            FloatVector o3 = FloatVector.zero(F16);
            int o = b * dim * BLOCK;
            int k = 0;
            for (; k + 1 < dim; k += 2, o += 2 * BLOCK) {
                FloatVector ce =
                        (FloatVector) ByteVector.fromArray(B16, codes, o).convertShape(B2F, F16, 0);
                FloatVector co = (FloatVector)
                        ByteVector.fromArray(B16, codes, o + BLOCK).convertShape(B2F, F16, 0);
                e0 = ce.fma(FloatVector.broadcast(F16, q0[k]), e0);
                o0 = co.fma(FloatVector.broadcast(F16, q0[k + 1]), o0);
                e1 = ce.fma(FloatVector.broadcast(F16, q1[k]), e1);
                o1 = co.fma(FloatVector.broadcast(F16, q1[k + 1]), o1);
                e2 = ce.fma(FloatVector.broadcast(F16, q2[k]), e2);
                o2 = co.fma(FloatVector.broadcast(F16, q2[k + 1]), o2);
                e3 = ce.fma(FloatVector.broadcast(F16, q3[k]), e3);
                o3 = co.fma(FloatVector.broadcast(F16, q3[k + 1]), o3);
            }
            if (k < dim) {
                FloatVector ce =
                        (FloatVector) ByteVector.fromArray(B16, codes, o).convertShape(B2F, F16, 0);
                e0 = ce.fma(FloatVector.broadcast(F16, q0[k]), e0);
                e1 = ce.fma(FloatVector.broadcast(F16, q1[k]), e1);
                e2 = ce.fma(FloatVector.broadcast(F16, q2[k]), e2);
                e3 = ce.fma(FloatVector.broadcast(F16, q3[k]), e3);
            }
            e0.add(o0).intoArray(y0, (b - fromBlock) * BLOCK);
            e1.add(o1).intoArray(y1, (b - fromBlock) * BLOCK);
            e2.add(o2).intoArray(y2, (b - fromBlock) * BLOCK);
            e3.add(o3).intoArray(y3, (b - fromBlock) * BLOCK);
        }
    }

    private static void dots16x2(
            byte[] codes, int dim, int fromBlock, int toBlock, float[] q0, float[] q1, float[] y0, float[] y1) {
        for (int b = fromBlock; b < toBlock; b++) {
            FloatVector e0 = FloatVector.zero(F16);
            FloatVector o0 = FloatVector.zero(F16);
            FloatVector e1 = FloatVector.zero(F16);
            FloatVector o1 = FloatVector.zero(F16);
            int o = b * dim * BLOCK;
            int k = 0;
            for (; k + 1 < dim; k += 2, o += 2 * BLOCK) {
                FloatVector ce =
                        (FloatVector) ByteVector.fromArray(B16, codes, o).convertShape(B2F, F16, 0);
                FloatVector co = (FloatVector)
                        ByteVector.fromArray(B16, codes, o + BLOCK).convertShape(B2F, F16, 0);
                e0 = ce.fma(FloatVector.broadcast(F16, q0[k]), e0);
                o0 = co.fma(FloatVector.broadcast(F16, q0[k + 1]), o0);
                e1 = ce.fma(FloatVector.broadcast(F16, q1[k]), e1);
                o1 = co.fma(FloatVector.broadcast(F16, q1[k + 1]), o1);
            }
            if (k < dim) {
                FloatVector ce =
                        (FloatVector) ByteVector.fromArray(B16, codes, o).convertShape(B2F, F16, 0);
                e0 = ce.fma(FloatVector.broadcast(F16, q0[k]), e0);
                e1 = ce.fma(FloatVector.broadcast(F16, q1[k]), e1);
            }
            e0.add(o0).intoArray(y0, (b - fromBlock) * BLOCK);
            e1.add(o1).intoArray(y1, (b - fromBlock) * BLOCK);
        }
    }

    /** One query of a batch, its dot products counted from {@code fromBlock}. */
    private void dots16x1(byte[] codes, int dim, int fromBlock, int toBlock, float[] q, float[] y) {
        if (wide) {
            dots16(codes, dim, fromBlock, toBlock, q, y, -fromBlock * BLOCK);
        } else {
            dots8(codes, dim, fromBlock, toBlock, q, y, -fromBlock * BLOCK);
        }
    }

    private static void dots16(byte[] codes, int dim, int fromBlock, int toBlock, float[] q, float[] y, int yOff) {
        for (int b = fromBlock; b < toBlock; b++) {
            FloatVector even = FloatVector.zero(F16);
            FloatVector odd = FloatVector.zero(F16);
            int o = b * dim * BLOCK;
            int k = 0;
            for (; k + 1 < dim; k += 2, o += 2 * BLOCK) {
                even = ((FloatVector) ByteVector.fromArray(B16, codes, o).convertShape(B2F, F16, 0))
                        .fma(FloatVector.broadcast(F16, q[k]), even);
                odd = ((FloatVector) ByteVector.fromArray(B16, codes, o + BLOCK).convertShape(B2F, F16, 0))
                        .fma(FloatVector.broadcast(F16, q[k + 1]), odd);
            }
            if (k < dim) {
                even = ((FloatVector) ByteVector.fromArray(B16, codes, o).convertShape(B2F, F16, 0))
                        .fma(FloatVector.broadcast(F16, q[k]), even);
            }
            even.add(odd).intoArray(y, b * BLOCK + yOff);
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
            long hits = FloatVector.fromArray(SCREEN, approx, r)
                    .add(slack)
                    .compare(VectorOperators.GE, threshold)
                    .toLong();
            while (hits != 0) {
                rows[m++] = r + Long.numberOfTrailingZeros(hits);
                hits &= hits - 1;
            }
        }
        for (; r < n; r++) {
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
