package dev.seqlab.embeddings.ann;

import dev.seqlab.core.kernel.VectorShapes;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link DotKernel} on the {@code jdk.incubator.vector} API, loading the row straight from the
 * (mapped) buffer. Loaded reflectively by {@link DotKernels} only when the module is present.
 */
final class VectorDotKernel implements DotKernel {
    private static final VectorSpecies<Float> S = VectorShapes.FLOATS;
    private static final int L = S.length();
    /** As many bytes as {@link #S} has floats. */
    private static final VectorSpecies<Byte> B = VectorSpecies.of(byte.class, VectorShape.forBitSize(8 * L));

    @Override
    public String name() {
        return "vector";
    }

    @Override
    public float dot(float[] x, ByteBuffer rows, int at, int dim) {
        FloatVector acc0 = FloatVector.zero(S);
        FloatVector acc1 = FloatVector.zero(S);
        int k = 0;
        for (; k + 2 * L <= dim; k += 2 * L) {
            acc0 = FloatVector.fromArray(S, x, k)
                    .fma(FloatVector.fromByteBuffer(S, rows, at + 4 * k, ByteOrder.LITTLE_ENDIAN), acc0);
            acc1 = FloatVector.fromArray(S, x, k + L)
                    .fma(FloatVector.fromByteBuffer(S, rows, at + 4 * (k + L), ByteOrder.LITTLE_ENDIAN), acc1);
        }
        if (k + L <= dim) {
            acc0 = FloatVector.fromArray(S, x, k)
                    .fma(FloatVector.fromByteBuffer(S, rows, at + 4 * k, ByteOrder.LITTLE_ENDIAN), acc0);
            k += L;
        }
        float s = acc0.add(acc1).reduceLanes(VectorOperators.ADD);
        for (; k < dim; k++) {
            s += x[k] * rows.getFloat(at + 4 * k);
        }
        return s;
    }

    @Override
    public float dotBytes(float[] x, ByteBuffer codes, int at, int dim) {
        FloatVector acc0 = FloatVector.zero(S);
        FloatVector acc1 = FloatVector.zero(S);
        int k = 0;
        for (; k + 2 * L <= dim; k += 2 * L) {
            acc0 = FloatVector.fromArray(S, x, k).fma(widen(codes, at + k), acc0);
            acc1 = FloatVector.fromArray(S, x, k + L).fma(widen(codes, at + k + L), acc1);
        }
        if (k + L <= dim) {
            acc0 = FloatVector.fromArray(S, x, k).fma(widen(codes, at + k), acc0);
            k += L;
        }
        float s = acc0.add(acc1).reduceLanes(VectorOperators.ADD);
        for (; k < dim; k++) {
            s += x[k] * codes.get(at + k);
        }
        return s;
    }

    private static FloatVector widen(ByteBuffer codes, int at) {
        return (FloatVector) ByteVector.fromByteBuffer(B, codes, at, ByteOrder.LITTLE_ENDIAN)
                .convertShape(VectorOperators.B2F, S, 0);
    }
}
