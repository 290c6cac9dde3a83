package dev.seqlab.onnx.inspect;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A named input or output of an ONNX graph: its element type and shape as the model declares
 * them.
 *
 * @param name        the value's name in the graph
 * @param elementType the ONNX element type in lower case ({@code float}, {@code int64}, …), or
 *                    the kind of a non-tensor value ({@code sequence}, {@code map}, {@code unknown})
 * @param shape       one entry per axis; empty for a scalar (or when the model gives no shape)
 */
public record TensorSpec(String name, String elementType, List<Dim> shape) {

    /**
     * One axis of a shape.
     *
     * @param size   the fixed size, or -1 when the axis is dynamic
     * @param symbol the symbolic name of a dynamic axis ({@code batch_size}), or empty
     */
    public record Dim(long size, String symbol) {
        public Dim {
            Objects.requireNonNull(symbol, "symbol");
            if (size < -1) {
                throw new IllegalArgumentException("axis size must be -1 (dynamic) or at least 0, got " + size);
            }
        }

        /** A fixed-size axis. */
        public static Dim fixed(long size) {
            return new Dim(size, "");
        }

        /** A dynamic axis, named by {@code symbol} (may be empty). */
        public static Dim dynamic(String symbol) {
            return new Dim(-1, symbol == null ? "" : symbol);
        }

        /** Whether the axis has a fixed size. */
        public boolean isFixed() {
            return size >= 0;
        }

        @Override
        public String toString() {
            return isFixed() ? Long.toString(size) : symbol.isEmpty() ? "?" : symbol;
        }
    }

    public TensorSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(elementType, "elementType");
        shape = List.copyOf(shape);
    }

    /** The shape as {@code [batch, sequence, 384]}. */
    public String shapeText() {
        return shape.stream().map(Dim::toString).collect(Collectors.joining(", ", "[", "]"));
    }

    /** {@code name: int64 [batch, sequence]}. */
    @Override
    public String toString() {
        return name + ": " + elementType + " " + shapeText();
    }
}
