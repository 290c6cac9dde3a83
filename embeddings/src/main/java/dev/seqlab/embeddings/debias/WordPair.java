package dev.seqlab.embeddings.debias;

/**
 * Two words that differ by the bias in question, e.g. {@code woman man}. The order matters for
 * the sign of the bias direction: it points from {@code second} towards {@code first}
 * ({@code g = e_first − e_second}, the course's {@code e_woman − e_man}).
 */
public record WordPair(String first, String second) {

    /** Checks that both words are given and differ. */
    public WordPair {
        if (first == null || first.isBlank() || second == null || second.isBlank()) {
            throw new IllegalArgumentException("a word pair needs two words, got '" + first + "' and '" + second + "'");
        }
        if (first.equals(second)) {
            throw new IllegalArgumentException("a word pair needs two different words, got '" + first + "' twice");
        }
    }

    @Override
    public String toString() {
        return first + "/" + second;
    }
}
