package dev.seqlab.rnn.onnx;

import dev.seqlab.onnx.HostTensor;
import java.util.Arrays;

/**
 * A tensor flowing through an imported graph: float values in {@code f}, or integer and boolean
 * values (as 0/1) in {@code l}, row-major with {@code shape}.
 */
final class Val {
    /** The element types the importer computes with. */
    enum Type { FLOAT, INT64, INT32, BOOL }

    final Type type;
    final int[] shape;
    final float[] f;
    final long[] l;

    private Val(Type type, int[] shape, float[] f, long[] l) {
        this.type = type;
        this.shape = shape;
        this.f = f;
        this.l = l;
        int n = size(shape);
        if ((f != null ? f.length : l.length) != n) {
            throw new IllegalStateException("shape " + Arrays.toString(shape) + " holds " + n + " values, got "
                    + (f != null ? f.length : l.length));
        }
    }

    static Val floats(float[] data, int... shape) {
        return new Val(Type.FLOAT, shape, data, null);
    }

    static Val ints(Type type, long[] data, int... shape) {
        if (type == Type.FLOAT) {
            throw new IllegalArgumentException("float data given as integers");
        }
        return new Val(type, shape, null, data);
    }

    static Val longs(long[] data, int... shape) {
        return ints(Type.INT64, data, shape);
    }

    /** Zeros of {@code type} (ints and booleans) or floats. */
    static Val zeros(Type type, int... shape) {
        int n = size(shape);
        return type == Type.FLOAT ? floats(new float[n], shape) : ints(type, new long[n], shape);
    }

    static int size(int[] shape) {
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        return Math.toIntExact(n);
    }

    int size() {
        return size(shape);
    }

    int rank() {
        return shape.length;
    }

    boolean isFloat() {
        return type == Type.FLOAT;
    }

    /** Element {@code i} as a double. */
    double get(int i) {
        return f != null ? f[i] : l[i];
    }

    /** Integer values (floats truncated), e.g. a shape or axes tensor. */
    long[] longValues() {
        if (l != null) {
            return l;
        }
        long[] out = new long[f.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (long) f[i];
        }
        return out;
    }

    /** A value of the same type with {@code n} elements from {@code src} (a copy with a new shape). */
    Val withShape(int... newShape) {
        return f != null ? floats(f, newShape) : ints(type, l, newShape);
    }

    static Val fromHost(HostTensor t) {
        long[] s = t.shape();
        int[] shape = new int[s.length];
        for (int i = 0; i < s.length; i++) {
            shape[i] = Math.toIntExact(s[i]);
        }
        return switch (t.type()) {
            case FLOAT -> floats(t.floats(), shape);
            case INT64 -> longs(t.longs(), shape);
            case INT32 -> {
                int[] d = t.ints();
                long[] l = new long[d.length];
                for (int i = 0; i < d.length; i++) {
                    l[i] = d[i];
                }
                yield ints(Type.INT32, l, shape);
            }
        };
    }

    HostTensor toHost(String name) {
        long[] s = new long[shape.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = shape[i];
        }
        return switch (type) {
            case FLOAT -> HostTensor.floats(f, s);
            case INT64 -> HostTensor.longs(l, s);
            case INT32 -> {
                int[] d = new int[l.length];
                for (int i = 0; i < d.length; i++) {
                    d[i] = (int) l[i];
                }
                yield HostTensor.ints(d, s);
            }
            case BOOL -> throw new IllegalStateException("output '" + name + "' is boolean; seqlab returns float, int64 and int32 outputs");
        };
    }

    @Override
    public String toString() {
        return type.name().toLowerCase(java.util.Locale.ROOT) + Arrays.toString(shape);
    }
}
