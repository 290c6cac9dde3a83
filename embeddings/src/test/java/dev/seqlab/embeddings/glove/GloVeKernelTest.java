package dev.seqlab.embeddings.glove;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.seqlab.core.kernel.VectorShapes;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Both GloVe kernels against a double-precision step written from the equations, over
 * dimensions with odd tails, with and without gradient clipping; and the step's direction against
 * a finite-difference gradient of the cost.
 */
class GloVeKernelTest {
    private static final int V = 5;

    static Stream<GloVeKernel> kernels() {
        return Stream.of(new PlainGloVeKernel(), new VectorGloVeKernel());
    }

    private static GloVeWeights randomWeights(GloVeKernel k, int dim, double scale, SplittableRandom rnd) {
        GloVeWeights w = new GloVeWeights(V, dim, k.lanes(), 1);
        for (int r = 0; r < V; r++) {
            for (int d = 0; d < dim; d++) {
                w.word[r * w.stride + d] = (float) (scale * rnd.nextGaussian());
                w.context[r * w.stride + d] = (float) (scale * rnd.nextGaussian());
                w.wordGradSq[r * w.stride + d] = (float) (1 + 3 * rnd.nextDouble());
                w.contextGradSq[r * w.stride + d] = (float) (1 + 3 * rnd.nextDouble());
            }
            w.wordBias[r] = (float) rnd.nextGaussian();
            w.contextBias[r] = (float) rnd.nextGaussian();
            w.wordBiasGradSq[r] = (float) (1 + rnd.nextDouble());
            w.contextBiasGradSq[r] = (float) (1 + rnd.nextDouble());
        }
        return w;
    }

    /** The update of {@link GloVeKernel}'s Javadoc in double precision; returns the cost. */
    private static double referenceStep(
            double[] wa, double[] cb, double[] gwa, double[] gcb, double[] bias, double logX, double f, double eta) {
        double dot = 0;
        for (int d = 0; d < wa.length; d++) {
            dot += wa[d] * cb[d];
        }
        double diff = dot + bias[0] + bias[1] - logX;
        double g = eta * f * diff;
        for (int d = 0; d < wa.length; d++) {
            double t1 = Math.max(-100, Math.min(100, g * cb[d]));
            double t2 = Math.max(-100, Math.min(100, g * wa[d]));
            wa[d] -= t1 / Math.sqrt(gwa[d]);
            cb[d] -= t2 / Math.sqrt(gcb[d]);
            gwa[d] += t1 * t1;
            gcb[d] += t2 * t2;
        }
        bias[0] -= g / Math.sqrt(bias[2]);
        bias[1] -= g / Math.sqrt(bias[3]);
        bias[2] += g * g;
        bias[3] += g * g;
        return 0.5 * f * diff * diff;
    }

    private static double[] row(float[] a, int offset, int dim) {
        double[] out = new double[dim];
        for (int d = 0; d < dim; d++) {
            out[d] = a[offset + d];
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kernels")
    void stepMatchesTheDoublePrecisionEquations(GloVeKernel k) {
        SplittableRandom rnd = new SplittableRandom(21);
        for (int dim = 1; dim <= 41; dim++) {
            check(k, dim, 0.3, rnd);
        }
        check(k, 100, 0.2, rnd);
        check(k, 300, 0.1, rnd);
        check(k, 37, 30, rnd); // large weights: the gradient terms are clipped at ±100
    }

    private static void check(GloVeKernel k, int dim, double scale, SplittableRandom rnd) {
        GloVeWeights w = randomWeights(k, dim, scale, rnd);
        int a = 1;
        int b = 3;
        float logX = (float) rnd.nextDouble(-1, 4);
        float f = (float) rnd.nextDouble(0.05, 1);
        float eta = 0.05f;
        double[] wa = row(w.word, a * w.stride, dim);
        double[] cb = row(w.context, b * w.stride, dim);
        double[] gwa = row(w.wordGradSq, a * w.stride, dim);
        double[] gcb = row(w.contextGradSq, b * w.stride, dim);
        double[] bias = {w.wordBias[a], w.contextBias[b], w.wordBiasGradSq[a], w.contextBiasGradSq[b]};
        float[] otherWord = w.word.clone();
        double expectedCost = referenceStep(wa, cb, gwa, gcb, bias, logX, f, eta);
        double cost = k.step(w, a, b, logX, f, eta);
        String where = k.name() + " dim " + dim + " scale " + scale;
        double magnitude = scale * scale * dim + 10;
        assertEquals(expectedCost, cost, 1e-5 * magnitude * magnitude, where + " cost");
        double tol = 2e-5 * Math.max(1, scale * scale * Math.sqrt(dim));
        for (int d = 0; d < dim; d++) {
            assertEquals(
                    wa[d], w.word[a * w.stride + d], tol * Math.max(1, Math.abs(wa[d])), where + " w_a[" + d + "]");
            assertEquals(
                    cb[d], w.context[b * w.stride + d], tol * Math.max(1, Math.abs(cb[d])), where + " c_b[" + d + "]");
            assertEquals(gwa[d], w.wordGradSq[a * w.stride + d], tol * gwa[d], where + " G_a[" + d + "]");
            assertEquals(gcb[d], w.contextGradSq[b * w.stride + d], tol * gcb[d], where + " G_b[" + d + "]");
        }
        for (int d = dim; d < w.stride; d++) {
            assertEquals(0f, w.word[a * w.stride + d], where + " padding stays zero");
            assertEquals(0f, w.context[b * w.stride + d], where + " padding stays zero");
        }
        assertEquals(bias[0], w.wordBias[a], tol * Math.max(1, Math.abs(bias[0])), where + " b_a");
        assertEquals(bias[1], w.contextBias[b], tol * Math.max(1, Math.abs(bias[1])), where + " b~_b");
        assertEquals(bias[2], w.wordBiasGradSq[a], tol * bias[2], where + " H_a");
        assertEquals(bias[3], w.contextBiasGradSq[b], tol * bias[3], where + " H~_b");
        for (int r = 0; r < V; r++) {
            if (r != a) {
                for (int d = 0; d < w.stride; d++) {
                    assertEquals(
                            otherWord[r * w.stride + d], w.word[r * w.stride + d], where + " other rows untouched");
                }
            }
        }
    }

    /**
     * With fresh accumulators (all 1) and no clipping, a step moves every parameter by exactly
     * −η ∂J/∂θ of J = ½ f (w·w̃ + b + b̃ − log X)²: checked against central differences of J in
     * double precision.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("kernels")
    void stepFollowsTheFiniteDifferenceGradient(GloVeKernel k) {
        SplittableRandom rnd = new SplittableRandom(5);
        int dim = 13;
        GloVeWeights w = new GloVeWeights(V, dim, k.lanes(), 8);
        int a = 2;
        int b = 0;
        double logX = 1.3;
        double f = 0.6;
        double[] theta = new double[2 * dim + 2];
        for (int d = 0; d < dim; d++) {
            theta[d] = w.word[a * w.stride + d] = (float) rnd.nextGaussian();
            theta[dim + d] = w.context[b * w.stride + d] = (float) rnd.nextGaussian();
        }
        theta[2 * dim] = w.wordBias[a] = 0.25f;
        theta[2 * dim + 1] = w.contextBias[b] = -0.5f;
        float eta = 1e-3f;
        k.step(w, a, b, (float) logX, (float) f, eta);
        double h = 1e-5;
        for (int p = 0; p < theta.length; p++) {
            double[] plus = theta.clone();
            double[] minus = theta.clone();
            plus[p] += h;
            minus[p] -= h;
            double numeric = (cost(plus, dim, logX, f) - cost(minus, dim, logX, f)) / (2 * h);
            double after = p < dim
                    ? w.word[a * w.stride + p]
                    : p < 2 * dim ? w.context[b * w.stride + p - dim] : p == 2 * dim ? w.wordBias[a] : w.contextBias[b];
            double analytic = (theta[p] - after) / eta;
            assertEquals(numeric, analytic, 2e-3 * Math.max(1, Math.abs(numeric)), k.name() + " parameter " + p);
        }
    }

    private static double cost(double[] theta, int dim, double logX, double f) {
        double dot = 0;
        for (int d = 0; d < dim; d++) {
            dot += theta[d] * theta[dim + d];
        }
        double diff = dot + theta[2 * dim] + theta[2 * dim + 1] - logX;
        return 0.5 * f * diff * diff;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kernels")
    void aNonFiniteRecordIsSkipped(GloVeKernel k) {
        GloVeWeights w = randomWeights(k, 9, 0.3, new SplittableRandom(2));
        float[] before = w.word.clone();
        assertEquals(0.0, k.step(w, 0, 1, Float.NaN, 1f, 0.05f));
        assertArrayEquals(before, w.word);
    }

    /** Mixing float species in one JVM slows all Vector API code there (see VectorShapes). */
    @Test
    void simdKernelUsesTheProjectsOneSpecies() {
        assertEquals(VectorShapes.FLOATS.length(), new VectorGloVeKernel().lanes());
    }
}
