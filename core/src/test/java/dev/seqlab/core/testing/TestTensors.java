package dev.seqlab.core.testing;

import dev.seqlab.core.param.Parameter;
import dev.seqlab.core.random.SeededRandom;
import dev.seqlab.core.tensor.Tensor;

/** Random inputs and projection losses for gradient checks (cells, layers, attention, Transformer blocks). */
public final class TestTensors {

    private TestTensors() {}

    /** A tensor of standard normal entries. */
    public static Tensor random(SeededRandom rng, int... shape) {
        return normal(rng, 1.0, shape);
    }

    /** A tensor of normal entries with standard deviation {@code scale}. */
    public static Tensor normal(SeededRandom rng, double scale, int... shape) {
        Tensor t = Tensor.zeros(shape);
        float[] d = t.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) (scale * rng.nextGaussian());
        }
        return t;
    }

    /** A flat parameter of {@code n} standard normal entries (inputs checked like weights). */
    public static Parameter randomParameter(String name, SeededRandom rng, int n) {
        return Parameter.of(name, random(rng, n));
    }

    /** Σ xᵢ·wᵢ in double: a fixed random projection makes every output count in the loss. */
    public static double dot(float[] x, float[] w) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += (double) x[i] * w[i];
        }
        return s;
    }

    /** {@link #dot(float[], float[])} of two tensors' data. */
    public static double dot(Tensor x, Tensor w) {
        return dot(x.data(), w.data());
    }
}
