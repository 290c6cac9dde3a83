package dev.seqlab.onnx;

import dev.seqlab.core.tensor.Tensor;
import java.util.Arrays;
import java.util.Objects;

/**
 * A dense row-major tensor in Java memory, what ONNX Runtime sessions
 * ({@code dev.seqlab.onnx.runtime.OnnxModel}) and the graph interpreter
 * ({@link dev.seqlab.onnx.interpret.GraphInterpreter}) take and give: float32, int64, int32 or
 * bool elements and a shape. The array is not copied; do not change it while a model runs on it.
 *
 * <pre>{@code
 * HostTensor ids = HostTensor.longs(new long[] {101, 7592, 102}, 1, 3);
 * }</pre>
 */
public final class HostTensor {

    /** The element types a host tensor holds, by their ONNX names. */
    public enum ElementType {
        /** 32-bit IEEE float ({@code float} in ONNX). */
        FLOAT("float"),
        /** 64-bit signed integer. */
        INT64("int64"),
        /** 32-bit signed integer. */
        INT32("int32"),
        /** Boolean. */
        BOOL("bool");

        private final String onnxName;

        ElementType(String onnxName) {
            this.onnxName = onnxName;
        }

        /** The ONNX name ({@code float}, {@code int64}, {@code int32}). */
        public String onnxName() {
            return onnxName;
        }
    }

    private final ElementType type;
    private final long[] shape;
    private final Object data;

    private HostTensor(ElementType type, Object data, int length, long[] shape) {
        this.type = type;
        this.shape = shape.clone();
        this.data = data;
        long n = 1;
        for (long d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative axis in shape " + Arrays.toString(shape));
            }
            n = Math.multiplyExact(n, d);
        }
        if (n != length) {
            throw new IllegalArgumentException(
                    "shape " + Arrays.toString(shape) + " holds " + n + " elements but " + length + " were given");
        }
    }

    /** A float tensor of the given shape over {@code data} (row-major). */
    public static HostTensor floats(float[] data, long... shape) {
        return new HostTensor(ElementType.FLOAT, Objects.requireNonNull(data), data.length, shape);
    }

    /** An int64 tensor of the given shape over {@code data} (row-major). */
    public static HostTensor longs(long[] data, long... shape) {
        return new HostTensor(ElementType.INT64, Objects.requireNonNull(data), data.length, shape);
    }

    /** An int32 tensor of the given shape over {@code data} (row-major). */
    public static HostTensor ints(int[] data, long... shape) {
        return new HostTensor(ElementType.INT32, Objects.requireNonNull(data), data.length, shape);
    }

    /** A bool tensor of the given shape over {@code data} (row-major). */
    public static HostTensor bools(boolean[] data, long... shape) {
        return new HostTensor(ElementType.BOOL, Objects.requireNonNull(data), data.length, shape);
    }

    /** A float tensor of zeros. */
    public static HostTensor zeros(long... shape) {
        long n = 1;
        for (long d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative axis in shape " + Arrays.toString(shape));
            }
            n = Math.multiplyExact(n, d);
        }
        return floats(new float[Math.toIntExact(n)], shape);
    }

    /** A float tensor over the data of a seqlab {@link Tensor} (not copied), with its shape. */
    public static HostTensor of(Tensor tensor) {
        int[] s = tensor.shape();
        long[] shape = new long[s.length];
        for (int i = 0; i < s.length; i++) {
            shape[i] = s[i];
        }
        return floats(tensor.data(), shape);
    }

    /**
     * This float tensor as a seqlab {@link Tensor} over the same data (not copied).
     *
     * @throws IllegalStateException if the tensor does not hold floats
     */
    public Tensor toTensor() {
        int[] s = new int[shape.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = Math.toIntExact(shape[i]);
        }
        return Tensor.wrap(floats(), s);
    }

    /** The element type. */
    public ElementType type() {
        return type;
    }

    /** A copy of the shape. */
    public long[] shape() {
        return shape.clone();
    }

    /** The number of elements (1 for a scalar). */
    public long size() {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return n;
    }

    /** The size of axis {@code i}. */
    public long dim(int i) {
        return shape[i];
    }

    /** The number of axes. */
    public int rank() {
        return shape.length;
    }

    /** The elements of a float tensor (not copied). */
    public float[] floats() {
        return (float[]) expect(ElementType.FLOAT);
    }

    /** The elements of an int64 tensor (not copied). */
    public long[] longs() {
        return (long[]) expect(ElementType.INT64);
    }

    /** The elements of an int32 tensor (not copied). */
    public int[] ints() {
        return (int[]) expect(ElementType.INT32);
    }

    /** The elements of a bool tensor (not copied). */
    public boolean[] bools() {
        return (boolean[]) expect(ElementType.BOOL);
    }

    /** The backing array ({@code float[]}, {@code long[]}, {@code int[]} or {@code boolean[]}; not copied). */
    public Object data() {
        return data;
    }

    /**
     * The same elements (not copied) seen with another shape.
     *
     * @throws IllegalArgumentException if the shape holds another number of elements
     */
    public HostTensor reshape(long... newShape) {
        return new HostTensor(type, data, Math.toIntExact(size()), newShape);
    }

    private Object expect(ElementType wanted) {
        if (type != wanted) {
            throw new IllegalStateException("tensor holds " + type.onnxName() + ", not " + wanted.onnxName());
        }
        return data;
    }

    /** {@code float[2, 3]}. */
    @Override
    public String toString() {
        return type.onnxName() + Arrays.toString(shape);
    }
}
