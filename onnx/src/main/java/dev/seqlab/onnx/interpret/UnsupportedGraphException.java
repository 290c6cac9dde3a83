package dev.seqlab.onnx.interpret;

/** A graph feature the interpreter does not compute: an operator, an attribute value, an element type. */
public final class UnsupportedGraphException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A one-line message naming the operator and node. */
    public UnsupportedGraphException(String message) {
        super(message);
    }
}
