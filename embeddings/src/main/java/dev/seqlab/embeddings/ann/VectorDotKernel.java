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

    @Override
    public int lanes() {
        return L;
    }

    @Override
    public void dotRecords(float[] x, ByteBuffer codes, int at, int stride, int count, float[] out, int outAt) {
        int dim = x.length;
        int i = 0;
        // four records at a time: each load of x serves four independent sums
        for (; i + 4 <= count; i += 4) {
            int a = at + i * stride + 4;
            FloatVector acc0 = FloatVector.zero(S);
            FloatVector acc1 = FloatVector.zero(S);
            FloatVector acc2 = FloatVector.zero(S);
            FloatVector acc3 = FloatVector.zero(S);
            int k = 0;
            for (; k + L <= dim; k += L) {
                FloatVector q = FloatVector.fromArray(S, x, k);
                acc0 = q.fma(widen(codes, a + k), acc0);
                acc1 = q.fma(widen(codes, a + stride + k), acc1);
                acc2 = q.fma(widen(codes, a + 2 * stride + k), acc2);
                acc3 = q.fma(widen(codes, a + 3 * stride + k), acc3);
            }
            float s0 = acc0.reduceLanes(VectorOperators.ADD);
            float s1 = acc1.reduceLanes(VectorOperators.ADD);
            float s2 = acc2.reduceLanes(VectorOperators.ADD);
            float s3 = acc3.reduceLanes(VectorOperators.ADD);
            for (; k < dim; k++) {
                s0 += x[k] * codes.get(a + k);
                s1 += x[k] * codes.get(a + stride + k);
                s2 += x[k] * codes.get(a + 2 * stride + k);
                s3 += x[k] * codes.get(a + 3 * stride + k);
            }
            out[outAt + i] = codes.getFloat(a - 4) * s0;
            out[outAt + i + 1] = codes.getFloat(a - 4 + stride) * s1;
            out[outAt + i + 2] = codes.getFloat(a - 4 + 2 * stride) * s2;
            out[outAt + i + 3] = codes.getFloat(a - 4 + 3 * stride) * s3;
        }
        for (; i < count; i++) {
            int a = at + i * stride;
            out[outAt + i] = codes.getFloat(a) * dotBytes(x, codes, a + 4, dim);
        }
    }

    private static FloatVector widen(ByteBuffer codes, int at) {
        return (FloatVector) ByteVector.fromByteBuffer(B, codes, at, ByteOrder.LITTLE_ENDIAN)
                .convertShape(VectorOperators.B2F, S, 0);
    }
}
