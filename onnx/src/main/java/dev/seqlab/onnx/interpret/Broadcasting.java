package dev.seqlab.onnx.interpret;

import java.util.Arrays;

/** Shape arithmetic shared by the operators: strides, axes, numpy broadcasting, index maps. */
public final class Broadcasting {

    private Broadcasting() {}

    /** Row-major strides of a shape. */
    public static int[] strides(int[] shape) {
        int[] s = new int[shape.length];
        int n = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            s[i] = n;
            n *= shape[i];
        }
        return s;
    }

    /** The number of elements of a shape. */
    public static int size(int[] shape) {
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        return Math.toIntExact(n);
    }

    /** A possibly negative axis of a rank-{@code rank} tensor, checked. */
    public static int axis(long axis, int rank, String op) {
        long a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= rank) {
            throw new IllegalArgumentException(op + ": axis " + axis + " outside a rank-" + rank + " tensor");
        }
        return (int) a;
    }

    /** Numpy broadcasting of two shapes. */
    public static int[] broadcast(int[] a, int[] b, String op) {
        int r = Math.max(a.length, b.length);
        int[] out = new int[r];
        for (int i = 0; i < r; i++) {
            int da = i - (r - a.length) >= 0 ? a[i - (r - a.length)] : 1;
            int db = i - (r - b.length) >= 0 ? b[i - (r - b.length)] : 1;
            if (da != db && da != 1 && db != 1) {
                throw new IllegalArgumentException(
                        op + ": shapes " + Arrays.toString(a) + " and " + Arrays.toString(b) + " do not broadcast");
            }
            out[i] = da == 1 ? db : da;
        }
        return out;
    }

    /** For each element of {@code out}, the offset of the element of {@code in} it reads under broadcasting. */
    public static int[] sourceOffsets(int[] in, int[] out) {
        int r = out.length;
        int[] inStrides = strides(in);
        int[] eff = new int[r];
        for (int i = 0; i < r; i++) {
            int k = i - (r - in.length);
            eff[i] = k >= 0 && in[k] != 1 ? inStrides[k] : 0;
        }
        return walk(out, eff, 0);
    }

    /**
     * The offsets an odometer over {@code shape} reaches when axis {@code i} advances by
     * {@code step[i]}, starting at {@code start}: the index map of broadcasting, transposing and slicing.
     */
    public static int[] walk(int[] shape, int[] step, int start) {
        int r = shape.length;
        int n = size(shape);
        int[] offsets = new int[n];
        int[] idx = new int[r];
        int off = start;
        for (int e = 0; e < n; e++) {
            offsets[e] = off;
            for (int i = r - 1; i >= 0; i--) {
                idx[i]++;
                off += step[i];
                if (idx[i] < shape[i]) {
                    break;
                }
                off -= step[i] * idx[i];
                idx[i] = 0;
            }
        }
        return offsets;
    }
}
