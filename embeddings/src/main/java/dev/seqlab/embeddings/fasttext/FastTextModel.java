package dev.seqlab.embeddings.fasttext;

import dev.seqlab.embeddings.store.FloatRows;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * A fastText model in memory: its {@link FastTextArgs}, its {@link FastTextDictionary}, the input
 * matrix (a row per word, then a row per n-gram bucket: {@code (nwords + bucket) × dim}) and the
 * output matrix ({@code nwords × dim}; {@code nlabels × dim} for a supervised model). The
 * matrices may live in the heap or be mapped from a file ({@link FloatRows}); the model is
 * immutable and safe to share between threads.
 *
 * <p>{@link #wordVector(String)} is fastText's {@code getWordVector}: the average of the rows of
 * {@link #subwordRows(String)} — for a word in the dictionary its own row and its n-gram rows, for
 * any other word its n-gram rows only, and zeros when it has none.
 */
public final class FastTextModel {
    private static final int[] NONE = new int[0];

    private final FastTextArgs args;
    private final FastTextDictionary dictionary;
    private final FloatRows input;
    private final FloatRows output;

    /**
     * @throws IllegalArgumentException if the matrices' shapes disagree with the args and dictionary
     */
    public FastTextModel(FastTextArgs args, FastTextDictionary dictionary, FloatRows input, FloatRows output) {
        this.args = Objects.requireNonNull(args, "args");
        this.dictionary = Objects.requireNonNull(dictionary, "dictionary");
        this.input = Objects.requireNonNull(input, "input");
        this.output = Objects.requireNonNull(output, "output");
        long inputRows = (long) dictionary.nwords() + ngramRowCount(args, dictionary);
        if (input.rows() != inputRows || input.dim() != args.dim()) {
            throw new IllegalArgumentException("input matrix is " + input.rows() + " × " + input.dim() + ", expected "
                    + inputRows + " × " + args.dim() + " (" + dictionary.nwords() + " words + "
                    + ngramRowCount(args, dictionary) + " n-gram rows)");
        }
        int outputRows = args.model() == FastTextArchitecture.SUPERVISED ? dictionary.nlabels() : dictionary.nwords();
        if (output.rows() != outputRows || output.dim() != args.dim()) {
            throw new IllegalArgumentException("output matrix is " + output.rows() + " × " + output.dim()
                    + ", expected " + outputRows + " × " + args.dim());
        }
    }

    /** The number of n-gram rows of the input matrix: {@code bucket}, or the pruned count. */
    static int ngramRowCount(FastTextArgs args, FastTextDictionary dictionary) {
        Map<Integer, Integer> prune = dictionary.pruneIndex();
        return prune == null ? args.bucket() : prune.size();
    }

    /** The hyperparameters. */
    public FastTextArgs args() {
        return args;
    }

    /** The dictionary. */
    public FastTextDictionary dictionary() {
        return dictionary;
    }

    /** The input matrix: word rows, then n-gram rows. */
    public FloatRows input() {
        return input;
    }

    /** The output matrix. */
    public FloatRows output() {
        return output;
    }

    /** The vector dimension. */
    public int dim() {
        return args.dim();
    }

    /** The number of words. */
    public int nwords() {
        return dictionary.nwords();
    }

    /** Whether {@code word} is in the dictionary (as a word or a label). */
    public boolean contains(String word) {
        return dictionary.id(word) >= 0;
    }

    /**
     * The input rows fastText averages for {@code word} ({@code Dictionary::getSubwords}): for an
     * entry of the dictionary its id, then its n-gram rows; for any other word its n-gram rows.
     */
    public int[] subwordRows(String word) {
        int id = dictionary.id(word);
        if (id >= 0) {
            return subwordRows(id);
        }
        return Subwords.EOS.equals(word) ? NONE : ngramRows(word);
    }

    /** The input rows of dictionary entry {@code id}: the id itself, then its n-gram rows. */
    public int[] subwordRows(int id) {
        String word = dictionary.word(id);
        return Subwords.prepend(id, Subwords.EOS.equals(word) ? NONE : ngramRows(word));
    }

    /** The n-gram rows of {@code word} (fastText's {@code computeSubwords}, with pruning if any). */
    public int[] ngramRows(String word) {
        int[] buckets = Subwords.ngramBuckets(word, args.minn(), args.maxn(), args.bucket());
        int nwords = dictionary.nwords();
        Map<Integer, Integer> prune = dictionary.pruneIndex();
        if (prune == null) {
            for (int i = 0; i < buckets.length; i++) {
                buckets[i] += nwords;
            }
            return buckets;
        }
        int n = 0;
        for (int b : buckets) {
            Integer row = prune.get(b);
            if (row != null) {
                buckets[n++] = nwords + row;
            }
        }
        return Arrays.copyOf(buckets, n);
    }

    /** fastText's {@code getWordVector} of {@code word}: a new array of {@link #dim()} floats. */
    public float[] wordVector(String word) {
        float[] v = new float[args.dim()];
        average(subwordRows(word), v);
        return v;
    }

    /** fastText's {@code getWordVector} of {@code word} into {@code dst[0..dim)}. */
    public void wordVector(String word, float[] dst) {
        average(subwordRows(word), dst);
    }

    /** fastText's {@code getWordVector} of dictionary entry {@code id} into {@code dst[0..dim)}. */
    public void wordVector(int id, float[] dst) {
        average(subwordRows(id), dst, 0);
    }

    /** fastText's {@code getWordVector} of dictionary entry {@code id} into {@code dst[off..off+dim)}. */
    public void wordVector(int id, float[] dst, int off) {
        average(subwordRows(id), dst, off);
    }

    /**
     * The word vectors of the first {@code count} dictionary entries, row-major ({@code count ×
     * dim}): what fastText's {@code .vec} output holds.
     */
    public float[] wordVectorMatrix(int count) {
        int dim = args.dim();
        float[] m = new float[Math.multiplyExact(count, dim)];
        for (int i = 0; i < count; i++) {
            wordVector(i, m, i * dim);
        }
        return m;
    }

    /** {@link #average(int[], float[], int)} into {@code dst[0..dim)}. */
    public void average(int[] rows, float[] dst) {
        average(rows, dst, 0);
    }

    /**
     * The average of the input rows {@code rows} into {@code dst[off..off+dim)}, computed as
     * fastText does: float sums in order, then one multiplication by {@code (float) (1.0 / count)};
     * zeros when {@code rows} is empty. The sum starts from the first row rather than from zero,
     * which changes nothing but keeps a {@code -0.0} (fastText's {@code 0 + -0.0} gives {@code +0.0}),
     * so a model without n-grams gives back its rows bit for bit.
     */
    public void average(int[] rows, float[] dst, int off) {
        int dim = args.dim();
        if (rows.length == 0) {
            Arrays.fill(dst, off, off + dim, 0f);
            return;
        }
        input.copyRows(rows[0], 1, dst, off);
        float[] row = new float[dim];
        for (int i = 1; i < rows.length; i++) {
            input.copyRows(rows[i], 1, row, 0);
            for (int j = 0; j < dim; j++) {
                dst[off + j] += row[j];
            }
        }
        float scale = (float) (1.0 / rows.length);
        for (int j = 0; j < dim; j++) {
            dst[off + j] *= scale;
        }
    }
}
