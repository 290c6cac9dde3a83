package dev.seqlab.rnn.lm;

import dev.seqlab.core.kernel.Softmax;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Beam search over a {@link CharLanguageModel}: keeps the {@code width} most probable partial
 * texts at each step, and returns finished ones (ended by {@code '\n'} when stopping at newlines,
 * or at the length limit) best first by total log-probability.
 */
public final class CharBeamSearch {

    /**
     * A generated text and its log-probability under the model (natural log).
     *
     * @param text    the characters after the prime (no trailing newline)
     * @param logProb Σ log p(character | before)
     */
    public record Candidate(String text, double logProb) {}

    private record Beam(String text, double logProb, CharLanguageModel.State state, float[] logits) {}

    private CharBeamSearch() {}

    /** The best {@code width} completions of {@code prime}. */
    public static List<Candidate> search(
            CharLanguageModel model, String prime, int width, int maxLength, boolean stopAtNewline) {
        if (width < 1 || maxLength < 1) {
            throw new IllegalArgumentException(
                    "beam width and length must be positive, got " + width + " and " + maxLength);
        }
        CharVocabulary vocab = model.vocabulary();
        CharLanguageModel.State s = model.start();
        float[] logits = s.next(-1);
        for (int id : vocab.encode(prime)) {
            logits = s.next(id);
        }
        List<Beam> beams = List.of(new Beam("", 0, s, logits));
        List<Candidate> done = new ArrayList<>();
        for (int step = 0; step < maxLength && !beams.isEmpty(); step++) {
            List<Beam> expanded = new ArrayList<>();
            for (Beam b : beams) {
                double[] logp = new double[b.logits().length];
                Softmax.logSoftmax(b.logits(), 0, logp.length, logp);
                for (int v = 0; v < logp.length; v++) {
                    expanded.add(new Beam(b.text() + vocab.charAt(v), b.logProb() + logp[v], b.state(), null));
                }
            }
            expanded.sort(Comparator.comparingDouble(Beam::logProb).reversed());
            List<Beam> next = new ArrayList<>();
            for (Beam e : expanded) {
                if (next.size() >= width) {
                    break;
                }
                char last = e.text().charAt(e.text().length() - 1);
                if (stopAtNewline && last == '\n') {
                    done.add(new Candidate(e.text().substring(0, e.text().length() - 1), e.logProb()));
                    continue;
                }
                CharLanguageModel.State st = e.state().copy();
                next.add(new Beam(e.text(), e.logProb(), st, st.next(vocab.id(last))));
            }
            // Extending a text only lowers its log-probability: stop once `width` finished texts beat every live one.
            done.sort(Comparator.comparingDouble(Candidate::logProb).reversed());
            if (done.size() >= width
                    && (next.isEmpty()
                            || done.get(width - 1).logProb() >= next.get(0).logProb())) {
                next = List.of();
            }
            beams = next;
        }
        for (Beam b : beams) {
            done.add(new Candidate(b.text(), b.logProb()));
        }
        done.sort(Comparator.comparingDouble(Candidate::logProb).reversed());
        return done.subList(0, Math.min(width, done.size()));
    }
}
