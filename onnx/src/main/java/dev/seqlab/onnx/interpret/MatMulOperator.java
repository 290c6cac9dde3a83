package dev.seqlab.onnx.interpret;

import dev.seqlab.core.kernel.Blas;
import dev.seqlab.core.kernel.Kernels;
import dev.seqlab.onnx.HostTensor;
import java.util.Arrays;

/** {@code MatMul}: matrix products of the last two axes, batch axes broadcast, on core's GEMM. */
final class MatMulOperator implements Operator {
    private static final Blas BLAS = Kernels.blas(1);

    @Override
    public Step prepare(Node node) {
        return in -> Step.one(matmul(in[0], in[1]));
    }

    static HostTensor matmul(HostTensor a, HostTensor b) {
        int[] as = Tensors.shape(a);
        int[] bs = Tensors.shape(b);
        if (as.length < 2 || bs.length < 2) {
            throw new IllegalArgumentException(
                    "seqlab computes MatMul of matrices and batches of matrices, got " + a + " · " + b);
        }
        int m = as[as.length - 2];
        int k = as[as.length - 1];
        int n = bs[bs.length - 1];
        if (bs[bs.length - 2] != k) {
            throw new IllegalArgumentException("shapes " + a + " and " + b + " do not multiply");
        }
        int[] ab = Arrays.copyOf(as, as.length - 2);
        int[] bb = Arrays.copyOf(bs, bs.length - 2);
        int[] batch = Broadcasting.broadcast(ab, bb, "MatMul");
        int[] oa = Broadcasting.sourceOffsets(ab, batch);
        int[] ob = Broadcasting.sourceOffsets(bb, batch);
        float[] x = a.floats();
        float[] w = b.floats();
        float[] y = new float[oa.length * m * n];
        for (int q = 0; q < oa.length; q++) {
            BLAS.gemm(
                    false,
                    false,
                    m,
                    n,
                    k,
                    1f,
                    x,
                    oa[q] * m * k,
                    Math.max(1, k),
                    w,
                    ob[q] * k * n,
                    Math.max(1, n),
                    0f,
                    y,
                    q * m * n,
                    Math.max(1, n));
        }
        int[] shape = Arrays.copyOf(batch, batch.length + 2);
        shape[batch.length] = m;
        shape[batch.length + 1] = n;
        return HostTensor.floats(y, Tensors.longs(shape));
    }
}
