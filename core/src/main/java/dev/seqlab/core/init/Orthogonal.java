package dev.seqlab.core.init;

import dev.seqlab.core.random.SeededRandom;
import dev.seqlab.core.tensor.Tensor;

/**
 * Orthogonal initialisation: QR of a Gaussian matrix (modified Gram–Schmidt in double, applied
 * twice for accuracy). Gram–Schmidt yields the QR factorisation whose R has a positive
 * diagonal, the sign convention under which Q is uniformly (Haar) distributed.
 */
final class Orthogonal {

    private Orthogonal() {}

    static void fill(Tensor t, double gain, SeededRandom rng) {
        if (t.rank() < 2) {
            throw new IllegalArgumentException(
                    "orthogonal initialisation needs a tensor of rank 2 or more, got rank " + t.rank());
        }
        int rows = t.dim(0);
        int cols = t.size() / Math.max(1, rows);
        // Orthonormalise the columns of a tall n×k matrix (n ≥ k), then lay it out as the tensor.
        boolean wide = rows < cols;
        int n = wide ? cols : rows;
        int k = wide ? rows : cols;
        double[][] q = new double[k][n]; // q[j] is column j
        for (int j = 0; j < k; j++) {
            for (int i = 0; i < n; i++) {
                q[j][i] = rng.nextGaussian();
            }
        }
        for (int j = 0; j < k; j++) {
            double firstNorm = 0;
            for (int pass = 0; pass < 2; pass++) {
                for (int p = 0; p < j; p++) {
                    double dot = 0;
                    for (int i = 0; i < n; i++) {
                        dot += q[p][i] * q[j][i];
                    }
                    for (int i = 0; i < n; i++) {
                        q[j][i] -= dot * q[p][i];
                    }
                }
                double norm = 0;
                for (int i = 0; i < n; i++) {
                    norm += q[j][i] * q[j][i];
                }
                norm = Math.sqrt(norm);
                if (pass == 0) {
                    firstNorm = norm;
                }
                for (int i = 0; i < n; i++) {
                    q[j][i] /= norm;
                }
            }
            if (firstNorm == 0) {
                throw new IllegalStateException("degenerate Gaussian draw in orthogonal initialisation");
            }
        }
        float[] d = t.data();
        for (int a = 0; a < rows; a++) {
            for (int b = 0; b < cols; b++) {
                double v = wide ? q[a][b] : q[b][a];
                d[a * cols + b] = (float) (gain * v);
            }
        }
    }
}
