package dev.seqlab.embeddings.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seqlab.core.kernel.Kernels;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The background warm-up of the SIMD int8 kernel finishes, and searches answer the same after it. */
class KernelWarmUpTest {

    @Test
    void finishesWhenTheKernelsAreSimd() throws Exception {
        int rows = SimilarityIndex.QUANTIZED_MIN + 100;
        int dim = 8;
        float[] m = new float[rows * dim];
        for (int i = 0; i < m.length; i++) {
            m[i] = (float) Math.sin(i * 0.37);
        }
        SimilarityIndex index = SimilarityIndex.of(m, rows, dim);
        float[] q = new float[dim];
        index.unitRow(7, q);
        TopK before = index.nearestOnePass(q, rows, 10, new int[] {7});
        KernelWarmUp.startInBackground();
        KernelWarmUp.startInBackground();
        if (!Kernels.isVectorized()) {
            assertFalse(KernelWarmUp.started());
            return;
        }
        assertTrue(KernelWarmUp.started());
        for (int i = 0; i < 600 && !KernelWarmUp.done(); i++) {
            Thread.sleep(100);
        }
        assertTrue(KernelWarmUp.done());
        TopK after = index.nearest(q, rows, 10, new int[] {7});
        assertEquals(Arrays.toString(before.indices()), Arrays.toString(after.indices()));
    }
}
