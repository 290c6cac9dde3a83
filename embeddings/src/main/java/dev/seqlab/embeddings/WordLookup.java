package dev.seqlab.embeddings;

/**
 * The vector found for a word: its row in the vocabulary, or — for vectors with subwords (a
 * fastText model) — a vector made from its character n-grams when it is out of the vocabulary.
 *
 * @param word   the word looked up
 * @param row    its row, or -1 when it is out of the vocabulary
 * @param vector its raw vector (a copy)
 */
public record WordLookup(String word, int row, float[] vector) {

    /** Whether the word is out of the vocabulary and its vector was made from its subwords. */
    public boolean oov() {
        return row < 0;
    }
}
