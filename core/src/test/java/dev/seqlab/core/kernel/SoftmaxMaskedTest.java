package dev.seqlab.core.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The masked softmax variants (visible length, causal, per-row lengths, boolean and additive
 * masks), the double-precision softmax at a temperature and log-softmax, against double
 * references at random sizes including odd lengths and lengths that are not a multiple of the
 * vector width; fully masked rows are all zeros.
 */
class SoftmaxMaskedTest {
    private static final int[] SIZES = {1, 2, 3, 7, 8, 15, 16, 17, 31, 33, 64, 67, 129};

    /** Softmax over the positions with keep[j], 0 elsewhere, in double; all zeros if none is kept. */
    private static double[] maskedD(float[] x, int off, int n, boolean[] keep) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < n; j++) {
            if (keep[j]) {
                max = Math.max(max, x[off + j]);
            }
        }
        double[] y = new double[n];
        if (max == Double.NEGATIVE_INFINITY) {
            return y;
        }
        double sum = 0;
        for (int j = 0; j < n; j++) {
            if (keep[j]) {
                y[j] = Math.exp(x[off + j] - max);
                sum += y[j];
            }
        }
        for (int j = 0; j < n; j++) {
            y[j] /= sum;
        }
        return y;
    }

    private static boolean[] prefix(int n, int visible) {
        boolean[] keep = new boolean[n];
        for (int j = 0; j < visible; j++) {
            keep[j] = true;
        }
        return keep;
    }

    private static float[] random(SplittableRandom rnd, int size) {
        float[] x = new float[size];
        for (int i = 0; i < size; i++) {
            x[i] = (float) (rnd.nextDouble() * 24 - 12);
        }
        return x;
    }

    private static void near(double[] ref, float[] y, int off, String what) {
        double total = 0;
        for (int j = 0; j < ref.length; j++) {
            if (ref[j] == 0) {
                assertEquals(0f, y[off + j], what + " col " + j + " must be exactly 0");
            } else {
                // exp within a few ulp, the term rounded to float, one rounded scaling: a float ulp is
                // 1 to 2 units of 2^-24 relative, so 6 units bound about 3 to 6 ulps
                assertEquals(ref[j], y[off + j], 6 * Reference.U * ref[j] + 1e-37, what + " col " + j);
            }
            total += y[off + j];
        }
        boolean any = false;
        for (double r : ref) {
            any |= r > 0;
        }
        assertEquals(any ? 1.0 : 0.0, total, ref.length * Reference.U * 2, what + " total");
    }

    @Test
    void visibleLengthAndCausalMasksMatchTheReference() {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int n : SIZES) {
            int m = 1 + rnd.nextInt(9);
            int ld = n + rnd.nextInt(4);
            int off = rnd.nextInt(5);
            float[] x = random(rnd, off + m * ld);
            for (boolean causal : new boolean[] {false, true}) {
                int length = 1 + rnd.nextInt(n);
                float[] y = new float[2 + m * n];
                Softmax.softmaxRowsVisible(m, n, length, causal, x, off, ld, y, 2, n);
                for (int i = 0; i < m; i++) {
                    int visible = causal ? Math.min(length, i + 1) : length;
                    near(
                            maskedD(x, off + i * ld, n, prefix(n, visible)),
                            y,
                            2 + i * n,
                            "n=" + n + " length=" + length + " causal=" + causal + " row " + i);
                }
            }
        }
    }

    @Test
    void perRowLengthsIncludingZeroGiveZeroRows() {
        SplittableRandom rnd = new SplittableRandom(12);
        for (int n : SIZES) {
            int m = 6;
            float[] x = random(rnd, m * n);
            int[] lengths = new int[1 + m];
            for (int i = 0; i < m; i++) {
                lengths[1 + i] = i == 2 ? 0 : rnd.nextInt(n + 1);
            }
            float[] y = x.clone();
            Softmax.softmaxRowsPrefix(m, n, lengths, 1, y, 0, n, y, 0, n); // in place
            for (int i = 0; i < m; i++) {
                near(maskedD(x, i * n, n, prefix(n, lengths[1 + i])), y, i * n, "n=" + n + " row " + i);
            }
        }
    }

    @Test
    void booleanAndAdditiveMasksMatchTheReference() {
        SplittableRandom rnd = new SplittableRandom(13);
        for (int n : SIZES) {
            int m = 4;
            int ldk = n + 3;
            float[] x = random(rnd, m * n);
            boolean[] keep = new boolean[m * ldk];
            float[] bias = new float[m * ldk];
            for (int i = 0; i < keep.length; i++) {
                keep[i] = rnd.nextDouble() < 0.6;
                bias[i] = keep[i] ? (float) rnd.nextDouble() : Float.NEGATIVE_INFINITY;
            }
            for (int j = 0; j < n; j++) {
                keep[ldk + j] = false; // row 1 fully masked
                bias[ldk + j] = Float.NEGATIVE_INFINITY;
            }
            float[] yb = new float[m * n];
            float[] ya = new float[m * n];
            Softmax.softmaxRowsMasked(m, n, keep, 0, ldk, x, 0, n, yb, 0, n);
            Softmax.softmaxRowsAdditive(m, n, bias, 0, ldk, x, 0, n, ya, 0, n);
            for (int i = 0; i < m; i++) {
                boolean[] rowKeep = new boolean[n];
                float[] shifted = new float[n];
                for (int j = 0; j < n; j++) {
                    rowKeep[j] = keep[i * ldk + j];
                    shifted[j] = x[i * n + j] + (rowKeep[j] ? bias[i * ldk + j] : 0f);
                }
                near(maskedD(x, i * n, n, rowKeep), yb, i * n, "boolean n=" + n + " row " + i);
                near(maskedD(shifted, 0, n, rowKeep), ya, i * n, "additive n=" + n + " row " + i);
            }
        }
    }

    @Test
    void minusInfinityInputsGetZeroOnEveryElementwiseKernel() {
        List<Elementwise> kernels = new ArrayList<>(List.of(new PlainElementwise()));
        if (Kernels.isVectorized()) {
            kernels.add(Kernels.elementwise());
        }
        SplittableRandom rnd = new SplittableRandom(14);
        for (Elementwise e : kernels) {
            for (int n : SIZES) {
                float[] x = random(rnd, n);
                for (int j = 0; j < n; j += 3) {
                    x[j] = Float.NEGATIVE_INFINITY;
                }
                float[] y = new float[n];
                e.expShifted(n, x, 0, 2.5f, y, 0);
                for (int j = 0; j < n; j += 3) {
                    assertEquals(0f, y[j], e.name() + " n=" + n + " exp(-inf)");
                }
            }
        }
        float[] x = {
            Float.NEGATIVE_INFINITY,
            1f,
            Float.NEGATIVE_INFINITY,
            2f,
            Float.NEGATIVE_INFINITY,
            0f,
            1f,
            3f,
            Float.NEGATIVE_INFINITY,
            1f,
            2f,
            3f,
            4f,
            5f,
            6f,
            7f,
            8f,
            Float.NEGATIVE_INFINITY
        };
        boolean[] keep = new boolean[x.length];
        for (int j = 0; j < x.length; j++) {
            keep[j] = x[j] != Float.NEGATIVE_INFINITY;
        }
        float[] y = new float[x.length];
        Softmax.softmaxRows(1, x.length, x, 0, x.length, y, 0, x.length);
        near(maskedD(x, 0, x.length, keep), y, 0, "softmaxRows with -inf");
        float[] allMasked = new float[20];
        Arrays.fill(allMasked, Float.NEGATIVE_INFINITY);
        Softmax.softmaxRows(1, 20, allMasked, 0, 20, allMasked, 0, 20);
        assertArrayEquals(new float[20], allMasked, "a row of only -inf is all zeros");
    }

    @Test
    void backwardThroughAMaskedSoftmaxMatchesCentralDifferences() {
        SplittableRandom rnd = new SplittableRandom(15);
        for (int n : new int[] {5, 17, 33}) {
            int m = 3;
            float[] x = random(rnd, m * n);
            float[] dy = random(rnd, m * n);
            float[] y = new float[m * n];
            Softmax.softmaxRowsVisible(m, n, n - 2, true, x, 0, n, y, 0, n);
            float[] dx = new float[m * n];
            Softmax.softmaxBackwardRows(m, n, y, 0, n, dy, 0, n, dx, 0, n);
            for (int i = 0; i < m; i++) {
                int visible = Math.min(n - 2, i + 1);
                for (int j = 0; j < n; j++) {
                    double h = 1e-3;
                    float[] xp = x.clone();
                    float[] xm = x.clone();
                    xp[i * n + j] += (float) h;
                    xm[i * n + j] -= (float) h;
                    double[] yp = maskedD(xp, i * n, n, prefix(n, visible));
                    double[] ym = maskedD(xm, i * n, n, prefix(n, visible));
                    double g = 0;
                    for (int k = 0; k < n; k++) {
                        g += dy[i * n + k] * (yp[k] - ym[k]) / ((double) xp[i * n + j] - xm[i * n + j]);
                    }
                    if (j >= visible) {
                        assertEquals(0.0, dx[i * n + j], 0.0, "masked column " + j + " has no gradient");
                    } else {
                        assertEquals(g, dx[i * n + j], 2e-3 * (1 + Math.abs(g)), "row " + i + " col " + j);
                    }
                }
            }
        }
    }

    @Test
    void doubleSoftmaxAtATemperatureAndLogSoftmaxMatchTheDefinitions() {
        SplittableRandom rnd = new SplittableRandom(16);
        for (int n : SIZES) {
            float[] logits = random(rnd, n + 3);
            for (double t : new double[] {0.05, 0.7, 1.0, 3.0}) {
                double[] p = new double[n + 1];
                Softmax.softmax(logits, 3, n, t, p);
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < n; j++) {
                    max = Math.max(max, logits[3 + j]);
                }
                double z = 0;
                for (int j = 0; j < n; j++) {
                    z += Math.exp((logits[3 + j] - max) / t);
                }
                double total = 0;
                for (int j = 0; j < n; j++) {
                    double ref = Math.exp((logits[3 + j] - max) / t) / z;
                    assertEquals(ref, p[j], 1e-15 * n * ref, "n=" + n + " T=" + t + " j=" + j);
                    total += p[j];
                }
                assertEquals(1.0, total, 1e-14 * n);
            }
            double[] lp = new double[n];
            Softmax.logSoftmax(logits, 3, n, lp);
            double[] p = new double[n];
            Softmax.softmax(logits, 3, n, 1.0, p);
            for (int j = 0; j < n; j++) {
                assertEquals(Math.log(p[j]), lp[j], 1e-12 * (1 + Math.abs(lp[j])), "log-softmax n=" + n);
            }
        }
    }

    @Test
    void badMasksAndTemperaturesAreRejectedNamingTheValue() {
        float[] x = new float[8];
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> Softmax.softmaxRowsVisible(2, 4, 5, false, x, 0, 4, x, 0, 4));
        assertTrue(e.getMessage().contains("5"), e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class,
                () -> Softmax.softmaxRowsPrefix(2, 4, new int[] {1, -1}, 0, x, 0, 4, x, 0, 4));
        assertTrue(e.getMessage().contains("-1"), e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class,
                () -> Softmax.softmaxRowsMasked(2, 4, new boolean[7], 0, 4, x, 0, 4, x, 0, 4));
        assertTrue(e.getMessage().startsWith("mask"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Softmax.softmax(x, 0, 8, 0.0, new double[8]));
        assertTrue(e.getMessage().contains("0.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Softmax.softmax(x, 2, 8, 1.0, new double[8]));
        assertTrue(e.getMessage().contains("offset 2"), e.getMessage());
    }
}
