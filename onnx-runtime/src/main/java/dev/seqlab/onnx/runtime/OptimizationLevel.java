package dev.seqlab.onnx.runtime;

/** How much ONNX Runtime rewrites a graph before running it (its graph optimisation levels). */
public enum OptimizationLevel {
    /** Run the graph as written. */
    NONE,
    /** Semantics-preserving rewrites such as constant folding and redundant-node removal. */
    BASIC,
    /** BASIC plus operator fusions (GELU, attention, layer norm…). */
    EXTENDED,
    /** Everything, including layout optimisations. */
    ALL
}
