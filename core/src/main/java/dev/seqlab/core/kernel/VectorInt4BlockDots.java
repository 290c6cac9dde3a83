package dev.seqlab.core.kernel;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorOperators.Conversion;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Int4BlockDots} with the Vector API. A block's 64 bytes for one dimension pair are four
 * groups of sixteen rows; each group's bytes are sign-extended to sixteen ints {@code s}, whose
 * {@code s & 15} and {@code s} are converted to floats and multiplied into two accumulators by the
 * pair's two {@link Weights} factors, one lane per row, so no horizontal sums and no shifts are
 * needed (x86 has no byte shifts, and 512-bit int shifts compete with the conversions for one
 * port on Intel's cores). The four groups' accumulators are independent, which keeps the
 * multiply-add units busy, and the bound {@code scale·D + (qNorm·error + rounding)} is formed in
 * the registers before the one store. Each step also reads one byte {@value #AHEAD} bytes further
 * on, a software prefetch (Java has none): the line is then on its way while the current ones are
 * computed, where the hardware prefetcher alone lets the loop wait for memory and compute by turns
 * (on a 2-core Intel VM, 2 threads over 3M × 300 rows: 13.6 GB/s with it, 11.7 without). On
 * 256-bit machines each block is taken as two halves of 32 rows, four groups of eight each, one
 * half right after the other. The two widths' loops are written out separately, as in {@link
 * VectorInt8BlockDots}: the Vector API compiles well only with constant species, and every
 * loop-carried accumulator goes through {@link Class#cast} to the species' concrete class before
 * it is used after the loop, so that the JIT always knows its exact type.
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

    /** How far ahead of the current pair the read-ahead byte lies: sixteen cache lines. */
    static final int AHEAD = 1024;

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
            Weights w,
            float[] scales,
            float[] errors,
            float qNorm,
            float rounding,
            float[] upper) {
        if (wide) {
            bounds16(codes, dim, fromBlock, toBlock, w, scales, errors, qNorm, rounding, upper);
        } else {
            bounds8(codes, dim, fromBlock, toBlock, w, scales, errors, qNorm, rounding, upper);
        }
    }

    private static void bounds16(
            byte[] codes,
            int dim,
            int fromBlock,
            int toBlock,
            Weights w,
            float[] scales,
            float[] errors,
            float qNorm,
            float rounding,
            float[] upper) {
        int pairs = (dim + 1) / 2;
        float[] f = w.factors();
        int stride = Int4BlockDots.blockBytes(dim);
        FloatVector qn = FloatVector.broadcast(F16, qNorm);
        FloatVector round = FloatVector.broadcast(F16, rounding);
        FloatVector start = FloatVector.broadcast(F16, w.constant());
        int last = codes.length - 1;
        long touched = 0;
        for (int b = fromBlock; b < toBlock; b++) {
            FloatVector a0 = start;
            FloatVector a1 = start;
            FloatVector a2 = start;
            FloatVector a3 = start;
            FloatVector h0 = FloatVector.zero(F16);
            FloatVector h1 = FloatVector.zero(F16);
            FloatVector h2 = FloatVector.zero(F16);
            FloatVector h3 = FloatVector.zero(F16);
            int o = b * stride;
            for (int p = 0; p < pairs; p++, o += BLOCK) {
                touched += codes[Math.min(o + AHEAD, last)];
                FloatVector fl = FloatVector.broadcast(F16, f[2 * p]);
                FloatVector fs = FloatVector.broadcast(F16, f[2 * p + 1]);
                IntVector x0 = (IntVector) ByteVector.fromArray(B16, codes, o).convertShape(B2I, I16, 0);
                IntVector x1 =
                        (IntVector) ByteVector.fromArray(B16, codes, o + 16).convertShape(B2I, I16, 0);
                IntVector x2 =
                        (IntVector) ByteVector.fromArray(B16, codes, o + 32).convertShape(B2I, I16, 0);
                IntVector x3 =
                        (IntVector) ByteVector.fromArray(B16, codes, o + 48).convertShape(B2I, I16, 0);
                a0 = ((FloatVector) x0.and(15).convert(I2F, 0)).fma(fl, a0);
                a1 = ((FloatVector) x1.and(15).convert(I2F, 0)).fma(fl, a1);
                a2 = ((FloatVector) x2.and(15).convert(I2F, 0)).fma(fl, a2);
                a3 = ((FloatVector) x3.and(15).convert(I2F, 0)).fma(fl, a3);
                h0 = ((FloatVector) x0.convert(I2F, 0)).fma(fs, h0);
                h1 = ((FloatVector) x1.convert(I2F, 0)).fma(fs, h1);
                h2 = ((FloatVector) x2.convert(I2F, 0)).fma(fs, h2);
                h3 = ((FloatVector) x3.convert(I2F, 0)).fma(fs, h3);
            }
            int r = b * BLOCK;
            store16(V16.cast(a0).add(V16.cast(h0)), scales, errors, qn, round, upper, r);
            store16(V16.cast(a1).add(V16.cast(h1)), scales, errors, qn, round, upper, r + 16);
            store16(V16.cast(a2).add(V16.cast(h2)), scales, errors, qn, round, upper, r + 32);
            store16(V16.cast(a3).add(V16.cast(h3)), scales, errors, qn, round, upper, r + 48);
        }
        keep(touched);
    }

    /**
     * Uses the read-ahead bytes' sum so that the JIT keeps their loads: a sum of at most 2³⁰ bytes
     * never reaches {@link Long#MIN_VALUE}.
     */
    private static void keep(long touched) {
        if (touched == Long.MIN_VALUE) {
            throw new AssertionError("unreachable");
        }
    }

    private static void store16(
            FloatVector d, float[] scales, float[] errors, FloatVector qn, FloatVector round, float[] upper, int r) {
        V16.cast(d)
                .mul(FloatVector.fromArray(F16, scales, r))
                .add(FloatVector.fromArray(F16, errors, r).mul(qn).add(round))
                .intoArray(upper, r);
    }

    /**
     * Each block in two halves of 32 rows, four groups of eight, one half right after the other
     * (its lines are then still in the first-level cache).
     */
    private static void bounds8(
            byte[] codes,
            int dim,
            int fromBlock,
            int toBlock,
            Weights w,
            float[] scales,
            float[] errors,
            float qNorm,
            float rounding,
            float[] upper) {
        int pairs = (dim + 1) / 2;
        float[] f = w.factors();
        int stride = Int4BlockDots.blockBytes(dim);
        FloatVector qn = FloatVector.broadcast(F8, qNorm);
        FloatVector round = FloatVector.broadcast(F8, rounding);
        FloatVector start = FloatVector.broadcast(F8, w.constant());
        int last = codes.length - 1;
        long touched = 0;
        for (int g = 2 * fromBlock; g < 2 * toBlock; g++) {
            int half = (g & 1) * 32;
            FloatVector a0 = start;
            FloatVector a1 = start;
            FloatVector a2 = start;
            FloatVector a3 = start;
            FloatVector h0 = FloatVector.zero(F8);
            FloatVector h1 = FloatVector.zero(F8);
            FloatVector h2 = FloatVector.zero(F8);
            FloatVector h3 = FloatVector.zero(F8);
            int o = (g >> 1) * stride + half;
            for (int p = 0; p < pairs; p++, o += BLOCK) {
                touched += codes[Math.min(o + AHEAD, last)];
                FloatVector fl = FloatVector.broadcast(F8, f[2 * p]);
                FloatVector fs = FloatVector.broadcast(F8, f[2 * p + 1]);
                IntVector x0 = (IntVector) ByteVector.fromArray(B8, codes, o).convertShape(B2I, I8, 0);
                IntVector x1 =
                        (IntVector) ByteVector.fromArray(B8, codes, o + 8).convertShape(B2I, I8, 0);
                IntVector x2 =
                        (IntVector) ByteVector.fromArray(B8, codes, o + 16).convertShape(B2I, I8, 0);
                IntVector x3 =
                        (IntVector) ByteVector.fromArray(B8, codes, o + 24).convertShape(B2I, I8, 0);
                a0 = ((FloatVector) x0.and(15).convert(I2F, 0)).fma(fl, a0);
                a1 = ((FloatVector) x1.and(15).convert(I2F, 0)).fma(fl, a1);
                a2 = ((FloatVector) x2.and(15).convert(I2F, 0)).fma(fl, a2);
                a3 = ((FloatVector) x3.and(15).convert(I2F, 0)).fma(fl, a3);
                h0 = ((FloatVector) x0.convert(I2F, 0)).fma(fs, h0);
                h1 = ((FloatVector) x1.convert(I2F, 0)).fma(fs, h1);
                h2 = ((FloatVector) x2.convert(I2F, 0)).fma(fs, h2);
                h3 = ((FloatVector) x3.convert(I2F, 0)).fma(fs, h3);
            }
            int r = (g >> 1) * BLOCK + half;
            store8(V8.cast(a0).add(V8.cast(h0)), scales, errors, qn, round, upper, r);
            store8(V8.cast(a1).add(V8.cast(h1)), scales, errors, qn, round, upper, r + 8);
            store8(V8.cast(a2).add(V8.cast(h2)), scales, errors, qn, round, upper, r + 16);
            store8(V8.cast(a3).add(V8.cast(h3)), scales, errors, qn, round, upper, r + 24);
        }
        keep(touched);
    }

    private static void store8(
            FloatVector d, float[] scales, float[] errors, FloatVector qn, FloatVector round, float[] upper, int r) {
        V8.cast(d)
                .mul(FloatVector.fromArray(F8, scales, r))
                .add(FloatVector.fromArray(F8, errors, r).mul(qn).add(round))
                .intoArray(upper, r);
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
