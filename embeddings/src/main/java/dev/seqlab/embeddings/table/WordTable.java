package dev.seqlab.embeddings.table;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable vocabulary of distinct words, each with a vector of the same dimension, stored
 * row-major in one {@code float[]} (row {@code i} is the vector of {@link #word(int) word(i)}).
 * Words keep the order they were given in (for files: the file's order, usually by frequency).
 *
 * <pre>{@code
 * WordTable t = WordTable.of(List.of("king", "queen"), new float[][] {{1, 2}, {1, 3}});
 * float[] king = t.vector("king");
 * }</pre>
 */
public final class WordTable {
    private final List<String> words;
    private final Map<String, Integer> index;
    private final float[] values;
    private final int dimension;

    private WordTable(List<String> words, Map<String, Integer> index, float[] values, int dimension) {
        this.words = words;
        this.index = index;
        this.values = values;
        this.dimension = dimension;
    }

    /**
     * A table from one vector per word.
     *
     * @throws IllegalArgumentException if the counts differ, a word is empty or repeated, the vectors
     *                                  have different or zero lengths, or a value is not finite
     */
    public static WordTable of(List<String> words, float[][] vectors) {
        if (words.size() != vectors.length) {
            throw new IllegalArgumentException(words.size() + " words but " + vectors.length + " vectors");
        }
        if (vectors.length == 0) {
            throw new IllegalArgumentException("a word table needs at least one word");
        }
        int dim = vectors[0].length;
        float[] flat = new float[Math.multiplyExact(vectors.length, dim)];
        for (int i = 0; i < vectors.length; i++) {
            if (vectors[i].length != dim) {
                throw new IllegalArgumentException("the vector of '" + words.get(i) + "' has " + vectors[i].length
                        + " values, the first has " + dim);
            }
            System.arraycopy(vectors[i], 0, flat, i * dim, dim);
        }
        return of(words, flat, dim);
    }

    /**
     * A table from row-major values ({@code words.size() × dimension}); the array is copied.
     *
     * @throws IllegalArgumentException as for {@link #of(List, float[][])}
     */
    public static WordTable of(List<String> words, float[] rowMajor, int dimension) {
        if (dimension <= 0) {
            throw new IllegalArgumentException("dimension must be positive, got " + dimension);
        }
        if (words.isEmpty()) {
            throw new IllegalArgumentException("a word table needs at least one word");
        }
        if ((long) words.size() * dimension != rowMajor.length) {
            throw new IllegalArgumentException(words.size() + " words × " + dimension + " dimensions need "
                    + (long) words.size() * dimension + " values, got " + rowMajor.length);
        }
        Map<String, Integer> index = new HashMap<>(words.size() * 2);
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (w == null || w.isEmpty()) {
                throw new IllegalArgumentException("word " + (i + 1) + " is empty");
            }
            Integer previous = index.putIfAbsent(w, i);
            if (previous != null) {
                throw new IllegalArgumentException("word '" + w + "' appears twice (rows " + (previous + 1) + " and " + (i + 1) + ")");
            }
        }
        for (int k = 0; k < rowMajor.length; k++) {
            if (!Float.isFinite(rowMajor[k])) {
                throw new IllegalArgumentException("the vector of '" + words.get(k / dimension) + "' holds " + rowMajor[k]
                        + " at position " + (k % dimension + 1));
            }
        }
        return new WordTable(List.copyOf(words), Collections.unmodifiableMap(index), rowMajor.clone(), dimension);
    }

    /** The number of words. */
    public int size() {
        return words.size();
    }

    /** The length of every vector. */
    public int dimension() {
        return dimension;
    }

    /** The words in row order (unmodifiable). */
    public List<String> words() {
        return words;
    }

    /** The word of row {@code i}. */
    public String word(int i) {
        return words.get(i);
    }

    /** The row of {@code word}, or -1 when it is not in the table. */
    public int indexOf(String word) {
        Integer i = index.get(word);
        return i == null ? -1 : i;
    }

    /** Whether {@code word} has a vector. */
    public boolean contains(String word) {
        return index.containsKey(word);
    }

    /** A copy of row {@code i}. */
    public float[] vector(int i) {
        if (i < 0 || i >= words.size()) {
            throw new IndexOutOfBoundsException("row " + i + " of " + words.size());
        }
        return Arrays.copyOfRange(values, i * dimension, (i + 1) * dimension);
    }

    /**
     * A copy of the vector of {@code word}.
     *
     * @throws IllegalArgumentException if the word is not in the table
     */
    public float[] vector(String word) {
        int i = indexOf(word);
        if (i < 0) {
            throw new IllegalArgumentException("'" + word + "' is not in the vocabulary");
        }
        return vector(i);
    }

    /** Value {@code j} of row {@code i}, without copying. */
    public float get(int i, int j) {
        return values[i * dimension + j];
    }

    /** A copy of all values, row-major. */
    public float[] toRowMajor() {
        return values.clone();
    }

    /** The Euclidean length of row {@code i}, accumulated in double. */
    public double norm(int i) {
        double s = 0;
        for (int j = i * dimension, end = j + dimension; j < end; j++) {
            s += (double) values[j] * values[j];
        }
        return Math.sqrt(s);
    }

    /** A table with the same words and every row scaled to unit length (all-zero rows stay zero). */
    public WordTable normalized() {
        float[] out = values.clone();
        for (int i = 0; i < words.size(); i++) {
            double n = norm(i);
            if (n > 0) {
                for (int j = i * dimension, end = j + dimension; j < end; j++) {
                    out[j] = (float) (values[j] / n);
                }
            }
        }
        return new WordTable(words, index, out, dimension);
    }

    /** The first {@code n} words (all when {@code n >= size()}). */
    public WordTable head(int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("the number of words to keep must be positive, got " + n);
        }
        if (n >= words.size()) {
            return this;
        }
        return of(words.subList(0, n), Arrays.copyOf(values, n * dimension), dimension);
    }

    /**
     * A table with the same words whose rows are replaced where {@code replacements} says; the
     * replacement vectors must have this table's dimension.
     *
     * @throws IllegalArgumentException if a word is unknown or a vector has the wrong length
     */
    public WordTable withVectors(Map<String, float[]> replacements) {
        float[] out = values.clone();
        for (Map.Entry<String, float[]> e : replacements.entrySet()) {
            int i = indexOf(e.getKey());
            if (i < 0) {
                throw new IllegalArgumentException("'" + e.getKey() + "' is not in the vocabulary");
            }
            float[] v = e.getValue();
            if (v.length != dimension) {
                throw new IllegalArgumentException("the new vector of '" + e.getKey() + "' has " + v.length
                        + " values, the table has " + dimension);
            }
            for (float x : v) {
                if (!Float.isFinite(x)) {
                    throw new IllegalArgumentException("the new vector of '" + e.getKey() + "' holds " + x);
                }
            }
            System.arraycopy(v, 0, out, i * dimension, dimension);
        }
        return new WordTable(words, index, out, dimension);
    }
}
