package dev.seqlab.core.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Row and column reductions against straightforward double loops and hand-worked values. */
class ReductionsTest {

    @Test
    void rowAndColumnSumsMatchDoubleLoops() {
        SplittableRandom rnd = new SplittableRandom(6);
        int m = 7;
        int n = 45;
        int ld = 50;
        float[] x = Reference.random(rnd, 2 + m * ld);
        float[] rows = new float[m];
        float[] cols = new float[n + 1];
        cols[n] = 42f;
        Reductions.rowSums(m, n, x, 2, ld, rows, 0);
        Reductions.columnSums(m, n, x, 2, ld, cols, 0, false);
        for (int i = 0; i < m; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += x[2 + i * ld + j];
            }
            assertEquals(s, rows[i], Reference.U * Math.abs(s) + 1e-12);
        }
        for (int j = 0; j < n; j++) {
            double s = 0;
            double abs = 0;
            for (int i = 0; i < m; i++) {
                s += x[2 + i * ld + j];
                abs += Math.abs(x[2 + i * ld + j]);
            }
            assertEquals(s, cols[j], m * Reference.U * abs);
        }
        assertEquals(42f, cols[n]);
        float[] before = cols.clone();
        Reductions.columnSums(m, n, x, 2, ld, cols, 0, true);
        for (int j = 0; j < n; j++) {
            assertEquals(2 * before[j], cols[j], 4 * m * Reference.U * Math.abs(before[j]) + 1e-6);
        }
    }

    @Test
    void maxAndArgmaxTakeTheFirstLargestAndSkipNaN() {
        float[] x = {
            1f,
            5f,
            5f,
            -2f,
            Float.NaN,
            -3f,
            -1f,
            -1f,
            Float.NEGATIVE_INFINITY,
            Float.NEGATIVE_INFINITY,
            Float.NaN,
            Float.NaN
        };
        float[] max = new float[3];
        int[] arg = new int[3];
        Reductions.rowMax(3, 4, x, 0, 4, max, 0);
        Reductions.rowArgmax(3, 4, x, 0, 4, arg, 0);
        assertArrayEquals(new int[] {1, 2, 0}, arg);
        assertEquals(5f, max[0]);
        assertEquals(-1f, max[1]);
        assertEquals(-1, Reductions.argmax(2, new float[] {Float.NaN, Float.NaN}, 0));
    }

    @Test
    void sumsAccumulateInDouble() {
        // 2^24 + 1 ones: a float accumulator would stop at 2^24
        int n = (1 << 24) + 3;
        float[] ones = new float[n];
        Arrays.fill(ones, 1f);
        assertEquals(n, Reductions.sum(n, ones, 0), 0.0);
        assertEquals(n, Reductions.sumOfSquares(n, ones, 0), 0.0);
        assertEquals(1 + 4 + 9 + 16.5 * 16.5, Reductions.sumOfSquares(4, new float[] {1, -2, 3, 16.5f}, 0), 0.0);
    }
}
