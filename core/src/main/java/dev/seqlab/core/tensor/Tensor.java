package dev.seqlab.core.tensor;

import java.util.Arrays;

/**
 * A dense float32 tensor stored row-major in one {@code float[]}.
 *
 * <p>The shape is fixed at construction and checked by every accessor. The backing array is
 * exposed through {@link #data()} on purpose: kernels ({@link dev.seqlab.core.kernel.Blas})
 * and layers work on it directly, with the tensor serving as the shape-checked owner.
 *
 * <pre>{@code
 * Tensor w = Tensor.zeros(4, 3);      // 4 rows, 3 columns
 * w.set(1.5f, 2, 0);                  // w[2][0] = 1.5
 * float x = w.get(2, 0);
 * }</pre>
 */
public final class Tensor {
    private final float[] data;
    private final int[] shape;

    private Tensor(float[] data, int[] shape) {
        this.data = data;
        this.shape = shape;
    }

    /** A new tensor of the given shape filled with zeros. */
    public static Tensor zeros(int... shape) {
        int[] s = checkShape(shape);
        return new Tensor(new float[sizeOf(s)], s);
    }

    /**
     * Wraps {@code data} (not copied) as a tensor of the given shape.
     *
     * @throws IllegalArgumentException if the array length is not the product of the shape
     */
    public static Tensor wrap(float[] data, int... shape) {
        int[] s = checkShape(shape);
        int n = sizeOf(s);
        if (data.length != n) {
            throw new IllegalArgumentException("array of length " + data.length + " does not fit shape "
                    + Arrays.toString(s) + " (needs " + n + ")");
        }
        return new Tensor(data, s);
    }

    /** A tensor holding a copy of {@code data} with the given shape. */
    public static Tensor of(float[] data, int... shape) {
        return wrap(data.clone(), shape);
    }

    /** A rank-2 tensor holding a copy of the given rows, which must all have the same length. */
    public static Tensor matrix(float[][] rows) {
        if (rows.length == 0) {
            throw new IllegalArgumentException("a matrix needs at least one row");
        }
        int cols = rows[0].length;
        float[] d = new float[rows.length * cols];
        for (int r = 0; r < rows.length; r++) {
            if (rows[r].length != cols) {
                throw new IllegalArgumentException(
                        "row " + r + " has " + rows[r].length + " columns, row 0 has " + cols);
            }
            System.arraycopy(rows[r], 0, d, r * cols, cols);
        }
        return new Tensor(d, new int[] {rows.length, cols});
    }

    /** The backing array, row-major; changes to it change the tensor. */
    public float[] data() {
        return data;
    }

    /** A copy of the shape. */
    public int[] shape() {
        return shape.clone();
    }

    /** The number of dimensions. */
    public int rank() {
        return shape.length;
    }

    /** The extent of dimension {@code axis}; negative axes count from the end. */
    public int dim(int axis) {
        int a = axis < 0 ? shape.length + axis : axis;
        if (a < 0 || a >= shape.length) {
            throw new IndexOutOfBoundsException("axis " + axis + " of a rank-" + shape.length + " tensor");
        }
        return shape[a];
    }

    /** The number of elements. */
    public int size() {
        return data.length;
    }

    /** Rows of a rank-2 tensor. */
    public int rows() {
        requireRank(2);
        return shape[0];
    }

    /** Columns of a rank-2 tensor. */
    public int cols() {
        requireRank(2);
        return shape[1];
    }

    /** True when the other tensor has the same shape. */
    public boolean sameShape(Tensor other) {
        return Arrays.equals(shape, other.shape);
    }

    /** The element at the given indices (one per dimension). */
    public float get(int... index) {
        return data[offset(index)];
    }

    /** Sets the element at the given indices (one per dimension). */
    public void set(float value, int... index) {
        data[offset(index)] = value;
    }

    /** The row-major offset of an index, checked against the shape. */
    public int offset(int... index) {
        if (index.length != shape.length) {
            throw new IllegalArgumentException(index.length + " indices for a rank-" + shape.length
                    + " tensor of shape " + Arrays.toString(shape));
        }
        int off = 0;
        for (int i = 0; i < shape.length; i++) {
            if (index[i] < 0 || index[i] >= shape[i]) {
                throw new IndexOutOfBoundsException(
                        "index " + Arrays.toString(index) + " outside shape " + Arrays.toString(shape));
            }
            off = off * shape[i] + index[i];
        }
        return off;
    }

    /** A tensor sharing this one's data with another shape of the same size. */
    public Tensor reshape(int... newShape) {
        return wrap(data, newShape);
    }

    /** A deep copy. */
    public Tensor copy() {
        return new Tensor(data.clone(), shape.clone());
    }

    /** Sets every element to {@code value}; returns this. */
    public Tensor fill(float value) {
        Arrays.fill(data, value);
        return this;
    }

    /** Copies the other tensor's values into this one; the shapes must match. */
    public void copyFrom(Tensor other) {
        requireSameShape(other);
        System.arraycopy(other.data, 0, data, 0, data.length);
    }

    /**
     * @throws IllegalArgumentException naming both shapes if the other tensor's shape differs
     */
    public void requireSameShape(Tensor other) {
        if (!sameShape(other)) {
            throw new IllegalArgumentException(
                    "shape mismatch: " + Arrays.toString(shape) + " vs " + Arrays.toString(other.shape));
        }
    }

    private void requireRank(int r) {
        if (shape.length != r) {
            throw new IllegalStateException("expected a rank-" + r + " tensor, got shape " + Arrays.toString(shape));
        }
    }

    private static int[] checkShape(int[] shape) {
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            }
        }
        sizeOf(shape);
        return shape.clone();
    }

    private static int sizeOf(int[] shape) {
        long n = 1;
        for (int d : shape) {
            n *= d;
            if (n > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " has more than 2^31 elements");
            }
        }
        return (int) n;
    }

    @Override
    public String toString() {
        StringBuilder sb =
                new StringBuilder("Tensor").append(Arrays.toString(shape)).append(' ');
        int n = Math.min(data.length, 8);
        sb.append('[');
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(data[i]);
        }
        return sb.append(data.length > n ? ", …]" : "]").toString();
    }
}
