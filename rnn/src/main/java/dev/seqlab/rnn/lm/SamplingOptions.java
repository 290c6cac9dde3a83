package dev.seqlab.rnn.lm;

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

    /** {@code length} characters at temperature 1, no truncation, not stopping at newlines. */
    public static SamplingOptions defaults(int length) {
        return new SamplingOptions(length, 1.0, 0, 1.0, false);
    }
}
