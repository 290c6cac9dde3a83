package dev.seqlab.embeddings.pca;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SymmetricEigenTest {

    @Test
    void twoByTwoByHand() {
        SymmetricEigen e = SymmetricEigen.of(new double[][] {{2, 1}, {1, 2}});
        double r = Math.sqrt(0.5);
        assertEquals(3, e.value(0), 1e-14);
        assertEquals(1, e.value(1), 1e-14);
        assertArrayEquals(new double[] {r, r}, e.vector(0), 1e-14);
        // (r, -r) and (-r, r) tie in magnitude: the first entry is made positive
        assertArrayEquals(new double[] {r, -r}, e.vector(1), 1e-14);
    }

    @Test
    void recoversAKnownRotation() {
        // A = Q diag(5, 2, -1) Qᵀ with the rows of Q orthonormal, worked out by hand
        double[][] q = {{1 / 3.0, 2 / 3.0, 2 / 3.0}, {2 / 3.0, 1 / 3.0, -2 / 3.0}, {2 / 3.0, -2 / 3.0, 1 / 3.0}};
        double[] lambda = {5, 2, -1};
        double[][] a = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 3; k++) {
                    a[i][j] += q[k][i] * lambda[k] * q[k][j];
                }
            }
        }
        SymmetricEigen e = SymmetricEigen.of(a);
        for (int k = 0; k < 3; k++) {
            assertEquals(lambda[k], e.value(k), 1e-13);
            // sign convention: the entry of largest magnitude is positive; q's rows already are
            assertArrayEquals(q[k], e.vector(k), 1e-13);
        }
    }

    @Test
    void randomSymmetricMatrixSatisfiesTheEigenEquation() {
        int n = 40;
        SplittableRandom rnd = new SplittableRandom(7);
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                a[i][j] = rnd.nextDouble(-1, 1);
                a[j][i] = a[i][j];
            }
        }
        SymmetricEigen e = SymmetricEigen.of(a);
        double trace = 0;
        for (int i = 0; i < n; i++) {
            trace += a[i][i];
        }
        double sum = 0;
        for (int k = 0; k < n; k++) {
            sum += e.value(k);
            if (k > 0) {
                assertEquals(true, e.value(k) <= e.value(k - 1));
            }
            double[] v = e.vector(k);
            for (int i = 0; i < n; i++) {
                double av = 0;
                for (int j = 0; j < n; j++) {
                    av += a[i][j] * v[j];
                }
                assertEquals(e.value(k) * v[i], av, 1e-10);
            }
            for (int m = 0; m <= k; m++) {
                double dot = 0;
                double[] w = e.vector(m);
                for (int i = 0; i < n; i++) {
                    dot += v[i] * w[i];
                }
                assertEquals(m == k ? 1 : 0, dot, 1e-12);
            }
        }
        assertEquals(trace, sum, 1e-10);
    }

    @Test
    void rejectsBadMatrices() {
        assertThrows(IllegalArgumentException.class, () -> SymmetricEigen.of(new double[0][]));
        assertThrows(IllegalArgumentException.class, () -> SymmetricEigen.of(new double[][] {{1, 2}, {3, 4}}));
        assertThrows(IllegalArgumentException.class, () -> SymmetricEigen.of(new double[][] {{1, 2}}));
        assertThrows(IllegalArgumentException.class, () -> SymmetricEigen.of(new double[][] {{Double.NaN}}));
    }
}
