package dev.seqlab.embeddings.eval;

/**
 * The result of one section of an analogy file (or of all, "Total accuracy").
 *
 * @param name      the section name from its {@code : name} header
 * @param correct   questions answered correctly
 * @param incorrect questions answered wrongly (and, with dummy4unknown, those with unknown words)
 */
public record AnalogySection(String name, int correct, int incorrect) {

    /** correct / (correct + incorrect), or 0 when the section has no evaluated question (as gensim). */
    public double accuracy() {
        int n = correct + incorrect;
        return n == 0 ? 0.0 : (double) correct / n;
    }

    /** The questions evaluated. */
    public int evaluated() {
        return correct + incorrect;
    }
}
