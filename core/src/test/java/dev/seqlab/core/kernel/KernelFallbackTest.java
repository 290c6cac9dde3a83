package dev.seqlab.core.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.lang.invoke.MethodHandles;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Runs only in the surefire execution without {@code --add-modules jdk.incubator.vector} (and with
 * {@code -Dseqlab.kernels=vector}, which cannot be honoured there, and {@code -Dseqlab.threads=3}):
 * the kernels must fall back to plain Java and work, single- and multi-threaded.
 */
class KernelFallbackTest {

    @Test
    void fallsBackToPlainKernelsWithoutTheVectorModule() {
        assertFalse(Kernels.vectorModulePresent(), "this test must run without --add-modules jdk.incubator.vector");
        assertEquals("plain", Kernels.blas().name());
        assertEquals("plain", Kernels.elementwise().name());
        assertEquals("plain", Kernels.int8BlockDots().name());
        assertEquals("plain", Kernels.int4BlockDots().name());
        assertEquals(KernelFlavor.PLAIN, Kernels.flavor());
        assertFalse(Kernels.isVectorized());
        Elementwise e =
                Kernels.select(MethodHandles.lookup(), Elementwise.class, "VectorElementwise", PlainElementwise::new);
        assertEquals(PlainElementwise.class, e.getClass());
        assertEquals(3, Kernels.defaultThreads());
        float[] y = new float[3];
        Activations.tanh(3, new float[] {-1f, 0f, 20f}, 0, y, 0);
        assertEquals((float) Math.tanh(-1), y[0]);
        assertEquals(1f, y[2]);
        SplittableRandom rnd = new SplittableRandom(8);
        for (int threads : new int[] {1, 2, 3}) {
            int m = 130;
            int n = 240;
            int k = 290;
            float[] a = Reference.random(rnd, k * m);
            float[] b = Reference.random(rnd, n * k);
            float[] c0 = Reference.random(rnd, m * n);
            float[] c = c0.clone();
            Kernels.blas(threads).gemm(true, true, m, n, k, 1.5f, a, 0, m, b, 0, k, 0.5f, c, 0, n);
            Reference.checkGemm(
                    "fallback, " + threads + " threads",
                    true,
                    true,
                    m,
                    n,
                    k,
                    1.5f,
                    a,
                    0,
                    m,
                    b,
                    0,
                    k,
                    0.5f,
                    c0,
                    c,
                    0,
                    n);
        }
    }
}
