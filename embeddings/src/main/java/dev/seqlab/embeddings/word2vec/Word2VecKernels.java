package dev.seqlab.embeddings.word2vec;

import dev.seqlab.core.kernel.Kernels;
import java.lang.invoke.MethodHandles;

/**
 * The {@link Word2VecKernel} of this JVM, chosen once by core's one selection mechanism
 * ({@link Kernels#select}): the SIMD one exactly when the other kernels are SIMD, else plain Java.
 */
public final class Word2VecKernels {
    static final Word2VecKernel KERNEL = Kernels.select(
            MethodHandles.lookup(), Word2VecKernel.class, "VectorWord2VecKernel", PlainWord2VecKernel::new);

    private Word2VecKernels() {}

    /** This JVM's kernel. */
    public static Word2VecKernel kernel() {
        return KERNEL;
    }
}
