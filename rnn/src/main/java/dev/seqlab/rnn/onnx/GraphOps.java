package dev.seqlab.rnn.onnx;

import java.util.Arrays;
import java.util.function.DoubleBinaryOperator;

/** The tensor operations an imported graph's glue nodes need, on {@link Val}s. */
final class GraphOps {

    private GraphOps() {
    }

    static int[] strides(int[] shape) {
        int[] s = new int[shape.length];
        int n = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            s[i] = n;
            n *= shape[i];
        }
        return s;
    }

    static int axis(long axis, int rank, String op) {
        long a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= rank) {
            throw new IllegalArgumentException(op + ": axis " + axis + " outside a rank-" + rank + " tensor");
        }
        return (int) a;
    }

    /** Numpy broadcasting of two shapes. */
    static int[] broadcast(int[] a, int[] b, String op) {
        int r = Math.max(a.length, b.length);
        int[] out = new int[r];
        for (int i = 0; i < r; i++) {
            int da = i - (r - a.length) >= 0 ? a[i - (r - a.length)] : 1;
            int db = i - (r - b.length) >= 0 ? b[i - (r - b.length)] : 1;
            if (da != db && da != 1 && db != 1) {
                throw new IllegalArgumentException(op + ": shapes " + Arrays.toString(a) + " and " + Arrays.toString(b)
                        + " do not broadcast");
            }
            out[i] = da == 1 ? db : da;
        }
        return out;
    }

    /** For each element of {@code out}, the offset of the element of {@code in} it reads under broadcasting. */
    static int[] sourceOffsets(int[] in, int[] out) {
        int n = Val.size(out);
        int[] offsets = new int[n];
        int r = out.length;
        int[] inStrides = strides(in);
        int[] eff = new int[r];
        for (int i = 0; i < r; i++) {
            int k = i - (r - in.length);
            eff[i] = k >= 0 && in[k] != 1 ? inStrides[k] : 0;
        }
        int[] idx = new int[r];
        int off = 0;
        for (int e = 0; e < n; e++) {
            offsets[e] = off;
            for (int i = r - 1; i >= 0; i--) {
                idx[i]++;
                off += eff[i];
                if (idx[i] < out[i]) {
                    break;
                }
                off -= eff[i] * idx[i];
                idx[i] = 0;
            }
        }
        return offsets;
    }

    static Val binary(Val a, Val b, String op, DoubleBinaryOperator fn, boolean boolResult) {
        int[] shape = broadcast(a.shape, b.shape, op);
        int[] oa = sourceOffsets(a.shape, shape);
        int[] ob = sourceOffsets(b.shape, shape);
        int n = oa.length;
        if (boolResult) {
            long[] out = new long[n];
            for (int i = 0; i < n; i++) {
                out[i] = fn.applyAsDouble(a.get(oa[i]), b.get(ob[i])) != 0 ? 1 : 0;
            }
            return Val.ints(Val.Type.BOOL, out, shape);
        }
        if (a.isFloat() || b.isFloat()) {
            float[] out = new float[n];
            if (a.isFloat() && b.isFloat()) {
                for (int i = 0; i < n; i++) {
                    out[i] = (float) fn.applyAsDouble(a.f[oa[i]], b.f[ob[i]]);
                }
            } else {
                for (int i = 0; i < n; i++) {
                    out[i] = (float) fn.applyAsDouble(a.get(oa[i]), b.get(ob[i]));
                }
            }
            return Val.floats(out, shape);
        }
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = (long) fn.applyAsDouble(a.l[oa[i]], b.l[ob[i]]);
        }
        return Val.ints(a.type, out, shape);
    }

    /** Float add in float arithmetic (as ONNX Runtime does it). */
    static Val add(Val a, Val b) {
        if (a.isFloat() && b.isFloat()) {
            int[] shape = broadcast(a.shape, b.shape, "Add");
            int[] oa = sourceOffsets(a.shape, shape);
            int[] ob = sourceOffsets(b.shape, shape);
            float[] out = new float[oa.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = a.f[oa[i]] + b.f[ob[i]];
            }
            return Val.floats(out, shape);
        }
        return binary(a, b, "Add", Double::sum, false);
    }

    static Val expand(Val a, int[] target) {
        int[] shape = broadcast(a.shape, target, "Expand");
        int[] src = sourceOffsets(a.shape, shape);
        if (a.isFloat()) {
            float[] out = new float[src.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = a.f[src[i]];
            }
            return Val.floats(out, shape);
        }
        long[] out = new long[src.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.l[src[i]];
        }
        return Val.ints(a.type, out, shape);
    }

    static Val transpose(Val a, int[] perm) {
        int r = a.rank();
        if (perm.length != r) {
            throw new IllegalArgumentException("Transpose: perm " + Arrays.toString(perm) + " for a rank-" + r + " tensor");
        }
        int[] shape = new int[r];
        int[] inStrides = strides(a.shape);
        int[] eff = new int[r];
        for (int i = 0; i < r; i++) {
            shape[i] = a.shape[perm[i]];
            eff[i] = inStrides[perm[i]];
        }
        int n = a.size();
        int[] src = new int[n];
        int[] idx = new int[r];
        int off = 0;
        for (int e = 0; e < n; e++) {
            src[e] = off;
            for (int i = r - 1; i >= 0; i--) {
                idx[i]++;
                off += eff[i];
                if (idx[i] < shape[i]) {
                    break;
                }
                off -= eff[i] * idx[i];
                idx[i] = 0;
            }
        }
        return gatherFlat(a, src, shape);
    }

    private static Val gatherFlat(Val a, int[] src, int[] shape) {
        if (a.isFloat()) {
            float[] out = new float[src.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = a.f[src[i]];
            }
            return Val.floats(out, shape);
        }
        long[] out = new long[src.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.l[src[i]];
        }
        return Val.ints(a.type, out, shape);
    }

    static Val reshape(Val a, long[] target, boolean allowZero) {
        int[] shape = new int[target.length];
        int infer = -1;
        long known = 1;
        for (int i = 0; i < target.length; i++) {
            long d = target[i];
            if (d == 0 && !allowZero) {
                if (i >= a.rank()) {
                    throw new IllegalArgumentException("Reshape: 0 at axis " + i + " of a rank-" + a.rank() + " input");
                }
                d = a.shape[i];
            }
            if (d == -1) {
                if (infer >= 0) {
                    throw new IllegalArgumentException("Reshape: two -1 axes in " + Arrays.toString(target));
                }
                infer = i;
                continue;
            }
            shape[i] = Math.toIntExact(d);
            known *= d;
        }
        if (infer >= 0) {
            shape[infer] = known == 0 ? 0 : Math.toIntExact(a.size() / known);
        }
        if (Val.size(shape) != a.size()) {
            throw new IllegalArgumentException("Reshape: cannot make " + Arrays.toString(a.shape) + " into "
                    + Arrays.toString(target));
        }
        return a.withShape(shape);
    }

    static Val concat(Val[] parts, long axisAttr) {
        int r = parts[0].rank();
        int axis = axis(axisAttr, r, "Concat");
        int[] shape = parts[0].shape.clone();
        shape[axis] = 0;
        for (Val p : parts) {
            if (p.rank() != r || p.type != parts[0].type) {
                throw new IllegalArgumentException("Concat: inputs " + parts[0] + " and " + p + " do not match");
            }
            shape[axis] += p.shape[axis];
        }
        int outer = 1;
        for (int i = 0; i < axis; i++) {
            outer *= shape[i];
        }
        int inner = strides(shape)[axis];
        boolean fl = parts[0].isFloat();
        int n = Val.size(shape);
        float[] fo = fl ? new float[n] : null;
        long[] lo = fl ? null : new long[n];
        int pos = 0;
        for (int o = 0; o < outer; o++) {
            for (Val p : parts) {
                int chunk = p.shape[axis] * inner;
                if (fl) {
                    System.arraycopy(p.f, o * chunk, fo, pos, chunk);
                } else {
                    System.arraycopy(p.l, o * chunk, lo, pos, chunk);
                }
                pos += chunk;
            }
        }
        return fl ? Val.floats(fo, shape) : Val.ints(parts[0].type, lo, shape);
    }

    static Val slice(Val a, long[] starts, long[] ends, long[] axes, long[] steps) {
        int r = a.rank();
        int[] begin = new int[r];
        int[] step = new int[r];
        int[] shape = a.shape.clone();
        Arrays.fill(step, 1);
        for (int k = 0; k < starts.length; k++) {
            int ax = axis(axes == null ? k : axes[k], r, "Slice");
            int dim = a.shape[ax];
            long st = steps == null ? 1 : steps[k];
            if (st == 0) {
                throw new IllegalArgumentException("Slice: step 0");
            }
            long s = starts[k] < 0 ? starts[k] + dim : starts[k];
            long e = ends[k] < 0 ? ends[k] + dim : ends[k];
            if (st > 0) {
                s = Math.max(0, Math.min(s, dim));
                e = Math.max(0, Math.min(e, dim));
                shape[ax] = (int) Math.max(0, (e - s + st - 1) / st);
            } else {
                s = Math.max(-1, Math.min(s, dim - 1));
                e = Math.max(-1, Math.min(e, dim - 1));
                shape[ax] = (int) Math.max(0, (s - e + (-st) - 1) / (-st));
            }
            begin[ax] = (int) s;
            step[ax] = (int) st;
        }
        int[] inStrides = strides(a.shape);
        int n = Val.size(shape);
        int[] src = new int[n];
        int[] idx = new int[r];
        for (int e = 0; e < n; e++) {
            int off = 0;
            for (int i = 0; i < r; i++) {
                off += (begin[i] + idx[i] * step[i]) * inStrides[i];
            }
            src[e] = off;
            for (int i = r - 1; i >= 0; i--) {
                if (++idx[i] < shape[i]) {
                    break;
                }
                idx[i] = 0;
            }
        }
        return gatherFlat(a, src, shape);
    }

    /** ONNX Gather along {@code axis}; negative indices count from the end. */
    static Val gather(Val data, Val indices, long axisAttr) {
        int r = data.rank();
        int axis = axis(axisAttr, r, "Gather");
        int dim = data.shape[axis];
        int outer = 1;
        for (int i = 0; i < axis; i++) {
            outer *= data.shape[i];
        }
        int inner = strides(data.shape)[axis];
        long[] ids = indices.longValues();
        int[] shape = new int[r - 1 + indices.rank()];
        System.arraycopy(data.shape, 0, shape, 0, axis);
        System.arraycopy(indices.shape, 0, shape, axis, indices.rank());
        System.arraycopy(data.shape, axis + 1, shape, axis + indices.rank(), r - axis - 1);
        int[] src = new int[Val.size(shape)];
        int pos = 0;
        for (int o = 0; o < outer; o++) {
            for (int k = 0; k < ids.length; k++) {
                long id = ids[k] < 0 ? ids[k] + dim : ids[k];
                if (id < 0 || id >= dim) {
                    throw new IllegalArgumentException("Gather: index " + ids[k] + " at position " + k
                            + " is outside 0.." + (dim - 1));
                }
                int base = (int) ((o * (long) dim + id) * inner);
                for (int j = 0; j < inner; j++) {
                    src[pos++] = base + j;
                }
            }
        }
        return gatherFlat(data, src, shape);
    }

    /** Softmax (or log-softmax) over {@code axis}; before opset 13 over all axes from {@code axis} on. */
    static Val softmax(Val a, long axisAttr, boolean flatten, boolean log) {
        int r = a.rank();
        int axis = axis(axisAttr, r, "Softmax");
        int inner = strides(a.shape)[axis];
        int dim = a.shape[axis];
        float[] out = new float[a.size()];
        if (flatten) {
            dim *= inner;
            inner = 1;
        }
        int outer = a.size() / (dim * inner);
        for (int o = 0; o < outer; o++) {
            for (int j = 0; j < inner; j++) {
                int base = o * dim * inner + j;
                double max = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < dim; k++) {
                    max = Math.max(max, a.f[base + k * inner]);
                }
                double sum = 0;
                for (int k = 0; k < dim; k++) {
                    sum += Math.exp(a.f[base + k * inner] - max);
                }
                double logSum = Math.log(sum);
                for (int k = 0; k < dim; k++) {
                    double z = a.f[base + k * inner] - max;
                    out[base + k * inner] = (float) (log ? z - logSum : Math.exp(z) / sum);
                }
            }
        }
        return Val.floats(out, a.shape);
    }

    static Val reduceSum(Val a, long[] axes, boolean keepDims) {
        int r = a.rank();
        boolean[] reduce = new boolean[r];
        if (axes == null || axes.length == 0) {
            Arrays.fill(reduce, true);
        } else {
            for (long ax : axes) {
                reduce[axis(ax, r, "ReduceSum")] = true;
            }
        }
        int[] keep = new int[r];
        for (int i = 0; i < r; i++) {
            keep[i] = reduce[i] ? 1 : a.shape[i];
        }
        int[] dst = sourceOffsets(keep, a.shape);
        int n = Val.size(keep);
        double[] sum = new double[n];
        for (int i = 0; i < dst.length; i++) {
            sum[dst[i]] += a.get(i);
        }
        int[] shape = keepDims ? keep : Arrays.stream(java.util.stream.IntStream.range(0, r).filter(i -> !reduce[i])
                .map(i -> a.shape[i]).toArray()).toArray();
        if (a.isFloat()) {
            float[] out = new float[n];
            for (int i = 0; i < n; i++) {
                out[i] = (float) sum[i];
            }
            return Val.floats(out, shape);
        }
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = (long) sum[i];
        }
        return Val.ints(a.type, out, shape);
    }

    static Val cast(Val a, Val.Type to) {
        if (to == Val.Type.FLOAT) {
            if (a.isFloat()) {
                return a;
            }
            float[] out = new float[a.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = a.l[i];
            }
            return Val.floats(out, a.shape);
        }
        long[] out = new long[a.size()];
        for (int i = 0; i < out.length; i++) {
            double v = a.get(i);
            out[i] = to == Val.Type.BOOL ? (v != 0 ? 1 : 0) : to == Val.Type.INT32 ? (int) (long) v : (long) v;
        }
        return Val.ints(to, out, a.shape);
    }

    /** Removes the given axes (all size-1 axes when none are given). */
    static Val squeeze(Val a, long[] axes) {
        int r = a.rank();
        boolean[] drop = new boolean[r];
        if (axes == null || axes.length == 0) {
            for (int i = 0; i < r; i++) {
                drop[i] = a.shape[i] == 1;
            }
        } else {
            for (long ax : axes) {
                int i = axis(ax, r, "Squeeze");
                if (a.shape[i] != 1) {
                    throw new IllegalArgumentException("Squeeze: axis " + ax + " of " + Arrays.toString(a.shape) + " is not 1");
                }
                drop[i] = true;
            }
        }
        return a.withShape(java.util.stream.IntStream.range(0, r).filter(i -> !drop[i]).map(i -> a.shape[i]).toArray());
    }

    static Val unsqueeze(Val a, long[] axes) {
        int r = a.rank() + axes.length;
        boolean[] add = new boolean[r];
        for (long ax : axes) {
            add[axis(ax, r, "Unsqueeze")] = true;
        }
        int[] shape = new int[r];
        int k = 0;
        for (int i = 0; i < r; i++) {
            shape[i] = add[i] ? 1 : a.shape[k++];
        }
        return a.withShape(shape);
    }
}
