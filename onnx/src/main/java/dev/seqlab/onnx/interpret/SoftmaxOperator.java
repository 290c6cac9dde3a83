package dev.seqlab.onnx.interpret;

import dev.seqlab.core.kernel.Softmax;
import dev.seqlab.onnx.HostTensor;

/**
 * {@code Softmax} and {@code LogSoftmax} on core's {@link Softmax}: over one axis (opset 13 on),
 * or over all axes from {@code axis} on (before opset 13).
 */
final class SoftmaxOperator implements Operator {
    private final boolean log;

    SoftmaxOperator(boolean log) {
        this.log = log;
    }

    @Override
    public Step prepare(Node node) {
        boolean legacy = node.opset() < 13;
        long axis = node.intAttribute("axis", legacy ? 1 : -1);
        return in -> Step.one(alongAxis(in[0], axis, legacy));
    }

    private HostTensor alongAxis(HostTensor a, long axisAttr, boolean flatten) {
        int[] shape = Tensors.shape(a);
        int axis = Broadcasting.axis(axisAttr, shape.length, log ? "LogSoftmax" : "Softmax");
        int inner = Broadcasting.strides(shape)[axis];
        int dim = shape[axis];
        if (flatten) {
            dim *= inner;
            inner = 1;
        }
        float[] x = a.floats();
        float[] y = new float[x.length];
        if (dim == 0 || x.length == 0) {
            return HostTensor.floats(y, a.shape());
        }
        int outer = x.length / (dim * inner);
        if (inner == 1) {
            rows(outer, dim, x, 0, y, 0);
            return HostTensor.floats(y, a.shape());
        }
        // a strided axis: gather each line, take its softmax, scatter it back
        float[] line = new float[dim];
        for (int o = 0; o < outer; o++) {
            for (int j = 0; j < inner; j++) {
                int base = o * dim * inner + j;
                for (int k = 0; k < dim; k++) {
                    line[k] = x[base + k * inner];
                }
                rows(1, dim, line, 0, line, 0);
                for (int k = 0; k < dim; k++) {
                    y[base + k * inner] = line[k];
                }
            }
        }
        return HostTensor.floats(y, a.shape());
    }

    private void rows(int m, int n, float[] x, int xOff, float[] y, int yOff) {
        if (log) {
            Softmax.logSoftmaxRows(m, n, x, xOff, n, y, yOff, n);
        } else {
            Softmax.softmaxRows(m, n, x, xOff, n, y, yOff, n);
        }
    }
}
