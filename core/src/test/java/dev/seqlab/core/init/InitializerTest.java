package dev.seqlab.core.init;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seqlab.core.random.SeededRandom;
import dev.seqlab.core.tensor.Tensor;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class InitializerTest {

    private static double variance(float[] d) {
        double mean = 0;
        for (float x : d) {
            mean += x;
        }
        mean /= d.length;
        double v = 0;
        for (float x : d) {
            v += (x - mean) * (x - mean);
        }
        return v / d.length;
    }

    @Test
    void sameSeedGivesIdenticalWeights() {
        for (Initializer init : new Initializer[] {
            Initializer.xavierUniform(),
            Initializer.heNormal(),
            Initializer.orthogonal(1.0),
            Initializer.normal(0, 0.1),
            Initializer.uniform(-1, 1)
        }) {
            Tensor a = Tensor.zeros(64, 32);
            Tensor b = Tensor.zeros(64, 32);
            init.fill(a, new SeededRandom(2024));
            init.fill(b, new SeededRandom(2024));
            assertArrayEquals(a.data(), b.data());
            Tensor c = Tensor.zeros(64, 32);
            init.fill(c, new SeededRandom(2025));
            assertTrue(!Arrays.equals(a.data(), c.data()), "another seed, other weights");
        }
    }

    @Test
    void fansFollowTheOutInLayout() {
        assertEquals(new Fans(30, 200), Fans.of(new int[] {200, 30}));
        assertEquals(new Fans(3 * 9, 16 * 9), Fans.of(new int[] {16, 3, 3, 3}));
        assertEquals(new Fans(7, 7), Fans.of(new int[] {7}));
        assertThrows(IllegalArgumentException.class, () -> Fans.of(new int[0]));
    }

    @Test
    void variancesMatchTheirFormulas() {
        int out = 400;
        int in = 250;
        Tensor t = Tensor.zeros(out, in);
        Initializer.xavierUniform().fill(t, new SeededRandom(1));
        assertEquals(2.0 / (in + out), variance(t.data()), 0.03 * 2.0 / (in + out));
        double a = Math.sqrt(6.0 / (in + out));
        for (float x : t.data()) {
            assertTrue(Math.abs(x) <= a);
        }
        Initializer.xavierNormal(1.0).fill(t, new SeededRandom(2));
        assertEquals(2.0 / (in + out), variance(t.data()), 0.03 * 2.0 / (in + out));
        Initializer.heUniform().fill(t, new SeededRandom(3));
        assertEquals(2.0 / in, variance(t.data()), 0.03 * 2.0 / in);
        Initializer.heNormal().fill(t, new SeededRandom(4));
        assertEquals(2.0 / in, variance(t.data()), 0.03 * 2.0 / in);
        Initializer.normal(0.5, 0.2).fill(t, new SeededRandom(5));
        assertEquals(0.04, variance(t.data()), 0.03 * 0.04);
        Initializer.uniform(-0.3, 0.3).fill(t, new SeededRandom(6));
        assertEquals(0.36 / 12, variance(t.data()), 0.03 * 0.03); // (b−a)²/12
        Initializer.constant(0.25f).fill(t, null);
        for (float x : t.data()) {
            assertEquals(0.25f, x);
        }
    }

    private static void assertOrthonormalRows(Tensor t, int rows, int cols, double gain) {
        float[] d = t.data();
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < rows; j++) {
                double dot = 0;
                for (int k = 0; k < cols; k++) {
                    dot += (double) d[i * cols + k] * d[j * cols + k];
                }
                assertEquals(i == j ? gain * gain : 0, dot, 1e-5, "row " + i + "·row " + j);
            }
        }
    }

    @Test
    void orthogonalSquareTallAndWide() {
        Tensor sq = Tensor.zeros(50, 50);
        Initializer.orthogonal(1.0).fill(sq, new SeededRandom(9));
        assertOrthonormalRows(sq, 50, 50, 1.0);

        Tensor wide = Tensor.zeros(20, 60);
        Initializer.orthogonal(2.0).fill(wide, new SeededRandom(9));
        assertOrthonormalRows(wide, 20, 60, 2.0);

        // tall: the columns are orthonormal, i.e. the rows of its transpose
        Tensor tall = Tensor.zeros(60, 20);
        Initializer.orthogonal(1.0).fill(tall, new SeededRandom(9));
        Tensor tr = Tensor.zeros(20, 60);
        for (int i = 0; i < 60; i++) {
            for (int j = 0; j < 20; j++) {
                tr.set(tall.get(i, j), j, i);
            }
        }
        assertOrthonormalRows(tr, 20, 60, 1.0);
    }

    @Test
    void badArgumentsAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Initializer.uniform(1, 1));
        assertTrue(e.getMessage().contains("lo < hi"));
        assertThrows(IllegalArgumentException.class, () -> Initializer.normal(0, -1));
        assertThrows(IllegalArgumentException.class, () -> Initializer.orthogonal(1)
                .fill(Tensor.zeros(5), new SeededRandom(1)));
    }
}
