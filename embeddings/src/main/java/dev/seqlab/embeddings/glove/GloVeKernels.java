package dev.seqlab.embeddings.glove;

import dev.seqlab.core.kernel.Kernels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the {@link GloVeKernel} once: the SIMD one exactly when core's
 * {@link Kernels#blas()} is SIMD (same rules: {@code --add-modules jdk.incubator.vector}, the
 * {@code seqlab.kernels} property), else plain Java.
 */
final class GloVeKernels {
    private static final Logger LOG = LoggerFactory.getLogger(GloVeKernels.class);
    static final GloVeKernel KERNEL = choose();

    private GloVeKernels() {
    }

    private static GloVeKernel choose() {
        if (Kernels.blas(1).name().equals("vector")) {
            try {
                return (GloVeKernel) Class.forName(GloVeKernels.class.getPackageName() + ".VectorGloVeKernel")
                        .getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException | LinkageError e) {
                LOG.debug("SIMD glove kernel unavailable ({}); using plain Java", e.toString());
            }
        }
        return new PlainGloVeKernel();
    }
}
