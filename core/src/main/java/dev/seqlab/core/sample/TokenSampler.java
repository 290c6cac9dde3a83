package dev.seqlab.core.sample;

import dev.seqlab.core.kernel.Softmax;
import dev.seqlab.core.random.SeededRandom;

/**
 * The sampling chain for token-by-token generation: logits → softmax at a temperature →
 * top-k → top-p (nucleus) → one categorical draw. Works on primitive arrays and keeps its
 * scratch buffers between draws (grown to the largest vocabulary seen), so a draw allocates
 * nothing. Not thread-safe: one per generating loop.
 *
 * <p>Each draw takes exactly one {@link SeededRandom#nextDouble()}, and its arithmetic is fixed
 * (double-precision softmax, truncation in descending order with ties by index, cumulative sum
 * in index order), so the same logits and seed give the same tokens.
 *
 * <pre>{@code
 * TokenSampler sampler = new TokenSampler(0.8, 40, 0.95);
 * int next = sampler.draw(logits, rng);
 * }</pre>
 */
public final class TokenSampler {
    private final double temperature;
    private final int topK;
    private final double topP;
    private double[] p = new double[0];
    private int[] order = new int[0];
    private int[] scratch = new int[0];

    /**
     * @param temperature divides the logits: below 1 sharper, above 1 flatter (positive, finite)
     * @param topK        keep only the k most likely tokens (0: all)
     * @param topP        keep the smallest set of most likely tokens whose probability reaches p,
     *                    in (0, 1] (1: all)
     * @throws IllegalArgumentException naming the bad value
     */
    public TokenSampler(double temperature, int topK, double topP) {
        check(temperature, topK, topP);
        this.temperature = temperature;
        this.topK = topK;
        this.topP = topP;
    }

    /**
     * Validates sampling settings as the constructor does, for option records that carry them.
     *
     * @throws IllegalArgumentException naming the bad value
     */
    public static void check(double temperature, int topK, double topP) {
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature must be positive, got " + temperature);
        }
        if (topK < 0) {
            throw new IllegalArgumentException("top-k must be 0 (off) or positive, got " + topK);
        }
        if (!(topP > 0 && topP <= 1)) {
            throw new IllegalArgumentException("top-p must be in (0, 1], got " + topP);
        }
    }

    /** The temperature. */
    public double temperature() {
        return temperature;
    }

    /** The top-k limit (0: off). */
    public int topK() {
        return topK;
    }

    /** The top-p limit (1: off). */
    public double topP() {
        return topP;
    }

    /** Draws one index from all of {@code logits}. */
    public int draw(float[] logits, SeededRandom rng) {
        return draw(logits, 0, logits.length, rng);
    }

    /** Draws one index in {@code [0, n)} from {@code logits[off … off+n)}. */
    public int draw(float[] logits, int off, int n, SeededRandom rng) {
        distribution(logits, off, n);
        return Categorical.draw(p, n, rng);
    }

    /**
     * The distribution the next draw from these logits would use (after temperature, top-k and
     * top-p), in {@code out[0 … n)}.
     */
    public void probabilities(float[] logits, int off, int n, double[] out) {
        distribution(logits, off, n);
        System.arraycopy(p, 0, out, 0, n);
    }

    private void distribution(float[] logits, int off, int n) {
        if (p.length < n) {
            p = new double[n];
            order = new int[n];
            scratch = new int[n];
        }
        Softmax.softmax(logits, off, n, temperature, p);
        Truncation.topKTopP(p, n, topK, topP, order, scratch);
    }
}
