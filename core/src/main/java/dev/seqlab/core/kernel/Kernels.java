package dev.seqlab.core.kernel;

/**
 * Chooses the {@link Blas} implementation for this JVM once, at first use.
 */
public final class Kernels {
    private static final Blas BLAS = new PlainBlas();

    private Kernels() {
    }

    /** The fastest {@link Blas} available in this JVM. */
    public static Blas blas() {
        return BLAS;
    }
}
