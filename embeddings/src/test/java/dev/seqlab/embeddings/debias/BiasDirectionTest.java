package dev.seqlab.embeddings.debias;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BiasDirectionTest {

    @Test
    void onePairGivesTheUnitDifference() {
        BiasDirection g = BiasDirection.between(new float[] {4, 1, 0}, new float[] {1, -3, 0});
        assertArrayEquals(new double[] {0.6, 0.8, 0}, g.unitVector(), 1e-15);
        assertEquals(1.0, g.explainedRatio());
        assertEquals(0.6 * 2 + 0.8 * 1, g.projection(new float[] {2, 1, 7}), 1e-12);
    }

    @Test
    void neutralizeRemovesTheComponentAlongTheAxis() {
        // g along (1, 1, 0): e = (1, 2, 3) has e·g/‖g‖² = 3/2, so e − 1.5·(1, 1, 0) = (−0.5, 0.5, 3)
        BiasDirection g = BiasDirection.between(new float[] {2, 2, 0}, new float[] {1, 1, 0});
        float[] n = g.neutralize(new float[] {1, 2, 3});
        assertArrayEquals(new float[] {-0.5f, 0.5f, 3f}, n, 1e-6f);
        assertEquals(0, g.projection(n), 1e-6);
    }

    @Test
    void equalizeByHand() {
        // ĝ = (1, 0, 0); e1 = (0.8, 0.6, 0), e2 = (−0.4, 0.6, 0.4)
        // μ = (0.2, 0.6, 0.2), μ_B = (0.2, 0, 0), μ⊥ = (0, 0.6, 0.2), ‖μ⊥‖² = 0.4
        // e1B − μ_B = (0.6, 0, 0), ‖e1 − μ⊥ − μ_B‖ = ‖(0.6, 0, −0.2)‖ = √0.4
        // corrected e1B = √0.6 · (0.6, 0, 0) / √0.4 = (0.6·√1.5, 0, 0); e1' = that + μ⊥
        BiasDirection g = BiasDirection.between(new float[] {1, 0, 0}, new float[] {0, 0, 0});
        float[][] eq = g.equalize(new float[] {0.8f, 0.6f, 0f}, new float[] {-0.4f, 0.6f, 0.4f});
        float x = (float) (0.6 * Math.sqrt(1.5));
        assertArrayEquals(new float[] {x, 0.6f, 0.2f}, eq[0], 1e-6f);
        assertArrayEquals(new float[] {-x, 0.6f, 0.2f}, eq[1], 1e-6f);
    }

    @Test
    void aUnitPairAlreadyMirroredIsAFixedPoint() {
        BiasDirection g = BiasDirection.between(new float[] {1, 0, 0}, new float[] {-1, 0, 0});
        float[][] eq = g.equalize(new float[] {0.6f, 0.8f, 0f}, new float[] {-0.6f, 0.8f, 0f});
        assertArrayEquals(new float[] {0.6f, 0.8f, 0f}, eq[0], 1e-6f);
        assertArrayEquals(new float[] {-0.6f, 0.8f, 0f}, eq[1], 1e-6f);
    }

    @Test
    void equalizedPairIsSymmetricAndEquidistantFromNeutralWords() {
        SplittableRandom rnd = new SplittableRandom(3);
        int d = 10;
        BiasDirection g = BiasDirection.between(unitRandom(rnd, d), unitRandom(rnd, d));
        double[] u = g.unitVector();
        float[][] eq = g.equalize(unitRandom(rnd, d), unitRandom(rnd, d));
        double a = g.projection(eq[0]);
        double b = g.projection(eq[1]);
        assertEquals(-a, b, 1e-6);
        for (int j = 0; j < d; j++) {
            assertEquals(eq[0][j] - a * u[j], eq[1][j] - b * u[j], 1e-6, "orthogonal parts differ at " + j);
        }
        for (int k = 0; k < 5; k++) {
            float[] neutral = g.neutralize(unitRandom(rnd, d));
            assertEquals(distance(eq[0], neutral), distance(eq[1], neutral), 1e-6);
        }
    }

    @Test
    void principalComponentOfDefinitionalPairsByHand() {
        // differences (2, 2, 0) and (2, −1, 0); centred vectors ±d/2 have scatter
        // ½·[[8, 2], [2, 5]] with eigenvalues ½·9 and ½·4: first component (2, 1, 0)/√5,
        // explaining 9/13 of the variance (the mean difference (4, 1)/√17 is a different direction)
        List<float[]> firsts = List.of(new float[] {1, 1, 5}, new float[] {3, 0, -1});
        List<float[]> seconds = List.of(new float[] {-1, -1, 5}, new float[] {1, 1, -1});
        BiasDirection g = BiasDirection.principal(firsts, seconds);
        double r5 = Math.sqrt(5);
        assertArrayEquals(new double[] {2 / r5, 1 / r5, 0}, g.unitVector(), 1e-12);
        assertEquals(9 / 13.0, g.explainedRatio(), 1e-12);
        // swapping every pair flips the sign: the direction points towards the first words
        BiasDirection flipped = BiasDirection.principal(seconds, firsts);
        assertArrayEquals(new double[] {-2 / r5, -1 / r5, 0}, flipped.unitVector(), 1e-12);
    }

    @Test
    void rejectsDegenerateInput() {
        assertThrows(
                IllegalArgumentException.class, () -> BiasDirection.between(new float[] {1, 2}, new float[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> BiasDirection.between(new float[] {1, 2}, new float[] {1}));
        assertThrows(IllegalArgumentException.class, () -> BiasDirection.principal(List.of(), List.of()));
        assertThrows(
                IllegalArgumentException.class,
                () -> BiasDirection.principal(
                        List.of(new float[] {1, 2}, new float[] {3, 3}),
                        List.of(new float[] {1, 2}, new float[] {3, 3})));
        BiasDirection g = BiasDirection.between(new float[] {1, 0}, new float[] {0, 0});
        assertThrows(IllegalArgumentException.class, () -> g.equalize(new float[] {1, 1}, new float[] {1, 1}));
        assertThrows(IllegalArgumentException.class, () -> g.neutralize(new float[] {1, 1, 1}));
    }

    static float[] unitRandom(SplittableRandom rnd, int d) {
        float[] v = new float[d];
        double n = 0;
        for (int j = 0; j < d; j++) {
            v[j] = (float) rnd.nextGaussian();
            n += v[j] * v[j];
        }
        for (int j = 0; j < d; j++) {
            v[j] /= (float) Math.sqrt(n);
        }
        return v;
    }

    static double distance(float[] a, float[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += ((double) a[j] - b[j]) * ((double) a[j] - b[j]);
        }
        return Math.sqrt(s);
    }
}
