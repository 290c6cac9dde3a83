package dev.seqlab.explorer.tsne;

import dev.seqlab.core.options.Checks;
import dev.seqlab.core.options.Withers;

/**
 * Settings of {@link BarnesHutTsne}.
 *
 * @param perplexity             the effective number of neighbours each point's distribution spreads over (5 to 50 usual)
 * @param iterations             gradient-descent steps
 * @param theta                  the Barnes–Hut accuracy: a cell of width w at distance d is summarised when w/d &lt; theta (0 = exact)
 * @param learningRate           the step size; 0 chooses max(n / exaggeration, 50) (Belkina et al. 2019)
 * @param exaggeration           the factor on the affinities during the first steps
 * @param exaggerationIterations how many of the first steps exaggerate (and use momentum 0.5 rather than 0.8)
 * @param seed                   the seed of the initial positions
 * @param threads                threads for the neighbour search and the forces
 */
public record TsneOptions(
        double perplexity,
        int iterations,
        double theta,
        double learningRate,
        double exaggeration,
        int exaggerationIterations,
        long seed,
        int threads) {

    private static final TsneOptions DEFAULTS = new TsneOptions(
            30, 750, 0.5, 0, 12, 250, 42, Math.max(1, Runtime.getRuntime().availableProcessors()));

    /**
     * Perplexity 30, 750 steps (250 exaggerated, then 500: openTSNE's schedule), theta 0.5,
     * automatic learning rate, exaggeration 12, all processors.
     */
    public static TsneOptions defaults() {
        return DEFAULTS;
    }

    /** Validates the settings. */
    public TsneOptions {
        Checks.positive("perplexity", perplexity);
        Checks.atLeast("iterations", iterations, 1);
        Checks.nonNegative("theta", theta);
        Checks.nonNegative("learningRate", learningRate);
        Checks.positive("exaggeration", exaggeration);
        Checks.zeroOrPositive("exaggerationIterations", exaggerationIterations);
        Checks.atLeast("threads", threads, 1);
    }

    /** With another perplexity. */
    public TsneOptions withPerplexity(double perplexity) {
        return Withers.with(this, "perplexity", perplexity);
    }

    /** With another number of steps. */
    public TsneOptions withIterations(int iterations) {
        return Withers.with(this, "iterations", iterations);
    }

    /** With another Barnes–Hut accuracy. */
    public TsneOptions withTheta(double theta) {
        return Withers.with(this, "theta", theta);
    }

    /** With another step size (0 = automatic). */
    public TsneOptions withLearningRate(double learningRate) {
        return Withers.with(this, "learningRate", learningRate);
    }

    /** With another exaggeration factor. */
    public TsneOptions withExaggeration(double exaggeration) {
        return Withers.with(this, "exaggeration", exaggeration);
    }

    /** With another number of exaggerated steps. */
    public TsneOptions withExaggerationIterations(int exaggerationIterations) {
        return Withers.with(this, "exaggerationIterations", exaggerationIterations);
    }

    /** With another seed. */
    public TsneOptions withSeed(long seed) {
        return Withers.with(this, "seed", seed);
    }

    /** With another thread count. */
    public TsneOptions withThreads(int threads) {
        return Withers.with(this, "threads", threads);
    }
}
