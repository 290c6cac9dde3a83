package dev.seqlab.core.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Softmax and log-softmax against double references, including inputs that overflow naively. */
class SoftmaxTest {

    private static double[] softmaxD(float[] x, int off, int n) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < n; j++) {
            max = Math.max(max, x[off + j]);
        }
        double sum = 0;
        double[] y = new double[n];
        for (int j = 0; j < n; j++) {
            y[j] = Math.exp(x[off + j] - max);
            sum += y[j];
        }
        for (int j = 0; j < n; j++) {
            y[j] /= sum;
        }
        return y;
    }

    @Test
    void softmaxMatchesDoubleReferenceOnBlocksWithLeadingDimension() {
        SplittableRandom rnd = new SplittableRandom(2);
        int m = 5;
        int n = 23;
        int ld = 27;
        float[] x = new float[3 + m * ld];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (rnd.nextDouble() * 20 - 10);
        }
        float[] y = new float[m * n];
        float[] ly = new float[m * n];
        Softmax.softmaxRows(m, n, x, 3, ld, y, 0, n);
        Softmax.logSoftmaxRows(m, n, x, 3, ld, ly, 0, n);
        for (int i = 0; i < m; i++) {
            double[] ref = softmaxD(x, 3 + i * ld, n);
            double total = 0;
            for (int j = 0; j < n; j++) {
                // exp of a float argument, a double sum and one scaling: a few ulps relative
                assertEquals(ref[j], y[i * n + j], 4 * Reference.U * ref[j] + 1e-37, "softmax " + i + "," + j);
                // log-softmax = x - shift: rounding relative to the larger of |x| and |shift|
                double lref = Math.log(ref[j]);
                assertEquals(
                        lref,
                        ly[i * n + j],
                        4 * Reference.U * (Math.abs(lref) + Math.abs(x[3 + i * ld + j])),
                        "log-softmax " + i + "," + j);
                total += y[i * n + j];
            }
            assertEquals(1.0, total, n * Reference.U * 2);
        }
    }

    @Test
    void hugeInputsDoNotOverflow() {
        float[] x = {1000f, -1000f, 999f, 1000f};
        float[] y = x.clone();
        Softmax.softmax(y, 0, 4);
        double e = Math.exp(-1);
        double z = 2 + e;
        assertEquals(1 / z, y[0], 1e-7);
        assertEquals(0.0, y[1], 0.0);
        assertEquals(e / z, y[2], 1e-7);
        assertEquals(1 / z, y[3], 1e-7);
        float[] ly = new float[4];
        Softmax.logSoftmaxRows(1, 4, x, 0, 4, ly, 0, 4);
        assertEquals(-Math.log(z), ly[0], 1e-6);
        assertEquals(-2000 - Math.log(z), ly[1], 1e-3);
        assertEquals(-1 - Math.log(z), ly[2], 1e-6);
    }

    @Test
    void backwardPassesMatchCentralDifferencesOfTheDoubleFunctions() {
        SplittableRandom rnd = new SplittableRandom(4);
        int m = 3;
        int n = 9;
        float[] x = new float[m * n];
        float[] w = new float[m * n];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (rnd.nextDouble() * 6 - 3);
            w[i] = (float) (rnd.nextDouble() * 2 - 1);
        }
        float[] y = new float[m * n];
        float[] ly = new float[m * n];
        Softmax.softmaxRows(m, n, x, 0, n, y, 0, n);
        Softmax.logSoftmaxRows(m, n, x, 0, n, ly, 0, n);
        float[] dx = new float[m * n];
        float[] ldx = new float[m * n];
        // loss = Σ w·f(x): its gradient with respect to f is w
        Softmax.softmaxBackwardRows(m, n, y, 0, n, w, 0, n, dx, 0, n);
        Softmax.logSoftmaxBackwardRows(m, n, ly, 0, n, w, 0, n, ldx, 0, n);
        double h = 1e-6;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double[] plus = rowD(x, i, n, j, h);
                double[] minus = rowD(x, i, n, j, -h);
                double fd = 0;
                double lfd = 0;
                for (int q = 0; q < n; q++) {
                    fd += w[i * n + q] * (plus[q] - minus[q]) / (2 * h);
                    lfd += w[i * n + q] * (Math.log(plus[q]) - Math.log(minus[q])) / (2 * h);
                }
                assertEquals(fd, dx[i * n + j], 1e-6, "softmax backward " + i + "," + j);
                assertEquals(lfd, ldx[i * n + j], 1e-5, "log-softmax backward " + i + "," + j);
            }
        }
    }

    /** Softmax in double of row i of x with x[i,j] shifted by d. */
    private static double[] rowD(float[] x, int i, int n, int j, double d) {
        double[] r = new double[n];
        double max = Double.NEGATIVE_INFINITY;
        for (int q = 0; q < n; q++) {
            r[q] = x[i * n + q] + (q == j ? d : 0);
            max = Math.max(max, r[q]);
        }
        double sum = 0;
        for (int q = 0; q < n; q++) {
            r[q] = Math.exp(r[q] - max);
            sum += r[q];
        }
        for (int q = 0; q < n; q++) {
            r[q] /= sum;
        }
        return r;
    }

    @Test
    void inPlaceEqualsOutOfPlaceAndBadBlocksAreRejected() {
        float[] x = {0.5f, -2f, 3f, 0f, 1f, 1f};
        float[] out = new float[6];
        Softmax.logSoftmaxRows(2, 3, x, 0, 3, out, 0, 3);
        Softmax.logSoftmaxRows(2, 3, x, 0, 3, x, 0, 3);
        for (int i = 0; i < 6; i++) {
            assertEquals(out[i], x[i], 0.0);
        }
        assertThrows(IllegalArgumentException.class, () -> Softmax.softmaxRows(2, 4, x, 0, 3, out, 0, 4));
        assertThrows(IllegalArgumentException.class, () -> Softmax.softmaxRows(3, 3, x, 0, 3, out, 0, 3));
    }

    @Test
    void fromLogSoftmaxGivesTheScaledProbabilitiesBack() {
        float[] x = {0.3f, -2f, 5f, 1.25f, 0f};
        float[] logp = new float[5];
        Softmax.logSoftmaxRows(1, 5, x, 0, 5, logp, 0, 5);
        float[] y = new float[7];
        Softmax.fromLogSoftmax(5, logp, 0, 0.25f, y, 2);
        double max = 5;
        double sum = 0;
        for (float v : x) {
            sum += Math.exp(v - max);
        }
        for (int j = 0; j < 5; j++) {
            assertEquals(0.25 * Math.exp(x[j] - max) / sum, y[2 + j], 1e-7, "element " + j);
        }
        assertEquals(0f, y[0]);
        assertEquals(0f, y[1]);
    }
}
