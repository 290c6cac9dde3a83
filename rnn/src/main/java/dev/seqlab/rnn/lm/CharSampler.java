package dev.seqlab.rnn.lm;

import dev.seqlab.core.random.SeededRandom;
import dev.seqlab.core.sample.TokenSampler;
import java.util.function.IntFunction;

/**
 * Generates text from a {@link CharLanguageModel}: temperature, top-k and top-p (nucleus)
 * sampling through core's one sampling chain ({@link TokenSampler}).
 */
public final class CharSampler {

    private CharSampler() {}

    /**
     * Reads {@code prime} (may be empty), then draws up to {@code options.length()} characters.
     * Returns only the generated characters (without the prime, without a final newline when
     * stopping at one). The same model, prime, options and seed give the same text.
     */
    public static String sample(CharLanguageModel model, String prime, SamplingOptions options, SeededRandom rng) {
        return sample(model.vocabulary(), model.start()::next, true, prime, options, rng);
    }

    /**
     * Samples from any model that reads one character id at a time and returns the logits of the
     * next character (an imported ONNX model, for one). Reads {@code prime} (after id -1, "no
     * character", when {@code readsNoCharacter}), then draws up to {@code options.length()}
     * characters, as {@link #sample(CharLanguageModel, String, SamplingOptions, SeededRandom)}.
     *
     * @param step             reads an id, returns the next character's logits ({@code vocab.size()} of them)
     * @param readsNoCharacter whether the model reads id -1 before the first character; if not,
     *                         the prime must not be empty
     * @throws IllegalArgumentException if the prime is empty and the model cannot start without
     *                                  one, a prime character is not in the vocabulary, or the
     *                                  model gives a number of logits other than the vocabulary's size
     */
    public static String sample(
            CharVocabulary vocab,
            IntFunction<float[]> step,
            boolean readsNoCharacter,
            String prime,
            SamplingOptions options,
            SeededRandom rng) {
        int[] ids = vocab.encode(prime);
        if (!readsNoCharacter && ids.length == 0) {
            throw new IllegalArgumentException("this model has no start-of-text input: give a non-empty prime");
        }
        float[] logits = null;
        if (readsNoCharacter) {
            logits = checked(step.apply(-1), vocab);
        }
        for (int id : ids) {
            logits = checked(step.apply(id), vocab);
        }
        StringBuilder out = new StringBuilder();
        TokenSampler sampler = options.sampler();
        for (int i = 0; i < options.length(); i++) {
            int next = sampler.draw(logits, rng);
            char c = vocab.charAt(next);
            if (options.stopAtNewline() && c == '\n') {
                break;
            }
            out.append(c);
            logits = checked(step.apply(next), vocab);
        }
        return out.toString();
    }

    private static float[] checked(float[] logits, CharVocabulary vocab) {
        if (logits.length != vocab.size()) {
            throw new IllegalArgumentException("the model gives " + logits.length
                    + " scores per character but the vocabulary has " + vocab.size() + " characters");
        }
        return logits;
    }
}
