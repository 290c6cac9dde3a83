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
    private final boolean wide = FloatVector.SPECIES_PREFERRED.length() >= 16;

    VectorInt8BlockDots() {
        if (FloatVector.SPECIES_PREFERRED.length() < 8) {
            throw new UnsupportedOperationException("preferred float vectors narrower than 256 bits");
        }
    }

    @Override
    public void dots(byte[] codes, int dim, int fromBlock, int toBlock, float[] q, float[] y) {
        if (wide) {
            dots16(codes, dim, fromBlock, toBlock, q, y);
        } else {
            dots8(codes, dim, fromBlock, toBlock, q, y);
        }
    }

    private static void dots16(byte[] codes, int dim, int fromBlock, int toBlock, float[] q, float[] y) {
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
            even.add(odd).intoArray(y, b * BLOCK);
        }
    }

    private static void dots8(byte[] codes, int dim, int fromBlock, int toBlock, float[] q, float[] y) {
        for (int b = fromBlock; b < toBlock; b++) {
            FloatVector lo = FloatVector.zero(F8);
            FloatVector hi = FloatVector.zero(F8);
            int o = b * dim * BLOCK;
            for (int k = 0; k < dim; k++, o += BLOCK) {
                FloatVector qk = FloatVector.broadcast(F8, q[k]);
                lo = ((FloatVector) ByteVector.fromArray(B8, codes, o).convertShape(B2F, F8, 0)).fma(qk, lo);
                hi = ((FloatVector) ByteVector.fromArray(B8, codes, o + 8).convertShape(B2F, F8, 0)).fma(qk, hi);
            }
            lo.intoArray(y, b * BLOCK);
            hi.intoArray(y, b * BLOCK + 8);
        }
    }

    @Override
    public String name() {
        return "vector";
    }
}
