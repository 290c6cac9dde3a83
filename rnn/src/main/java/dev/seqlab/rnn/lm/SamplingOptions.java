package dev.seqlab.rnn.lm;

import dev.seqlab.core.options.Withers;
import dev.seqlab.core.sample.TokenSampler;

/**
 * How to draw characters from a {@link CharLanguageModel}.
 *
 * @param length        the most characters to generate
 * @param temperature   divides the logits: below 1 sharper and safer, above 1 more surprising
 * @param topK          keep only the k most likely characters (0: all)
 * @param topP          keep the smallest set of most likely characters whose probability reaches p (1: all)
 * @param stopAtNewline end at the first {@code '\n'} (for names and other line-sequences)
 */
public record SamplingOptions(int length, double temperature, int topK, double topP, boolean stopAtNewline) {

    /** Validates with messages naming the offending value. */
    public SamplingOptions {
        if (length < 1) {
            throw new IllegalArgumentException("length must be positive, got " + length);
        }
        TokenSampler.check(temperature, topK, topP);
    }

    /** A sampler drawing with this temperature, top-k and top-p (one per generating loop). */
    public TokenSampler sampler() {
        return new TokenSampler(temperature, topK, topP);
    }

    /** 200 characters at temperature 1, no truncation, not stopping at newlines. */
    public static SamplingOptions defaults() {
        return new SamplingOptions(200, 1.0, 0, 1.0, false);
    }

    /** {@code length} characters at temperature 1, no truncation, not stopping at newlines. */
    public static SamplingOptions defaults(int length) {
        return defaults().withLength(length);
    }

    /** These options with another length. */
    public SamplingOptions withLength(int n) {
        return Withers.with(this, "length", n);
    }

    /** These options with another temperature. */
    public SamplingOptions withTemperature(double t) {
        return Withers.with(this, "temperature", t);
    }

    /** These options keeping only the {@code k} most likely characters (0: all). */
    public SamplingOptions withTopK(int k) {
        return Withers.with(this, "topK", k);
    }

    /** These options with nucleus sampling at {@code p} (1: off). */
    public SamplingOptions withTopP(double p) {
        return Withers.with(this, "topP", p);
    }

    /** These options stopping at the first newline or not. */
    public SamplingOptions withStopAtNewline(boolean on) {
        return Withers.with(this, "stopAtNewline", on);
    }
}
