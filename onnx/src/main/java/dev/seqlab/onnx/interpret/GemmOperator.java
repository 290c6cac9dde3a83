package dev.seqlab.onnx.interpret;

import dev.seqlab.core.kernel.Blas;
import dev.seqlab.core.kernel.Kernels;
import dev.seqlab.onnx.HostTensor;

/** {@code Gemm}: {@code Y = alpha·op(A)·op(B) + beta·C}, C broadcast, on core's GEMM. */
final class GemmOperator implements Operator {
    private static final Blas BLAS = Kernels.blas(1);

    @Override
    public Step prepare(Node node) {
        float alpha = node.floatAttribute("alpha", 1f);
        float beta = node.floatAttribute("beta", 1f);
        boolean transA = node.intAttribute("transA", 0) != 0;
        boolean transB = node.intAttribute("transB", 0) != 0;
        return in -> {
            HostTensor a = in[0];
            HostTensor b = in[1];
            if (a.rank() != 2 || b.rank() != 2) {
                throw new IllegalArgumentException("Gemm multiplies matrices, got " + a + " · " + b);
            }
            int m = (int) (transA ? a.dim(1) : a.dim(0));
            int k = (int) (transA ? a.dim(0) : a.dim(1));
            int n = (int) (transB ? b.dim(0) : b.dim(1));
            if ((transB ? b.dim(1) : b.dim(0)) != k) {
                throw new IllegalArgumentException("shapes " + a + " and " + b + " do not multiply");
            }
            float[] y = new float[m * n];
            BLAS.gemm(
                    transA,
                    transB,
                    m,
                    n,
                    k,
                    alpha,
                    a.floats(),
                    0,
                    Math.max(1, (int) a.dim(1)),
                    b.floats(),
                    0,
                    Math.max(1, (int) b.dim(1)),
                    0f,
                    y,
                    0,
                    Math.max(1, n));
            HostTensor out = HostTensor.floats(y, m, n);
            HostTensor c = in.length > 2 ? in[2] : null;
            if (c != null) {
                HostTensor scaled = beta == 1f
                        ? c
                        : ElementwiseOperators.binary(
                                c, HostTensor.floats(new float[] {beta}), "Gemm", (p, q) -> p * q, (p, q) -> p * q);
                out = ElementwiseOperators.binary(out, scaled, "Gemm", Float::sum, Long::sum);
            }
            return Step.one(out);
        };
    }
}
