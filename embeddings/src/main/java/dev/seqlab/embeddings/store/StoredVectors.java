package dev.seqlab.embeddings.store;

/**
 * Everything queries need of a set of word vectors. The norms and the int8 copy are optional: when
 * null (vectors read from text, or made in memory), queries compute them when first needed.
 *
 * @param words the vocabulary
 * @param rows  the raw vectors, row i for word i
 * @param norms the Euclidean norm of each row (computed in double, rounded to float), or null
 * @param int8  the int8 first-pass copy of the unit rows, or null
 * @param subwords vectors for words outside the vocabulary (a fastText model's n-grams), or null
 */
public record StoredVectors(WordTable words, FloatRows rows, Floats norms, Int8Rows int8, SubwordVectors subwords) {

    /** Checks that the parts agree in size. */
    public StoredVectors {
        if (words.size() != rows.rows()) {
            throw new IllegalArgumentException(words.size() + " words for " + rows.rows() + " rows");
        }
        if (norms != null && norms.length() < rows.rows()) {
            throw new IllegalArgumentException(norms.length() + " norms for " + rows.rows() + " rows");
        }
    }

    /** Vectors without subwords: unknown words stay unknown. */
    public StoredVectors(WordTable words, FloatRows rows, Floats norms, Int8Rows int8) {
        this(words, rows, norms, int8, null);
    }

    /** Vectors in the heap, norms and int8 copy left to compute. */
    public static StoredVectors inHeap(String[] words, float[] matrix, int rows, int dim) {
        return new StoredVectors(WordTable.of(words, rows), FloatRows.of(matrix, rows, dim), null, null);
    }
}
