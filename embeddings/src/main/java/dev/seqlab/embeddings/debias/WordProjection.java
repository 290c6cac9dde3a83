package dev.seqlab.embeddings.debias;

/**
 * How far one listed word lay along the bias direction before and after debiasing: the
 * projection {@code e·ĝ} of its unit-length vector before, and of its new vector after.
 *
 * @param word   the word
 * @param role   what debiasing did to it
 * @param before its projection before (its cosine with the bias direction)
 * @param after  its projection after (0 up to float rounding for neutralized words)
 */
public record WordProjection(String word, Role role, double before, double after) {

    /** What debiasing did to a word. */
    public enum Role {
        /** Its component along the bias direction was removed. */
        NEUTRALIZED,
        /** It was moved to mirror its partner about the neutral plane. */
        EQUALIZED
    }
}
