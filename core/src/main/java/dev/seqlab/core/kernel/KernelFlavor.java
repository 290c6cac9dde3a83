package dev.seqlab.core.kernel;

/**
 * Which implementation every SIMD kernel family runs on in this JVM, as chosen once by
 * {@link Kernels#flavor()}: all families agree, so the answer is one value, not a per-kernel name.
 */
public enum KernelFlavor {
    /** Plain Java loops (no {@code jdk.incubator.vector}, too narrow vectors, or {@code seqlab.kernels=plain}). */
    PLAIN,
    /** {@code jdk.incubator.vector} kernels on the one species {@link VectorShapes#FLOATS}. */
    VECTOR;

    /** The lower-case label used in logs and reports: "plain" or "vector". */
    public String label() {
        return this == PLAIN ? "plain" : "vector";
    }
}
