package dev.seqlab.onnx.interpret;

import dev.seqlab.onnx.HostTensor;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Operators that change shapes but not values: {@code Shape}, {@code Reshape}, {@code Squeeze},
 * {@code Unsqueeze}, {@code Expand}, {@code ConstantOfShape}, {@code Identity}.
 */
final class ShapeOperators {

    private ShapeOperators() {}

    static final Operator IDENTITY = node -> in -> Step.one(in[0]);

    static final Operator SHAPE = node -> {
        boolean whole = !node.hasAttribute("start") && !node.hasAttribute("end");
        long start = node.intAttribute("start", 0);
        long end = node.intAttribute("end", Long.MAX_VALUE);
        return in -> {
            long[] s = in[0].shape();
            HostTensor all = HostTensor.longs(s, s.length);
            return Step.one(
                    whole
                            ? all
                            : SliceOperator.slice(
                                    all, new long[] {start}, new long[] {Math.min(end, s.length)}, null, null));
        };
    };

    static final Operator RESHAPE = node -> {
        boolean allowZero = node.intAttribute("allowzero", 0) == 1;
        return in -> Step.one(reshape(in[0], Tensors.longValues(in[1]), allowZero));
    };

    static final Operator SQUEEZE = node -> in -> Step.one(squeeze(in[0], axes(node, in, 1)));

    static final Operator UNSQUEEZE = node -> in -> Step.one(unsqueeze(in[0], axes(node, in, 1)));

    static final Operator EXPAND = node -> in -> Step.one(expand(in[0], toInts(Tensors.longValues(in[1]))));

    static final Operator CONSTANT_OF_SHAPE = node -> {
        HostTensor value = node.tensorAttribute("value");
        HostTensor fill = value == null ? HostTensor.floats(new float[] {0f}) : value.reshape();
        return in -> Step.one(expand(fill, toInts(Tensors.longValues(in[0]))));
    };

    /** Axes from the attribute (older opsets) or from input {@code i} (newer ones); null when neither. */
    static long[] axes(Node node, HostTensor[] in, int i) {
        long[] a = node.intsAttribute("axes");
        if (a != null) {
            return a;
        }
        return i < in.length && in[i] != null ? Tensors.longValues(in[i]) : null;
    }

    static int[] toInts(long[] v) {
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Math.toIntExact(v[i]);
        }
        return out;
    }

    static HostTensor reshape(HostTensor a, long[] target, boolean allowZero) {
        long[] shape = new long[target.length];
        int infer = -1;
        long known = 1;
        for (int i = 0; i < target.length; i++) {
            long d = target[i];
            if (d == 0 && !allowZero) {
                if (i >= a.rank()) {
                    throw new IllegalArgumentException("Reshape: 0 at axis " + i + " of a rank-" + a.rank() + " input");
                }
                d = a.dim(i);
            }
            if (d == -1) {
                if (infer >= 0) {
                    throw new IllegalArgumentException("Reshape: two -1 axes in " + Arrays.toString(target));
                }
                infer = i;
                continue;
            }
            shape[i] = d;
            known *= d;
        }
        if (infer >= 0) {
            shape[infer] = known == 0 ? 0 : a.size() / known;
        }
        if (Tensors.count(shape) != a.size()) {
            throw new IllegalArgumentException(
                    "Reshape: cannot make " + Arrays.toString(a.shape()) + " into " + Arrays.toString(target));
        }
        return a.reshape(shape);
    }

    /** Removes the given axes (all size-1 axes when none are given). */
    static HostTensor squeeze(HostTensor a, long[] axes) {
        long[] s = a.shape();
        int r = s.length;
        boolean[] drop = new boolean[r];
        if (axes == null || axes.length == 0) {
            for (int i = 0; i < r; i++) {
                drop[i] = s[i] == 1;
            }
        } else {
            for (long ax : axes) {
                int i = Broadcasting.axis(ax, r, "Squeeze");
                if (s[i] != 1) {
                    throw new IllegalArgumentException(
                            "Squeeze: axis " + ax + " of " + Arrays.toString(s) + " is not 1");
                }
                drop[i] = true;
            }
        }
        return a.reshape(
                IntStream.range(0, r).filter(i -> !drop[i]).mapToLong(i -> s[i]).toArray());
    }

    static HostTensor unsqueeze(HostTensor a, long[] axes) {
        if (axes == null) {
            throw new IllegalArgumentException("Unsqueeze: no axes given");
        }
        int r = a.rank() + axes.length;
        boolean[] add = new boolean[r];
        for (long ax : axes) {
            add[Broadcasting.axis(ax, r, "Unsqueeze")] = true;
        }
        long[] shape = new long[r];
        int k = 0;
        for (int i = 0; i < r; i++) {
            shape[i] = add[i] ? 1 : a.dim(k++);
        }
        return a.reshape(shape);
    }

    static HostTensor expand(HostTensor a, int[] target) {
        int[] as = Tensors.shape(a);
        int[] shape = Broadcasting.broadcast(as, target, "Expand");
        return Tensors.gather(a, Broadcasting.sourceOffsets(as, shape), shape);
    }
}
