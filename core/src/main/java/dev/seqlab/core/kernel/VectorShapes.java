package dev.seqlab.core.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The one float vector species every seqlab kernel on {@code jdk.incubator.vector} uses: the
 * platform's preferred width (512 bits with AVX-512, 256 with AVX2).
 *
 * <p>One species for all is a rule, not a taste: once two float species (say 256 and 512 bits)
 * have run through the Vector API's shared code in one JVM, the JIT compiler's type profiles
 * there are mixed and all vector code in that JVM can fall off its intrinsics. Seen on this
 * project's machines: training the date model after a word2vec run in the same JVM took 66 s
 * instead of 8 s. Like every class that names the Vector API, this one is only loaded when the
 * module is present (kernels that use it are instantiated reflectively).
 */
public final class VectorShapes {
    /** The float species of all SIMD kernels. */
    public static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_PREFERRED;

    private VectorShapes() {}
}
