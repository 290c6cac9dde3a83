package dev.seqlab.onnx.interpret;

import ai.onnx.proto.OnnxMl.AttributeProto;
import dev.seqlab.onnx.HostTensor;
import dev.seqlab.onnx.HostTensor.ElementType;
import java.util.Arrays;
import java.util.function.DoubleBinaryOperator;

/**
 * Operators that make, convert or reduce values: {@code Constant}, {@code Cast}, {@code ReduceSum},
 * {@code ReduceMean}, {@code ReduceMax}, {@code ArgMax}.
 */
final class ValueOperators {

    private ValueOperators() {}

    static final Operator CONSTANT = node -> {
        HostTensor v = constant(node);
        return in -> Step.one(v);
    };

    static final Operator CAST = node -> {
        ElementType to;
        try {
            to = Tensors.elementType((int) node.intAttribute("to", 1));
        } catch (UnsupportedGraphException e) {
            throw node.unsupported(e.getMessage());
        }
        return in -> Step.one(cast(in[0], to));
    };

    static final Operator REDUCE_SUM = reduction("ReduceSum", 0, Double::sum);
    static final Operator REDUCE_MAX = reduction("ReduceMax", Double.NEGATIVE_INFINITY, Math::max);
    static final Operator REDUCE_MEAN = node -> {
        Step sum = reduction("ReduceMean", 0, Double::sum).prepare(node);
        return in -> {
            HostTensor s = sum.run(in)[0];
            float[] v = s.floats().clone();
            float count = (float) (in[0].size() / Math.max(1, s.size()));
            for (int i = 0; i < v.length; i++) {
                v[i] /= count;
            }
            return Step.one(HostTensor.floats(v, s.shape()));
        };
    };
    static final Operator ARG_MAX = node -> {
        long axis = node.intAttribute("axis", 0);
        boolean keepDims = node.intAttribute("keepdims", 1) == 1;
        boolean last = node.intAttribute("select_last_index", 0) == 1;
        return in -> Step.one(argMax(in[0], axis, keepDims, last));
    };

    /** A reduction over axes given as an attribute (older opsets) or an input (newer ones); none: all axes. */
    static Operator reduction(String op, double identity, DoubleBinaryOperator f) {
        return node -> {
            boolean keepDims = node.intAttribute("keepdims", 1) == 1;
            boolean noopWithEmptyAxes = node.intAttribute("noop_with_empty_axes", 0) == 1;
            return in -> {
                long[] axes = ShapeOperators.axes(node, in, 1);
                boolean none = axes == null || axes.length == 0;
                return Step.one(none && noopWithEmptyAxes ? in[0] : reduce(in[0], axes, keepDims, op, identity, f));
            };
        };
    }

    private static HostTensor constant(Node node) {
        if (node.proto().getAttributeCount() != 1) {
            throw node.unsupported("expected exactly one value attribute");
        }
        AttributeProto a = node.proto().getAttribute(0);
        return switch (a.getName()) {
            case "value" -> Tensors.fromProto(a.getT());
            case "value_float" -> HostTensor.floats(new float[] {a.getF()});
            case "value_floats" -> {
                float[] f = new float[a.getFloatsCount()];
                for (int i = 0; i < f.length; i++) {
                    f[i] = a.getFloats(i);
                }
                yield HostTensor.floats(f, f.length);
            }
            case "value_int" -> HostTensor.longs(new long[] {a.getI()});
            case "value_ints" -> HostTensor.longs(
                    a.getIntsList().stream().mapToLong(Long::longValue).toArray(), a.getIntsCount());
            default -> throw node.unsupported("unsupported constant attribute " + a.getName());
        };
    }

    /** The index of the largest element along {@code axis} (the first of equals, or the last when asked). */
    static HostTensor argMax(HostTensor a, long axisAttr, boolean keepDims, boolean last) {
        int[] in = Tensors.shape(a);
        int axis = Broadcasting.axis(axisAttr, in.length, "ArgMax");
        int dim = in[axis];
        int inner = Broadcasting.strides(in)[axis];
        int outer = (int) (a.size() / Math.max(1, (long) dim * inner));
        long[] out = new long[outer * inner];
        for (int o = 0; o < outer; o++) {
            for (int j = 0; j < inner; j++) {
                int base = o * dim * inner + j;
                int best = 0;
                for (int k = 1; k < dim; k++) {
                    double v = Tensors.get(a, base + k * inner);
                    double b = Tensors.get(a, base + best * inner);
                    if (v > b || last && v == b) {
                        best = k;
                    }
                }
                out[o * inner + j] = best;
            }
        }
        long[] shape = a.shape();
        if (keepDims) {
            shape[axis] = 1;
        } else {
            long[] s = new long[shape.length - 1];
            for (int i = 0, k = 0; i < shape.length; i++) {
                if (i != axis) {
                    s[k++] = shape[i];
                }
            }
            shape = s;
        }
        return HostTensor.longs(out, shape);
    }

    static HostTensor cast(HostTensor a, ElementType to) {
        if (a.type() == to) {
            return a;
        }
        int[] shape = Tensors.shape(a);
        if (to == ElementType.FLOAT) {
            return HostTensor.floats(Tensors.floatValues(a).clone(), a.shape());
        }
        long[] v = new long[(int) a.size()];
        for (int i = 0; i < v.length; i++) {
            double x = Tensors.get(a, i);
            v[i] = to == ElementType.BOOL ? (x != 0 ? 1 : 0) : Tensors.getLong(a, i);
        }
        return Tensors.ofLongs(to, v, shape);
    }

    static HostTensor reduce(
            HostTensor a, long[] axes, boolean keepDims, String op, double identity, DoubleBinaryOperator f) {
        int[] in = Tensors.shape(a);
        int r = in.length;
        boolean[] reduce = new boolean[r];
        if (axes == null || axes.length == 0) {
            Arrays.fill(reduce, true);
        } else {
            for (long ax : axes) {
                reduce[Broadcasting.axis(ax, r, op)] = true;
            }
        }
        int[] keep = new int[r];
        int kept = 0;
        for (int i = 0; i < r; i++) {
            keep[i] = reduce[i] ? 1 : in[i];
            kept += reduce[i] ? 0 : 1;
        }
        int[] dst = Broadcasting.sourceOffsets(keep, in);
        int n = Broadcasting.size(keep);
        double[] sum = new double[n];
        Arrays.fill(sum, identity);
        for (int i = 0; i < dst.length; i++) {
            sum[dst[i]] = f.applyAsDouble(sum[dst[i]], Tensors.get(a, i));
        }
        int[] shape = keep;
        if (!keepDims) {
            shape = new int[kept];
            for (int i = 0, k = 0; i < r; i++) {
                if (!reduce[i]) {
                    shape[k++] = in[i];
                }
            }
        }
        if (a.type() == ElementType.FLOAT) {
            float[] out = new float[n];
            for (int i = 0; i < n; i++) {
                out[i] = (float) sum[i];
            }
            return HostTensor.floats(out, Tensors.longs(shape));
        }
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = (long) sum[i];
        }
        return Tensors.ofLongs(a.type(), out, shape);
    }
}
