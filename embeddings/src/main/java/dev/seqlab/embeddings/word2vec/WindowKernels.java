package dev.seqlab.embeddings.word2vec;

import dev.seqlab.core.kernel.Kernels;
import java.lang.invoke.MethodHandles;

/**
 * The {@link WindowKernel} of this JVM, chosen once by core's one selection mechanism
 * ({@link Kernels#select}): the SIMD one exactly when the other kernels are SIMD, else plain Java.
 */
public final class WindowKernels {
    static final WindowKernel KERNEL =
            Kernels.select(MethodHandles.lookup(), WindowKernel.class, "VectorWindowKernel", PlainWindowKernel::new);

    private WindowKernels() {}

    /** This JVM's kernel. */
    public static WindowKernel kernel() {
        return KERNEL;
    }
}
