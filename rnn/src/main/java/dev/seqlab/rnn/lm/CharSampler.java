package dev.seqlab.rnn.lm;

import dev.seqlab.core.random.SeededRandom;
import java.util.Arrays;

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
        CharVocabulary vocab = model.vocabulary();
        int[] ids = vocab.encode(prime);
        CharLanguageModel.State state = model.start();
        float[] logits = state.next(-1);
        for (int id : ids) {
            logits = state.next(id);
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
            logits = state.next(next);
        }
        return out.toString();
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
