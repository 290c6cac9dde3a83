package dev.seqlab.embeddings.ann;

import dev.seqlab.core.kernel.VectorShapes;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link DotKernel} on the {@code jdk.incubator.vector} API, loading the row straight from the
 * (mapped) buffer. Loaded reflectively by {@link DotKernels} only when the module is present.
 */
final class VectorDotKernel implements DotKernel {
    private static final VectorSpecies<Float> S = VectorShapes.FLOATS;
    private static final int L = S.length();

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
}
