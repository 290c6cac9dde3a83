package dev.seqlab.core.gradcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seqlab.core.param.Parameter;
import dev.seqlab.core.param.Parameters;
import dev.seqlab.core.random.SeededRandom;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class GradientCheckerTest {

    private static Parameter random(String name, SeededRandom rng, int... shape) {
        Parameter p = Parameter.zeros(name, shape);
        float[] d = p.value().data();
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) rng.nextGaussian();
        }
        return p;
    }

    @Test
    void quadraticFormHasGradientAx() {
        // L = ½ xᵀAx with symmetric A: ∇L = Ax
        SeededRandom rng = new SeededRandom(1);
        int n = 6;
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                a[i][j] = a[j][i] = rng.nextGaussian();
            }
        }
        Parameter x = random("x", rng, n);
        float[] xv = x.value().data();
        GradientCheckReport r = GradientChecker.check(
                List.of(x),
                () -> {
                    double s = 0;
                    for (int i = 0; i < n; i++) {
                        for (int j = 0; j < n; j++) {
                            s += 0.5 * xv[i] * a[i][j] * xv[j];
                        }
                    }
                    return s;
                },
                () -> {
                    for (int i = 0; i < n; i++) {
                        double g = 0;
                        for (int j = 0; j < n; j++) {
                            g += a[i][j] * xv[j];
                        }
                        x.grad().data()[i] = (float) g;
                    }
                },
                GradientChecker.Options.defaults());
        System.out.println("quadratic form:\n" + r);
        r.assertBelow(1e-4);
        assertEquals(n, r.entries().get(0).checked());
    }

    @Test
    void sumOfSinesHasCosineGradient() {
        Parameter x = random("x", new SeededRandom(2), 4, 5);
        float[] xv = x.value().data();
        GradientCheckReport r = GradientChecker.check(
                List.of(x),
                () -> {
                    double s = 0;
                    for (float v : xv) {
                        s += Math.sin(v);
                    }
                    return s;
                },
                () -> {
                    for (int i = 0; i < xv.length; i++) {
                        x.grad().data()[i] = (float) Math.cos(xv[i]);
                    }
                },
                GradientChecker.Options.defaults());
        System.out.println("sum of sines:\n" + r);
        r.assertBelow(1e-4);
    }

    /** A dense layer y = Wx + b followed by softmax cross-entropy on class 2, gradients by hand. */
    @Test
    void denseSoftmaxCrossEntropy() {
        SeededRandom rng = new SeededRandom(3);
        int in = 5;
        int out = 4;
        int target = 2;
        Parameter w = random("W", rng, out, in);
        Parameter b = random("b", rng, out);
        Parameter x = random("x", rng, in);
        Parameters ps = Parameters.of(w, b, x);
        Supplier<double[]> probs = () -> {
            double[] z = new double[out];
            double max = Double.NEGATIVE_INFINITY;
            for (int o = 0; o < out; o++) {
                z[o] = b.value().get(o);
                for (int i = 0; i < in; i++) {
                    z[o] += w.value().get(o, i) * x.value().get(i);
                }
                max = Math.max(max, z[o]);
            }
            double sum = 0;
            for (int o = 0; o < out; o++) {
                z[o] = Math.exp(z[o] - max);
                sum += z[o];
            }
            for (int o = 0; o < out; o++) {
                z[o] /= sum;
            }
            return z;
        };
        GradientCheckReport r = GradientChecker.check(
                ps.list(),
                () -> -Math.log(probs.get()[target]),
                () -> {
                    ps.zeroGrads();
                    double[] p = probs.get();
                    for (int o = 0; o < out; o++) {
                        double dz = p[o] - (o == target ? 1 : 0);
                        b.grad().data()[o] = (float) dz;
                        for (int i = 0; i < in; i++) {
                            w.grad().data()[o * in + i] =
                                    (float) (dz * x.value().get(i));
                            x.grad().data()[i] += (float) (dz * w.value().get(o, i));
                        }
                    }
                },
                GradientChecker.Options.defaults());
        System.out.println("dense + softmax cross-entropy:\n" + r);
        r.assertBelow(1e-3);
        assertEquals(3, r.entries().size());
    }

    @Test
    void detectsAWrongGradient() {
        Parameter x = random("x", new SeededRandom(4), 10);
        float[] xv = x.value().data();
        // L = Σ x³, true gradient 3x²; the "backward" forgets the factor 3 on one entry
        GradientCheckReport r = GradientChecker.check(
                List.of(x),
                () -> {
                    double s = 0;
                    for (float v : xv) {
                        s += (double) v * v * v;
                    }
                    return s;
                },
                () -> {
                    for (int i = 0; i < xv.length; i++) {
                        x.grad().data()[i] = (i == 7 ? 1 : 3) * xv[i] * xv[i];
                    }
                },
                GradientChecker.Options.defaults());
        assertTrue(r.maxRelativeError() > 1e-2, r.toString());
        assertEquals(7, r.entries().get(0).worstIndex());
        AssertionError e = assertThrows(AssertionError.class, () -> r.assertBelow(1e-3));
        assertTrue(e.getMessage().contains("'x'"), e.getMessage());
    }

    @Test
    void samplesLargeParametersReproducibly() {
        Parameter x = random("x", new SeededRandom(5), 1000);
        float[] xv = x.value().data();
        GradientChecker.Options o = new GradientChecker.Options(1e-3, 50, 11, 0);
        DoubleSupplier loss = () -> {
            double s = 0;
            for (float v : xv) {
                s += v * (double) v;
            }
            return s;
        };
        Runnable back = () -> {
            for (int i = 0; i < xv.length; i++) {
                x.grad().data()[i] = 2 * xv[i];
            }
        };
        GradientCheckReport a = GradientChecker.check(List.of(x), loss, back, o);
        GradientCheckReport b = GradientChecker.check(List.of(x), loss, back, o);
        assertEquals(50, a.entries().get(0).checked());
        assertEquals(a, b);
        a.assertBelow(1e-4);
        // the parameter values are restored exactly after the check
        Parameter y = random("x", new SeededRandom(5), 1000);
        assertTrue(Arrays.equals(y.value().data(), xv));
    }

    @Test
    void optionsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> new GradientChecker.Options(0, 10, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new GradientChecker.Options(1e-3, 0, 0, 0));
    }
}
