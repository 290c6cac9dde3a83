package dev.seqlab.embeddings.word2vec;

import dev.seqlab.core.kernel.Kernels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the {@link Word2VecKernel} once: the SIMD one exactly when core's
 * {@link Kernels#blas()} is SIMD (same rules: {@code --add-modules jdk.incubator.vector}, the
 * {@code seqlab.kernels} property), else plain Java.
 */
final class Word2VecKernels {
    private static final Logger LOG = LoggerFactory.getLogger(Word2VecKernels.class);
    static final Word2VecKernel KERNEL = choose();

    private Word2VecKernels() {
    }

    private static Word2VecKernel choose() {
        if (Kernels.blas(1).name().equals("vector")) {
            try {
                return (Word2VecKernel) Class.forName(Word2VecKernels.class.getPackageName() + ".VectorWord2VecKernel")
                        .getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException | LinkageError e) {
                LOG.debug("SIMD word2vec kernel unavailable ({}); using plain Java", e.toString());
            }
        }
        return new PlainWord2VecKernel();
    }
}
