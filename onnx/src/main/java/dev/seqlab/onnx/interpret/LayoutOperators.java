package dev.seqlab.onnx.interpret;

import dev.seqlab.onnx.HostTensor;
import java.util.Arrays;

/** Operators that move elements: {@code Transpose}, {@code Concat}, {@code Gather}. */
final class LayoutOperators {

    private LayoutOperators() {}

    static final Operator TRANSPOSE = node -> {
        long[] p = node.intsAttribute("perm");
        return in -> {
            int[] perm = new int[in[0].rank()];
            for (int i = 0; i < perm.length; i++) {
                perm[i] = p == null ? perm.length - 1 - i : (int) p[i];
            }
            return Step.one(transpose(in[0], perm));
        };
    };

    static final Operator CONCAT = node -> {
        long axis = node.intAttribute("axis", 0);
        return in -> Step.one(concat(in, axis));
    };

    static final Operator GATHER = node -> {
        long axis = node.intAttribute("axis", 0);
        return in -> Step.one(gather(in[0], in[1], axis));
    };

    static HostTensor transpose(HostTensor a, int[] perm) {
        int[] in = Tensors.shape(a);
        int r = in.length;
        if (perm.length != r) {
            throw new IllegalArgumentException(
                    "Transpose: perm " + Arrays.toString(perm) + " for a rank-" + r + " tensor");
        }
        int[] strides = Broadcasting.strides(in);
        int[] shape = new int[r];
        int[] move = new int[r];
        for (int i = 0; i < r; i++) {
            shape[i] = in[perm[i]];
            move[i] = strides[perm[i]];
        }
        return Tensors.gather(a, Broadcasting.walk(shape, move, 0), shape);
    }

    static HostTensor concat(HostTensor[] parts, long axisAttr) {
        int[] first = Tensors.shape(parts[0]);
        int axis = Broadcasting.axis(axisAttr, first.length, "Concat");
        int[] shape = first.clone();
        shape[axis] = 0;
        for (HostTensor p : parts) {
            if (p.rank() != first.length || p.type() != parts[0].type()) {
                throw new IllegalArgumentException("Concat: inputs " + parts[0] + " and " + p + " do not match");
            }
            shape[axis] += (int) p.dim(axis);
        }
        int outer = 1;
        for (int i = 0; i < axis; i++) {
            outer *= shape[i];
        }
        int inner = Broadcasting.strides(shape)[axis];
        int total = Broadcasting.size(shape);
        // concatenate as a gather from the parts laid end to end
        int[] base = new int[parts.length];
        for (int q = 1; q < parts.length; q++) {
            base[q] = base[q - 1] + (int) parts[q - 1].size();
        }
        int[] src = new int[total];
        int pos = 0;
        for (int o = 0; o < outer; o++) {
            for (int q = 0; q < parts.length; q++) {
                int chunk = (int) parts[q].dim(axis) * inner;
                for (int j = 0; j < chunk; j++) {
                    src[pos++] = base[q] + o * chunk + j;
                }
            }
        }
        return Tensors.gather(Tensors.joined(parts), src, shape);
    }

    /** ONNX Gather along {@code axis}; negative indices count from the end. */
    static HostTensor gather(HostTensor data, HostTensor indices, long axisAttr) {
        int[] ds = Tensors.shape(data);
        int[] is = Tensors.shape(indices);
        int r = ds.length;
        int axis = Broadcasting.axis(axisAttr, r, "Gather");
        int dim = ds[axis];
        int outer = 1;
        for (int i = 0; i < axis; i++) {
            outer *= ds[i];
        }
        int inner = Broadcasting.strides(ds)[axis];
        long[] ids = Tensors.longValues(indices);
        int[] shape = new int[r - 1 + is.length];
        System.arraycopy(ds, 0, shape, 0, axis);
        System.arraycopy(is, 0, shape, axis, is.length);
        System.arraycopy(ds, axis + 1, shape, axis + is.length, r - axis - 1);
        int[] src = new int[Broadcasting.size(shape)];
        int pos = 0;
        for (int o = 0; o < outer; o++) {
            for (int k = 0; k < ids.length; k++) {
                long id = ids[k] < 0 ? ids[k] + dim : ids[k];
                if (id < 0 || id >= dim) {
                    throw new IllegalArgumentException(
                            "index " + ids[k] + " at position " + k + " is outside 0.." + (dim - 1));
                }
                int b = (int) ((o * (long) dim + id) * inner);
                for (int j = 0; j < inner; j++) {
                    src[pos++] = b + j;
                }
            }
        }
        return Tensors.gather(data, src, shape);
    }
}
