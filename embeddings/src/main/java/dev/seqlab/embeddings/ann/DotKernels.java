package dev.seqlab.embeddings.ann;

import dev.seqlab.core.kernel.Kernels;
import java.lang.invoke.MethodHandles;

/**
 * The {@link DotKernel} of this JVM, chosen once by core's one selection mechanism
 * ({@link Kernels#select}): the SIMD one exactly when the other kernels are SIMD, else plain Java.
 */
final class DotKernels {
    static final DotKernel KERNEL =
            Kernels.select(MethodHandles.lookup(), DotKernel.class, "VectorDotKernel", PlainDotKernel::new);

    private DotKernels() {}
}
