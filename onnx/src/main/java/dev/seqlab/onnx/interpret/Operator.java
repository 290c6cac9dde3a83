package dev.seqlab.onnx.interpret;

/**
 * How one ONNX operator is computed: given a node of the graph (its attributes and the inputs
 * already known when the graph is read), it checks what it can once and returns the
 * {@link Step} that computes the node's outputs on every run.
 *
 * <pre>{@code
 * Operator tanh = node -> in -> Step.one(Elementwise.map(in[0], Activations::tanh));
 * }</pre>
 */
@FunctionalInterface
public interface Operator {

    /**
     * Prepares {@code node}.
     *
     * @throws UnsupportedGraphException if the node uses something this operator does not support
     *                                   (see {@link Node#unsupported})
     * @throws IllegalArgumentException  if the node is malformed (wrong attribute or constant shapes)
     */
    Step prepare(Node node);
}
