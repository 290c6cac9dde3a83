package dev.seqlab.core.init;

import dev.seqlab.core.random.SeededRandom;
import dev.seqlab.core.tensor.Tensor;

/**
 * Fills a weight tensor with initial values drawn from {@code rng}. Fan-dependent initialisers
 * use {@link Fans#of(int[])} on the tensor's shape unless given explicit fans.
 *
 * <pre>{@code
 * Tensor w = Tensor.zeros(4 * hidden, input);
 * Initializer.xavierUniform().fill(w, new SeededRandom(seed));
 * }</pre>
 */
@FunctionalInterface
public interface Initializer {

    /** Fills {@code t} in place. */
    void fill(Tensor t, SeededRandom rng);

    /** All entries equal to {@code value}. */
    static Initializer constant(float value) {
        return (t, rng) -> t.fill(value);
    }

    /** All zeros. */
    static Initializer zeros() {
        return constant(0f);
    }

    /** Uniform on {@code [lo, hi)}. */
    static Initializer uniform(double lo, double hi) {
        if (!(hi > lo)) {
            throw new IllegalArgumentException("uniform needs lo < hi, got [" + lo + ", " + hi + ")");
        }
        return (t, rng) -> {
            float[] d = t.data();
            for (int i = 0; i < d.length; i++) {
                d[i] = (float) rng.nextDouble(lo, hi);
            }
        };
    }

    /** Normal with the given mean and standard deviation. */
    static Initializer normal(double mean, double std) {
        if (!(std >= 0)) {
            throw new IllegalArgumentException("standard deviation must be non-negative, got " + std);
        }
        return (t, rng) -> {
            float[] d = t.data();
            for (int i = 0; i < d.length; i++) {
                d[i] = (float) (mean + std * rng.nextGaussian());
            }
        };
    }

    /** Xavier/Glorot uniform: U(−a, a) with a = gain·√(6 / (fanIn + fanOut)). */
    static Initializer xavierUniform() {
        return xavierUniform(1.0);
    }

    /** Xavier/Glorot uniform with a gain (e.g. 5/3 for tanh). */
    static Initializer xavierUniform(double gain) {
        return (t, rng) -> {
            Fans f = Fans.of(t.shape());
            double a = gain * Math.sqrt(6.0 / (f.fanIn() + f.fanOut()));
            uniform(-a, a).fill(t, rng);
        };
    }

    /** Xavier/Glorot normal: N(0, σ²) with σ = gain·√(2 / (fanIn + fanOut)). */
    static Initializer xavierNormal(double gain) {
        return (t, rng) -> {
            Fans f = Fans.of(t.shape());
            normal(0, gain * Math.sqrt(2.0 / (f.fanIn() + f.fanOut()))).fill(t, rng);
        };
    }

    /** He/Kaiming uniform for ReLU layers: U(−a, a) with a = √(6 / fanIn). */
    static Initializer heUniform() {
        return (t, rng) -> {
            Fans f = Fans.of(t.shape());
            double a = Math.sqrt(6.0 / f.fanIn());
            uniform(-a, a).fill(t, rng);
        };
    }

    /** He/Kaiming normal for ReLU layers: N(0, 2 / fanIn). */
    static Initializer heNormal() {
        return (t, rng) -> {
            Fans f = Fans.of(t.shape());
            normal(0, Math.sqrt(2.0 / f.fanIn())).fill(t, rng);
        };
    }

    /**
     * A (semi-)orthogonal matrix scaled by {@code gain} (Saxe et al. 2014), for recurrent
     * weights. The tensor is viewed as rows = shape[0], cols = the product of the rest; rows are
     * orthonormal when rows ≤ cols, columns otherwise.
     */
    static Initializer orthogonal(double gain) {
        return (t, rng) -> Orthogonal.fill(t, gain, rng);
    }
}
