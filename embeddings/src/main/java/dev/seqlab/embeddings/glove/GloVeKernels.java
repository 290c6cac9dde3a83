package dev.seqlab.embeddings.glove;

import dev.seqlab.core.kernel.Kernels;
import java.lang.invoke.MethodHandles;

/**
 * The {@link GloVeKernel} of this JVM, chosen once by core's one selection mechanism
 * ({@link Kernels#select}): the SIMD one exactly when the other kernels are SIMD, else plain Java.
 */
final class GloVeKernels {
    static final GloVeKernel KERNEL =
            Kernels.select(MethodHandles.lookup(), GloVeKernel.class, "VectorGloVeKernel", PlainGloVeKernel::new);

    private GloVeKernels() {}
}
