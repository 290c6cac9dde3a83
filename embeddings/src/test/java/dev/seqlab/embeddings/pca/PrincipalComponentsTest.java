package dev.seqlab.embeddings.pca;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PrincipalComponentsTest {

    @Test
    void moreRowsThanDimensionsByHand() {
        // a cross around (1, 1, 1): ±2 along x, ±1 along y
        double[][] rows = {{3, 1, 1}, {-1, 1, 1}, {1, 2, 1}, {1, 0, 1}};
        PrincipalComponents pca = PrincipalComponents.of(rows, 2);
        assertArrayEquals(new double[] {1, 1, 1}, pca.mean(), 1e-15);
        assertArrayEquals(new double[] {1, 0, 0}, pca.component(0), 1e-14);
        assertArrayEquals(new double[] {0, 1, 0}, pca.component(1), 1e-14);
        assertEquals(8 / 3.0, pca.variance(0), 1e-14);
        assertEquals(2 / 3.0, pca.variance(1), 1e-14);
        assertEquals(0.8, pca.explainedRatio(0), 1e-14);
        assertEquals(0.2, pca.explainedRatio(1), 1e-14);
        assertArrayEquals(new double[] {2, 0}, pca.project(rows[0]), 1e-14);
        assertArrayEquals(new double[] {0, -1}, pca.project(rows[3]), 1e-14);
    }

    @Test
    void fewerRowsThanDimensionsUsesTheGramMatrixAndCompletesTheBasis() {
        // centred: (3, 0, -1/3, 0), (-3, 0, -1/3, 0), (0, 0, 2/3, 0); scatter diag(18, 0, 2/3, 0)
        double[][] rows = {{3, 0, 0, 0}, {-3, 0, 0, 0}, {0, 0, 1, 0}};
        PrincipalComponents pca = PrincipalComponents.of(rows, 3);
        assertArrayEquals(new double[] {1, 0, 0, 0}, pca.component(0), 1e-14);
        assertArrayEquals(new double[] {0, 0, 1, 0}, pca.component(1), 1e-14);
        assertEquals(9, pca.variance(0), 1e-13);
        assertEquals(1 / 3.0, pca.variance(1), 1e-14);
        // the points span two dimensions: the third component has no variance and is the first
        // basis vector orthogonal to the other two
        assertEquals(0, pca.variance(2));
        assertArrayEquals(new double[] {0, 1, 0, 0}, pca.component(2), 1e-14);
        assertArrayEquals(new double[] {0, 2 / 3.0, 0}, pca.project(rows[2]), 1e-14);
    }

    @Test
    void bothRoutesAgreeOnADiagonalLine() {
        // points on the line t·(1, 1, 0, 0) + (0, 0, 5, 0); the one component is (1, 1, 0, 0)/√2
        double r = Math.sqrt(0.5);
        double[][] few = {{-1, -1, 5, 0}, {0, 0, 5, 0}, {2, 2, 5, 0}};
        double[][] many = {{-1, -1, 5, 0}, {0, 0, 5, 0}, {2, 2, 5, 0}, {1, 1, 5, 0}, {3, 3, 5, 0}};
        assertArrayEquals(
                new double[] {r, r, 0, 0}, PrincipalComponents.of(few, 1).component(0), 1e-14);
        assertArrayEquals(
                new double[] {r, r, 0, 0}, PrincipalComponents.of(many, 1).component(0), 1e-14);
        assertEquals(1, PrincipalComponents.of(few, 1).explainedRatio(0), 1e-14);
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> PrincipalComponents.of(new double[][] {{1, 2}}, 1));
        assertThrows(IllegalArgumentException.class, () -> PrincipalComponents.of(new double[][] {{1, 2}, {3}}, 1));
        assertThrows(IllegalArgumentException.class, () -> PrincipalComponents.of(new double[][] {{1, 2}, {3, 4}}, 3));
        assertThrows(
                IllegalArgumentException.class,
                () -> PrincipalComponents.of(new double[][] {{1, 2}, {3, Double.NaN}}, 1));
    }
}
