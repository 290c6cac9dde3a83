package dev.seqlab.onnx;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A named input or output of an ONNX graph: its element type and shape as the model declares
 * them. Both the inspector (reading the file) and a running session describe values this way.
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
     * @param symbol the symbolic name of a dynamic axis ({@code batch_size}), or empty when the
     *               axis is fixed or has no name
     */
    public record Dim(long size, String symbol) {
        /** Validates the axis. */
        public Dim {
            Objects.requireNonNull(symbol, "symbol");
            if (size < -1) {
                throw new IllegalArgumentException("axis size must be -1 (dynamic) or at least 0, got " + size);
            }
            if (size >= 0 && !symbol.isEmpty()) {
                throw new IllegalArgumentException("a fixed axis (" + size + ") has no symbol, got '" + symbol + "'");
            }
        }

        /** A fixed-size axis. */
        public static Dim fixed(long size) {
            return new Dim(size, "");
        }

        /** A dynamic axis, named by {@code symbol} (null or empty: unnamed). */
        public static Dim dynamic(String symbol) {
            return new Dim(-1, symbol == null ? "" : symbol);
        }

        /** Whether the axis has a fixed size. */
        public boolean isFixed() {
            return size >= 0;
        }

        /** The size ({@code 384}), the symbol ({@code batch_size}) or {@code ?} for an unnamed dynamic axis. */
        @Override
        public String toString() {
            return isFixed() ? Long.toString(size) : symbol.isEmpty() ? "?" : symbol;
        }
    }

    /** Validates and copies the shape. */
    public TensorSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(elementType, "elementType");
        shape = List.copyOf(shape);
    }

    /**
     * A spec from a shape as ONNX Runtime reports it: sizes with -1 for dynamic axes, and the
     * axes' symbolic names (entries may be empty; the array may be null).
     */
    public static TensorSpec of(String name, String elementType, long[] sizes, String[] symbols) {
        List<Dim> dims = new ArrayList<>(sizes.length);
        for (int i = 0; i < sizes.length; i++) {
            String symbol = symbols != null && i < symbols.length && symbols[i] != null ? symbols[i] : "";
            dims.add(sizes[i] >= 0 ? Dim.fixed(sizes[i]) : Dim.dynamic(symbol));
        }
        return new TensorSpec(name, elementType, dims);
    }

    /** The number of axes. */
    public int rank() {
        return shape.size();
    }

    /** The shape as {@code [batch_size, sequence_length, 384]}. */
    public String shapeText() {
        return shape.stream().map(Dim::toString).collect(Collectors.joining(", ", "[", "]"));
    }

    /** {@code name: int64 [batch_size, sequence_length]}. */
    @Override
    public String toString() {
        return name + ": " + elementType + " " + shapeText();
    }
}
