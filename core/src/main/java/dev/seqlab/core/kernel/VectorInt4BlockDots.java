package dev.seqlab.core.kernel;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorOperators.Conversion;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Int4BlockDots} with the Vector API. Sixteen bytes hold a block's codes for two
 * dimensions; they are sign-extended to sixteen ints (x86 has no byte shifts, and the Vector API
 * emulates them slowly), whose shift left by 28 and back arithmetically gives the low nibbles,
 * signed, and an arithmetic shift right by four the high ones; each is converted to floats and
 * multiplied into the block's accumulator, one lane per row, so no horizontal sums are needed. On 512-bit machines four blocks are scored at a time (independent accumulators keep the
 * multiply-add units busy), and the bound {@code scale·D + (qNorm·error + rounding)} is formed in
 * the registers before the one store. On 256-bit machines each block is taken in two halves of
 * eight rows. As in {@link VectorInt8BlockDots}, the Vector API calls are written out in the loops,
 * and every loop-carried accumulator goes through {@link Class#cast} to the species' concrete class
 * before it is used after the loop, so that the JIT always knows its exact type.
 */
final class VectorInt4BlockDots implements Int4BlockDots {
    private static final Conversion<Byte, Integer> B2I = VectorOperators.B2I;
    private static final Conversion<Integer, Float> I2F = VectorOperators.I2F;
    private static final VectorSpecies<Integer> I16 = IntVector.SPECIES_512;
    private static final VectorSpecies<Integer> I8 = IntVector.SPECIES_256;
    private static final VectorSpecies<Float> F16 = FloatVector.SPECIES_512;
    private static final VectorSpecies<Byte> B16 = ByteVector.SPECIES_128;
    private static final VectorSpecies<Float> F8 = FloatVector.SPECIES_256;
    private static final VectorSpecies<Byte> B8 = ByteVector.SPECIES_64;
    private static final VectorSpecies<Float> SCREEN = FloatVector.SPECIES_PREFERRED;

    @SuppressWarnings("unchecked")
    private static final Class<FloatVector> V16 = (Class<FloatVector>) (Class<?>) F16.vectorType();

    @SuppressWarnings("unchecked")
    private static final Class<FloatVector> V8 = (Class<FloatVector>) (Class<?>) F8.vectorType();

    private final boolean wide = FloatVector.SPECIES_PREFERRED.length() >= 16;

    VectorInt4BlockDots() {
        if (FloatVector.SPECIES_PREFERRED.length() < 8) {
            throw new UnsupportedOperationException("preferred float vectors narrower than 256 bits");
        }
    }

    @Override
    public void bounds(
            byte[] codes,
            int dim,
            int fromBlock,
            int toBlock,
            float[] q,
            float[] scales,
            float[] errors,
            float qNorm,
            float rounding,
            float[] upper) {
        if (wide) {
            bounds16(codes, dim, fromBlock, toBlock, q, scales, errors, qNorm, rounding, upper);
        } else {
            bounds8(codes, dim, fromBlock, toBlock, q, scales, errors, qNorm, rounding, upper);
        }
    }

    private static void bounds16(
            byte[] codes,
            int dim,
            int fromBlock,
            int toBlock,
            float[] q,
            float[] scales,
            float[] errors,
            float qNorm,
            float rounding,
            float[] upper) {
        int pairs = dim / 2;
        boolean odd = (dim & 1) != 0;
        int stride = Int4BlockDots.blockBytes(dim);
        FloatVector qn = FloatVector.broadcast(F16, qNorm);
        FloatVector round = FloatVector.broadcast(F16, rounding);
        int b = fromBlock;
        for (; b + 4 <= toBlock; b += 4) {
            FloatVector a0 = FloatVector.zero(F16);
            FloatVector a1 = FloatVector.zero(F16);
            FloatVector a2 = FloatVector.zero(F16);
            FloatVector a3 = FloatVector.zero(F16);
            FloatVector h0 = FloatVector.zero(F16);
            FloatVector h1 = FloatVector.zero(F16);
            FloatVector h2 = FloatVector.zero(F16);
            FloatVector h3 = FloatVector.zero(F16);
            int o = b * stride;
            for (int p = 0; p < pairs; p++, o += BLOCK) {
                FloatVector qLo = FloatVector.broadcast(F16, q[2 * p]);
                FloatVector qHi = FloatVector.broadcast(F16, q[2 * p + 1]);
                IntVector x0 = (IntVector) ByteVector.fromArray(B16, codes, o).convertShape(B2I, I16, 0);
                IntVector x1 =
                        (IntVector) ByteVector.fromArray(B16, codes, o + stride).convertShape(B2I, I16, 0);
                IntVector x2 = (IntVector)
                        ByteVector.fromArray(B16, codes, o + 2 * stride).convertShape(B2I, I16, 0);
                IntVector x3 = (IntVector)
                        ByteVector.fromArray(B16, codes, o + 3 * stride).convertShape(B2I, I16, 0);
                a0 = ((FloatVector) x0.lanewise(VectorOperators.LSHL, 28)
                                .lanewise(VectorOperators.ASHR, 28)
                                .convert(I2F, 0))
                        .fma(qLo, a0);
                a1 = ((FloatVector) x1.lanewise(VectorOperators.LSHL, 28)
                                .lanewise(VectorOperators.ASHR, 28)
                                .convert(I2F, 0))
                        .fma(qLo, a1);
                a2 = ((FloatVector) x2.lanewise(VectorOperators.LSHL, 28)
                                .lanewise(VectorOperators.ASHR, 28)
                                .convert(I2F, 0))
                        .fma(qLo, a2);
                a3 = ((FloatVector) x3.lanewise(VectorOperators.LSHL, 28)
                                .lanewise(VectorOperators.ASHR, 28)
                                .convert(I2F, 0))
                        .fma(qLo, a3);
                h0 = ((FloatVector) x0.lanewise(VectorOperators.ASHR, 4).convert(I2F, 0)).fma(qHi, h0);
                h1 = ((FloatVector) x1.lanewise(VectorOperators.ASHR, 4).convert(I2F, 0)).fma(qHi, h1);
                h2 = ((FloatVector) x2.lanewise(VectorOperators.ASHR, 4).convert(I2F, 0)).fma(qHi, h2);
                h3 = ((FloatVector) x3.lanewise(VectorOperators.ASHR, 4).convert(I2F, 0)).fma(qHi, h3);
            }
            a0 = V16.cast(a0).add(V16.cast(h0));
            a1 = V16.cast(a1).add(V16.cast(h1));
            a2 = V16.cast(a2).add(V16.cast(h2));
            a3 = V16.cast(a3).add(V16.cast(h3));
            if (odd) {
                FloatVector qLo = FloatVector.broadcast(F16, q[dim - 1]);
                a0 = ((FloatVector)
                                ((IntVector) ByteVector.fromArray(B16, codes, o).convertShape(B2I, I16, 0))
                                        .lanewise(VectorOperators.LSHL, 28)
                                        .lanewise(VectorOperators.ASHR, 28)
                                        .convert(I2F, 0))
                        .fma(qLo, a0);
                a1 = ((FloatVector) ((IntVector) ByteVector.fromArray(B16, codes, o + stride)
                                        .convertShape(B2I, I16, 0))
                                .lanewise(VectorOperators.LSHL, 28)
                                .lanewise(VectorOperators.ASHR, 28)
                                .convert(I2F, 0))
                        .fma(qLo, a1);
                a2 = ((FloatVector) ((IntVector) ByteVector.fromArray(B16, codes, o + 2 * stride)
                                        .convertShape(B2I, I16, 0))
                                .lanewise(VectorOperators.LSHL, 28)
                                .lanewise(VectorOperators.ASHR, 28)
                                .convert(I2F, 0))
                        .fma(qLo, a2);
                a3 = ((FloatVector) ((IntVector) ByteVector.fromArray(B16, codes, o + 3 * stride)
                                        .convertShape(B2I, I16, 0))
                                .lanewise(VectorOperators.LSHL, 28)
                                .lanewise(VectorOperators.ASHR, 28)
                                .convert(I2F, 0))
                        .fma(qLo, a3);
            }
            int r = b * BLOCK;
            V16.cast(a0)
                    .mul(FloatVector.fromArray(F16, scales, r))
                    .add(FloatVector.fromArray(F16, errors, r).mul(qn).add(round))
                    .intoArray(upper, r);
            V16.cast(a1)
                    .mul(FloatVector.fromArray(F16, scales, r + BLOCK))
                    .add(FloatVector.fromArray(F16, errors, r + BLOCK).mul(qn).add(round))
                    .intoArray(upper, r + BLOCK);
            V16.cast(a2)
                    .mul(FloatVector.fromArray(F16, scales, r + 2 * BLOCK))
                    .add(FloatVector.fromArray(F16, errors, r + 2 * BLOCK)
                            .mul(qn)
                            .add(round))
                    .intoArray(upper, r + 2 * BLOCK);
            V16.cast(a3)
                    .mul(FloatVector.fromArray(F16, scales, r + 3 * BLOCK))
                    .add(FloatVector.fromArray(F16, errors, r + 3 * BLOCK)
                            .mul(qn)
                            .add(round))
                    .intoArray(upper, r + 3 * BLOCK);
        }
        for (; b < toBlock; b++) {
            FloatVector a = FloatVector.zero(F16);
            int o = b * stride;
            for (int p = 0; p < pairs; p++, o += BLOCK) {
                IntVector x = (IntVector) ByteVector.fromArray(B16, codes, o).convertShape(B2I, I16, 0);
                a = ((FloatVector) x.lanewise(VectorOperators.LSHL, 28)
                                .lanewise(VectorOperators.ASHR, 28)
                                .convert(I2F, 0))
                        .fma(FloatVector.broadcast(F16, q[2 * p]), a);
                a = ((FloatVector) x.lanewise(VectorOperators.ASHR, 4).convert(I2F, 0))
                        .fma(FloatVector.broadcast(F16, q[2 * p + 1]), a);
            }
            if (odd) {
                a = ((FloatVector)
                                ((IntVector) ByteVector.fromArray(B16, codes, o).convertShape(B2I, I16, 0))
                                        .lanewise(VectorOperators.LSHL, 28)
                                        .lanewise(VectorOperators.ASHR, 28)
                                        .convert(I2F, 0))
                        .fma(FloatVector.broadcast(F16, q[dim - 1]), a);
            }
            int r = b * BLOCK;
            V16.cast(a)
                    .mul(FloatVector.fromArray(F16, scales, r))
                    .add(FloatVector.fromArray(F16, errors, r).mul(qn).add(round))
                    .intoArray(upper, r);
        }
    }

    private static void bounds8(
            byte[] codes,
            int dim,
            int fromBlock,
            int toBlock,
            float[] q,
            float[] scales,
            float[] errors,
            float qNorm,
            float rounding,
            float[] upper) {
        int pairs = dim / 2;
        boolean odd = (dim & 1) != 0;
        int stride = Int4BlockDots.blockBytes(dim);
        FloatVector qn = FloatVector.broadcast(F8, qNorm);
        FloatVector round = FloatVector.broadcast(F8, rounding);
        for (int b = fromBlock; b < toBlock; b++) {
            FloatVector lo = FloatVector.zero(F8);
            FloatVector hi = FloatVector.zero(F8);
            int o = b * stride;
            for (int p = 0; p < pairs; p++, o += BLOCK) {
                FloatVector q0 = FloatVector.broadcast(F8, q[2 * p]);
                FloatVector q1 = FloatVector.broadcast(F8, q[2 * p + 1]);
                IntVector xl = (IntVector) ByteVector.fromArray(B8, codes, o).convertShape(B2I, I8, 0);
                IntVector xh =
                        (IntVector) ByteVector.fromArray(B8, codes, o + 8).convertShape(B2I, I8, 0);
                lo = ((FloatVector) xl.lanewise(VectorOperators.LSHL, 28)
                                .lanewise(VectorOperators.ASHR, 28)
                                .convert(I2F, 0))
                        .fma(q0, lo);
                hi = ((FloatVector) xh.lanewise(VectorOperators.LSHL, 28)
                                .lanewise(VectorOperators.ASHR, 28)
                                .convert(I2F, 0))
                        .fma(q0, hi);
                lo = ((FloatVector) xl.lanewise(VectorOperators.ASHR, 4).convert(I2F, 0)).fma(q1, lo);
                hi = ((FloatVector) xh.lanewise(VectorOperators.ASHR, 4).convert(I2F, 0)).fma(q1, hi);
            }
            if (odd) {
                FloatVector q0 = FloatVector.broadcast(F8, q[dim - 1]);
                lo = ((FloatVector)
                                ((IntVector) ByteVector.fromArray(B8, codes, o).convertShape(B2I, I8, 0))
                                        .lanewise(VectorOperators.LSHL, 28)
                                        .lanewise(VectorOperators.ASHR, 28)
                                        .convert(I2F, 0))
                        .fma(q0, lo);
                hi = ((FloatVector) ((IntVector)
                                        ByteVector.fromArray(B8, codes, o + 8).convertShape(B2I, I8, 0))
                                .lanewise(VectorOperators.LSHL, 28)
                                .lanewise(VectorOperators.ASHR, 28)
                                .convert(I2F, 0))
                        .fma(q0, hi);
            }
            int r = b * BLOCK;
            V8.cast(lo)
                    .mul(FloatVector.fromArray(F8, scales, r))
                    .add(FloatVector.fromArray(F8, errors, r).mul(qn).add(round))
                    .intoArray(upper, r);
            V8.cast(hi)
                    .mul(FloatVector.fromArray(F8, scales, r + 8))
                    .add(FloatVector.fromArray(F8, errors, r + 8).mul(qn).add(round))
                    .intoArray(upper, r + 8);
        }
    }

    /** Most groups of lanes hold no row at the threshold: one vector test says so. */
    @Override
    public int atLeast(float[] y, int from, int to, float threshold, int[] rows) {
        int m = 0;
        int r = from;
        int lanes = SCREEN.length();
        for (; r + lanes <= to; r += lanes) {
            if (FloatVector.fromArray(SCREEN, y, r)
                    .compare(VectorOperators.GE, threshold)
                    .anyTrue()) {
                for (int i = r; i < r + lanes; i++) {
                    if (y[i] >= threshold) {
                        rows[m++] = i;
                    }
                }
            }
        }
        for (; r < to; r++) {
            if (y[r] >= threshold) {
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
