package dev.seqlab.rnn.lm;

import dev.seqlab.core.random.SeededRandom;
import java.util.Arrays;
import java.util.function.IntFunction;

/** Generates text from a {@link CharLanguageModel}: temperature, top-k and top-p (nucleus) sampling. */
public final class CharSampler {

    private CharSampler() {
    }

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
    public static String sample(CharVocabulary vocab, IntFunction<float[]> step, boolean readsNoCharacter, String prime,
                                SamplingOptions options, SeededRandom rng) {
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
        double[] p = new double[vocab.size()];
        for (int i = 0; i < options.length(); i++) {
            int next = draw(logits, options, rng, p);
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
            throw new IllegalArgumentException("the model gives " + logits.length + " scores per character but the vocabulary has "
                    + vocab.size() + " characters");
        }
        return logits;
    }

    /**
     * Draws one id from {@code logits} under the temperature, top-k and top-p of {@code o}
     * ({@code p} is scratch space of the logits' length). For callers that generate token by
     * token themselves.
     */
    public static int draw(float[] logits, SamplingOptions o, SeededRandom rng, double[] p) {
        int v = logits.length;
        double max = Double.NEGATIVE_INFINITY;
        for (float l : logits) {
            max = Math.max(max, l);
        }
        double sum = 0;
        for (int i = 0; i < v; i++) {
            p[i] = Math.exp((logits[i] - max) / o.temperature());
            sum += p[i];
        }
        for (int i = 0; i < v; i++) {
            p[i] /= sum;
        }
        if (o.topK() > 0 || o.topP() < 1) {
            Integer[] order = new Integer[v];
            for (int i = 0; i < v; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> p[b] != p[a] ? Double.compare(p[b], p[a]) : Integer.compare(a, b));
            int keep = o.topK() > 0 ? Math.min(o.topK(), v) : v;
            double cum = 0;
            for (int k = 0; k < keep; k++) {
                cum += p[order[k]];
                if (cum >= o.topP()) {
                    keep = k + 1;
                    break;
                }
            }
            double kept = 0;
            for (int k = 0; k < v; k++) {
                if (k < keep) {
                    kept += p[order[k]];
                } else {
                    p[order[k]] = 0;
                }
            }
            for (int i = 0; i < v; i++) {
                p[i] /= kept;
            }
        }
        double u = rng.nextDouble();
        double cum = 0;
        int last = 0;
        for (int i = 0; i < v; i++) {
            if (p[i] > 0) {
                cum += p[i];
                last = i;
                if (u < cum) {
                    return i;
                }
            }
        }
        return last;
    }
}
