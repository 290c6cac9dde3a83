package dev.seqlab.embeddings.pca;

import java.util.Arrays;

/**
 * Eigenvalues and orthonormal eigenvectors of a real symmetric matrix, by cyclic Jacobi
 * rotations in double precision. Cost is O(n³) per sweep and a handful of sweeps, so it suits
 * matrices up to a few hundred rows (a covariance of 300-dimensional vectors, or the Gram
 * matrix of a few hundred words).
 *
 * <pre>{@code
 * SymmetricEigen e = SymmetricEigen.of(new double[][] {{2, 1}, {1, 2}});
 * e.value(0);   // 3
 * e.vector(0);  // (0.7071, 0.7071)
 * }</pre>
 */
public final class SymmetricEigen {
    private static final int MAX_SWEEPS = 100;

    private final double[] values;
    private final double[][] vectors;

    private SymmetricEigen(double[] values, double[][] vectors) {
        this.values = values;
        this.vectors = vectors;
    }

    /**
     * Decomposes {@code a} (not modified). Eigenpairs come in order of decreasing eigenvalue;
     * each eigenvector is scaled to unit length and signed so that its entry of largest magnitude
     * (the first one within a relative 1e-9 of the largest, so rounding cannot flip the choice)
     * is positive, which makes the result deterministic.
     *
     * @throws IllegalArgumentException if {@code a} is empty, not square, not symmetric (beyond
     *                                  rounding) or holds a non-finite value
     */
    public static SymmetricEigen of(double[][] a) {
        int n = a.length;
        if (n == 0) {
            throw new IllegalArgumentException("the matrix is empty");
        }
        double[][] m = new double[n][];
        double scale = 0;
        for (int i = 0; i < n; i++) {
            if (a[i].length != n) {
                throw new IllegalArgumentException(
                        "the matrix is not square: row " + i + " has " + a[i].length + " entries, expected " + n);
            }
            for (double x : a[i]) {
                if (!Double.isFinite(x)) {
                    throw new IllegalArgumentException("the matrix holds " + x);
                }
                scale = Math.max(scale, Math.abs(x));
            }
            m[i] = a[i].clone();
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (Math.abs(m[i][j] - m[j][i]) > 1e-9 * Math.max(1, scale)) {
                    throw new IllegalArgumentException("the matrix is not symmetric at (" + i + ", " + j + ")");
                }
            }
        }
        double[][] v = new double[n][n];
        for (int i = 0; i < n; i++) {
            v[i][i] = 1;
        }
        rotateUntilDiagonal(m, v);
        return sorted(m, v);
    }

    private static void rotateUntilDiagonal(double[][] m, double[][] v) {
        int n = m.length;
        double total = 0;
        for (double[] row : m) {
            for (double x : row) {
                total += x * x;
            }
        }
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            double off = 0;
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    off += m[p][q] * m[p][q];
                }
            }
            if (off <= 1e-30 * total || off == 0) {
                return;
            }
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    if (m[p][q] != 0) {
                        rotate(m, v, p, q);
                    }
                }
            }
        }
        throw new ArithmeticException("Jacobi rotations did not converge in " + MAX_SWEEPS + " sweeps");
    }

    /** Applies the rotation J(p, q) that zeroes m[p][q]: m := JᵀmJ, v := vJ. */
    private static void rotate(double[][] m, double[][] v, int p, int q) {
        int n = m.length;
        double theta = (m[q][q] - m[p][p]) / (2 * m[p][q]);
        double t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        double c = 1 / Math.sqrt(t * t + 1);
        double s = t * c;
        for (int k = 0; k < n; k++) {
            double kp = m[k][p];
            double kq = m[k][q];
            m[k][p] = c * kp - s * kq;
            m[k][q] = s * kp + c * kq;
        }
        for (int k = 0; k < n; k++) {
            double pk = m[p][k];
            double qk = m[q][k];
            m[p][k] = c * pk - s * qk;
            m[q][k] = s * pk + c * qk;
        }
        m[p][q] = 0;
        m[q][p] = 0;
        for (int k = 0; k < n; k++) {
            double kp = v[k][p];
            double kq = v[k][q];
            v[k][p] = c * kp - s * kq;
            v[k][q] = s * kp + c * kq;
        }
    }

    private static SymmetricEigen sorted(double[][] m, double[][] v) {
        int n = m.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> {
            int c = Double.compare(m[y][y], m[x][x]);
            return c != 0 ? c : Integer.compare(x, y);
        });
        double[] values = new double[n];
        double[][] vectors = new double[n][n];
        for (int r = 0; r < n; r++) {
            int col = order[r];
            values[r] = m[col][col];
            double norm = 0;
            double max = 0;
            for (int k = 0; k < n; k++) {
                norm += v[k][col] * v[k][col];
                max = Math.max(max, Math.abs(v[k][col]));
            }
            int largest = 0;
            while (Math.abs(v[largest][col]) < max * (1 - 1e-9)) {
                largest++;
            }
            double sign = v[largest][col] < 0 ? -1 : 1;
            norm = Math.sqrt(norm);
            for (int k = 0; k < n; k++) {
                vectors[r][k] = sign * v[k][col] / norm;
            }
        }
        return new SymmetricEigen(values, vectors);
    }

    /** The matrix order. */
    public int size() {
        return values.length;
    }

    /** The {@code i}-th largest eigenvalue. */
    public double value(int i) {
        return values[i];
    }

    /** A copy of the unit eigenvector of {@link #value(int) value(i)}. */
    public double[] vector(int i) {
        return vectors[i].clone();
    }

    /** All eigenvalues, largest first (a copy). */
    public double[] values() {
        return values.clone();
    }
}
