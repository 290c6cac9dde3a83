package dev.seqlab.core.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.seqlab.core.param.Parameter;
import dev.seqlab.core.param.Parameters;
import org.junit.jupiter.api.Test;

class GradientClippingTest {

    private static Parameters twoParams(float[] g1, float[] g2) {
        Parameter a = Parameter.zeros("a", g1.length);
        Parameter b = Parameter.zeros("b", g2.length);
        System.arraycopy(g1, 0, a.grad().data(), 0, g1.length);
        System.arraycopy(g2, 0, b.grad().data(), 0, g2.length);
        return Parameters.of(a, b);
    }

    @Test
    void byValueClampsEachEntry() {
        Parameters ps = twoParams(new float[] {-7f, 0.5f, 5f}, new float[] {10f});
        GradientClipping.byValue(ps, 5f);
        assertArrayEquals(new float[] {-5f, 0.5f, 5f}, ps.get("a").grad().data());
        assertArrayEquals(new float[] {5f}, ps.get("b").grad().data());
    }

    @Test
    void byGlobalNormScalesAllTogether() {
        // global norm of (3, 4) and (12) is 13
        Parameters ps = twoParams(new float[] {3f, 4f}, new float[] {12f});
        double norm = GradientClipping.byGlobalNorm(ps, 6.5);
        assertEquals(13.0, norm, 1e-12);
        double f = 6.5 / (13 + 1e-6);
        assertArrayEquals(
                new float[] {(float) (3 * f), (float) (4 * f)},
                ps.get("a").grad().data(),
                1e-6f);
        assertArrayEquals(new float[] {(float) (12 * f)}, ps.get("b").grad().data(), 1e-6f);
        assertEquals(6.5, GradientClipping.globalNorm(ps), 1e-5);
    }

    @Test
    void byGlobalNormLeavesSmallGradientsAlone() {
        Parameters ps = twoParams(new float[] {0.3f, 0.4f}, new float[] {0f});
        assertEquals(0.5, GradientClipping.byGlobalNorm(ps, 5), 1e-7);
        assertArrayEquals(new float[] {0.3f, 0.4f}, ps.get("a").grad().data());
    }

    @Test
    void rejectsNonPositiveLimits() {
        Parameters ps = twoParams(new float[] {1f}, new float[] {1f});
        assertThrows(IllegalArgumentException.class, () -> GradientClipping.byValue(ps, 0f));
        assertThrows(IllegalArgumentException.class, () -> GradientClipping.byGlobalNorm(ps, -1));
    }
}
