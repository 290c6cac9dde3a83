package dev.seqlab.core.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.invoke.MethodHandles;
import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.api.Test;

/** With --add-modules jdk.incubator.vector (the default test run), the SIMD kernels are chosen. */
class KernelsTest {

    @Test
    void picksVectorKernelsWhenTheModuleIsPresentAndVectorsAreWide() {
        assertTrue(Kernels.vectorModulePresent());
        String expected = FloatVector.SPECIES_PREFERRED.vectorBitSize() >= 256 ? "vector" : "plain";
        assertEquals(expected, Kernels.blas().name());
        assertEquals(expected, Kernels.blas(1).name());
        assertEquals(expected, Kernels.blas(4).name());
        assertEquals(expected, Kernels.elementwise().name());
        assertEquals(expected, Kernels.int8BlockDots().name());
        assertEquals(expected, Kernels.int4BlockDots().name());
        assertEquals(expected, Kernels.flavor().label());
        assertEquals(expected.equals("vector"), Kernels.isVectorized());
    }

    @Test
    void selectGivesEveryFamilyTheSameFlavour() {
        Elementwise e =
                Kernels.select(MethodHandles.lookup(), Elementwise.class, "VectorElementwise", PlainElementwise::new);
        assertEquals(Kernels.flavor().label(), e.name());
        assertEquals(Kernels.isVectorized() ? VectorElementwise.class : PlainElementwise.class, e.getClass());
    }

    @Test
    void selectFallsBackToPlainWhenTheSimdClassCannotBeMade() {
        Elementwise missing =
                Kernels.select(MethodHandles.lookup(), Elementwise.class, "NoSuchElementwise", PlainElementwise::new);
        assertEquals(PlainElementwise.class, missing.getClass());
        Elementwise wrongType =
                Kernels.select(MethodHandles.lookup(), Elementwise.class, "VectorInt8BlockDots", PlainElementwise::new);
        assertEquals(PlainElementwise.class, wrongType.getClass());
    }

    @Test
    void rejectsNonPositiveThreadCounts() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Kernels.blas(0));
        assertTrue(e.getMessage().contains("at least 1"));
        assertTrue(Kernels.defaultThreads() >= 1);
    }
}
