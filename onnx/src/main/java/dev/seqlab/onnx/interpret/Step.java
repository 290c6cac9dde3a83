package dev.seqlab.onnx.interpret;

import dev.seqlab.onnx.HostTensor;

/**
 * One prepared node: computes its outputs from its inputs. Must not keep state between runs (a
 * graph may run on several threads at once).
 */
@FunctionalInterface
public interface Step {

    /**
     * Computes the node.
     *
     * @param inputs the node's inputs in order; an omitted optional input is null
     * @return the node's outputs in order (trailing optional outputs may be left out or null)
     * @throws IllegalArgumentException if the inputs do not fit the node (the interpreter adds the
     *                                  node's name to the message)
     */
    HostTensor[] run(HostTensor[] inputs);

    /** One output. */
    static HostTensor[] one(HostTensor t) {
        return new HostTensor[] {t};
    }
}
