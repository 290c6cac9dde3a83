package dev.seqlab.cli.options;

import dev.seqlab.rnn.lm.SamplingOptions;
import picocli.CommandLine.Option;

/**
 * {@code --temperature} for every command that samples from a model (a picocli mixin); its default
 * is {@link SamplingOptions#defaults()}'s, shown as {@code default.temperature}.
 */
public final class TemperatureOption {

    @Option(
            names = "--temperature",
            paramLabel = "T",
            description = "Below 1 safer and more typical, above 1 wilder (default: ${bundle:default.temperature}).")
    Double temperature;

    /** {@code --temperature}, or null when not given. */
    public Double given() {
        return temperature;
    }

    /**
     * {@code --temperature}, or the sampling default when not given.
     *
     * @throws IllegalArgumentException if it is not a positive finite number
     */
    public double value() {
        double t =
                temperature != null ? temperature : SamplingOptions.defaults().temperature();
        if (!(t > 0) || Double.isInfinite(t)) {
            throw new IllegalArgumentException("--temperature must be positive, got " + t);
        }
        return t;
    }
}
