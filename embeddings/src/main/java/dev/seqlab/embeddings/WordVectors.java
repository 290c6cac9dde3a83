package dev.seqlab.embeddings;

import dev.seqlab.core.progress.ProgressListener;
import dev.seqlab.embeddings.ann.ApproximateIndex;
import dev.seqlab.embeddings.ann.HnswIndex;
import dev.seqlab.embeddings.ann.HnswOptions;
import dev.seqlab.embeddings.ann.IvfIndex;
import dev.seqlab.embeddings.ann.IvfOptions;
import dev.seqlab.embeddings.fasttext.FastTextModel;
import dev.seqlab.embeddings.fasttext.FastTextVectors;
import dev.seqlab.embeddings.io.LoadOptions;
import dev.seqlab.embeddings.io.SeqlabIndexSections;
import dev.seqlab.embeddings.io.VectorFiles;
import dev.seqlab.embeddings.io.VectorFormat;
import dev.seqlab.embeddings.query.SimilarityIndex;
import dev.seqlab.embeddings.query.Spelling;
import dev.seqlab.embeddings.query.TopK;
import dev.seqlab.embeddings.store.FloatRows;
import dev.seqlab.embeddings.store.StoredVectors;
import dev.seqlab.embeddings.store.SubwordVectors;
import dev.seqlab.embeddings.store.WordTable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Pretrained word vectors: a vocabulary in file order and one float32 vector per word, held in a
 * single contiguous row-major matrix (row i is word i). Loads GloVe, word2vec text and binary,
 * fastText {@code .vec}, gzip of each, and seqlab's memory-mapped format; answers the queries of
 * gensim's {@code KeyedVectors} with the same results (same top-N in the same order, same
 * evaluation figures).
 *
 * <pre>{@code
 * WordVectors wv = WordVectors.load(Path.of("glove.6B.100d.txt"));
 * wv.mostSimilar("king", 10);                                  // closest words
 * wv.analogy("man", "woman", "king", AnalogyMethod.ADD, 1);   // man : woman :: king : ?  → queen
 * AnalogyEvaluation.run(wv, Path.of("questions-words.txt")).accuracy();   // dev.seqlab.embeddings.eval
 * }</pre>
 *
 * <p>Conventions follow gensim: cosine similarity of unit-normalised vectors; query words are
 * excluded from their own answers; equal scores come out in vocabulary order. Unlike gensim, a
 * word that is not in the vocabulary is always an error ({@link UnknownWordException}, with
 * spelling suggestions), never silently ignored. Thread-safe: instances are immutable (the
 * search index is built once, on first use, under a lock) and every query may be made from
 * several threads at once.
 *
 * <p>Vectors loaded from a seqlab file (version 2, {@link VectorFormat#SEQLAB}) are not read into
 * the heap: the file is memory-mapped and queried in place (rows, norms, the int8 first-pass copy
 * and the word hash table are all in it), so loading takes constant time and memory whatever the
 * vocabulary. There is nothing to close: the file is closed once mapped, and the mapping is
 * released when the instance is garbage-collected (Java 17 has no safe explicit unmapping; one
 * thread unmapping while another queries would crash the JVM). Until then the file should not be
 * truncated or rewritten in place (seqlab itself always replaces files atomically).
 */
public final class WordVectors {
    private final WordTable words;
    private final FloatRows rows;
    private final StoredVectors stored;
    private final SubwordVectors subwords;
    private final int size;
    private final int dim;
    private volatile SimilarityIndex similarity;
    private volatile ApproximateQueries approximate;

    private WordVectors(StoredVectors stored) {
        this.stored = stored;
        this.subwords = stored.subwords();
        this.words = stored.words();
        this.rows = stored.rows();
        this.size = rows.rows();
        this.dim = rows.dim();
    }

    // ---------------------------------------------------------------- creating, loading, saving

    /**
     * Vectors for {@code words} from a row-major matrix of {@code words.size() × dim} floats.
     * The array is taken over, not copied: do not change it afterwards.
     *
     * @throws IllegalArgumentException if the sizes disagree, a word is empty, or a word repeats
     */
    public static WordVectors of(List<String> words, float[] matrix, int dim) {
        if (dim < 1) {
            throw new IllegalArgumentException("dimension must be at least 1, got " + dim);
        }
        if ((long) words.size() * dim != matrix.length) {
            throw new IllegalArgumentException(words.size() + " words × " + dim + " dimensions need "
                    + (long) words.size() * dim + " numbers, the matrix has " + matrix.length);
        }
        String[] w = words.toArray(new String[0]);
        for (int i = 0; i < w.length; i++) {
            if (w[i] == null || w[i].isEmpty()) {
                throw new IllegalArgumentException("word " + (i + 1) + " is empty");
            }
        }
        return new WordVectors(StoredVectors.inHeap(w, matrix, w.length, dim));
    }

    /**
     * The word vectors of a fastText model: the vocabulary's vectors are fastText's word vectors
     * (computed from the model's rows when first needed), and unknown words get their n-gram
     * vectors ({@link #lookup}).
     *
     * @throws IllegalArgumentException for a supervised model
     */
    public static WordVectors of(FastTextModel model) {
        return new WordVectors(FastTextVectors.stored(model, 0));
    }

    /** Loads a vectors file in any supported format, all words as written. */
    public static WordVectors load(Path file) throws IOException {
        return load(file, LoadOptions.DEFAULT, ProgressListener.NONE);
    }

    /** Loads a vectors file in any supported format with the given options. */
    public static WordVectors load(Path file, LoadOptions options) throws IOException {
        return load(file, options, ProgressListener.NONE);
    }

    /**
     * Loads a vectors file, reporting progress. The format is detected from the content; a word
     * repeated in the file keeps its first vector (as in gensim). A seqlab file is memory-mapped
     * rather than read (unless {@link LoadOptions#lowercase()} asks to change its words); a seqlab
     * file of the first version is read into memory, with a hint to convert it.
     *
     * @throws java.nio.file.NoSuchFileException           if the file does not exist
     * @throws dev.seqlab.core.io.MalformedFileException if the content is invalid (the message names the line)
     */
    public static WordVectors load(Path file, LoadOptions options, ProgressListener progress) throws IOException {
        return new WordVectors(VectorFiles.open(file, options, progress));
    }

    /**
     * Writes these vectors to {@code file} atomically in {@code format}; the text and word2vec
     * binary formats are gzip-compressed when the name ends in {@code .gz}.
     *
     * @throws IllegalArgumentException if a word cannot be stored in the format (a space in a
     *                                  text format) or the seqlab format is asked to be gzipped
     */
    public void save(Path file, VectorFormat format) throws IOException {
        VectorFiles.write(file, format, words.asArray(), rows.asArray(), size, dim);
    }

    /**
     * Builds an approximate-search index of the HNSW kind over the seqlab vectors file {@code file} (version
     * 2) and stores it in the file, replacing an index it had. The file is rewritten beside itself
     * and renamed over the original: if building fails or is interrupted, the file is unchanged.
     * Vectors loaded from the file afterwards answer {@link #approximate()} queries.
     *
     * @throws IllegalArgumentException if {@code file} is not a seqlab file of the current version
     * @throws InterruptedException     if the thread is interrupted while building
     */
    public static HnswIndex.BuildReport buildApproximateIndex(Path file, HnswOptions options, ProgressListener progress)
            throws IOException, InterruptedException {
        return HnswIndex.build(file, openForIndex(file), options, progress);
    }

    /**
     * Builds an approximate-search index of the inverted-file kind (k-means lists of int8 codes,
     * the default of {@code seqlab embeddings index}) over the seqlab vectors file {@code file}
     * and stores it in the file, replacing an index it had, as
     * {@link #buildApproximateIndex(Path, HnswOptions, ProgressListener)} does.
     *
     * @throws IllegalArgumentException if {@code file} is not a seqlab file of the current version
     * @throws InterruptedException     if the thread is interrupted while building
     */
    public static IvfIndex.BuildReport buildApproximateIndex(Path file, IvfOptions options, ProgressListener progress)
            throws IOException, InterruptedException {
        return IvfIndex.build(file, openForIndex(file), options, progress);
    }

    private static StoredVectors openForIndex(Path file) throws IOException {
        if (!SeqlabIndexSections.isCurrentSeqlab(file)) {
            throw new IllegalArgumentException(file + " is not a seqlab vectors file of the current version; an"
                    + " approximate index is stored in one. Convert it first: seqlab embeddings convert --vectors "
                    + file + " --out NEW.seqlab --format seqlab");
        }
        return VectorFiles.open(file, LoadOptions.DEFAULT, ProgressListener.NONE);
    }

    /** True when these vectors were loaded from a seqlab file holding an approximate-search index. */
    public boolean hasApproximateIndex() {
        return stored.approximateIndex() != null;
    }

    /**
     * Approximate queries over these vectors, through the index stored in their seqlab
     * file: much faster than exact search on large vocabularies, but may miss some of the exact
     * neighbours; {@link ApproximateQueries#withEf} trades speed for recall, and
     * {@code seqlab embeddings index --evaluate} measures both on the file.
     *
     * @throws IllegalStateException if the vectors have no index (see {@link #buildApproximateIndex})
     * @throws dev.seqlab.embeddings.ann.CorruptIndexException if the index section is damaged
     */
    public ApproximateQueries approximate() {
        ApproximateQueries a = approximate;
        if (a == null) {
            synchronized (this) {
                a = approximate;
                if (a == null) {
                    ApproximateIndex index = ApproximateIndex.of(stored);
                    if (index == null) {
                        throw new IllegalStateException("these vectors have no approximate-search index; build one"
                                + " with seqlab embeddings index --vectors FILE.seqlab");
                    }
                    a = new ApproximateQueries(this, index, index.defaultEffort());
                    approximate = a;
                }
            }
        }
        return a;
    }

    // ---------------------------------------------------------------- vocabulary and vectors

    /** The number of words. */
    public int size() {
        return size;
    }

    /** The dimension of the vectors. */
    public int dimension() {
        return dim;
    }

    /** The words in file order (immutable). */
    public List<String> words() {
        return words.asList();
    }

    /** The word of row {@code i}. */
    public String word(int i) {
        checkIndex(i);
        return words.word(i);
    }

    /** The row of {@code word}, or -1 when it is not in the vocabulary. */
    public int indexOf(String word) {
        return words.indexOf(word);
    }

    /** True when {@code word} is in the vocabulary. */
    public boolean contains(String word) {
        return words.indexOf(word) >= 0;
    }

    /**
     * The row of {@code word}.
     *
     * @throws UnknownWordException with spelling suggestions when it is not in the vocabulary
     */
    public int require(String word) {
        int i = words.indexOf(word);
        if (i < 0) {
            throw new UnknownWordException(word, suggestSpellings(word, 3));
        }
        return i;
    }

    /**
     * Whether unknown words get vectors made from their subwords (vectors loaded from a fastText
     * {@code .bin} model).
     */
    public boolean hasSubwords() {
        return subwords != null;
    }

    /**
     * The vector of {@code word}: its row's when it is in the vocabulary, otherwise, for vectors
     * with subwords, the vector of its character n-grams ({@link WordLookup#oov()} true).
     *
     * @throws UnknownWordException with spelling suggestions when the word has no vector either way
     */
    public WordLookup lookup(String word) {
        int i = words.indexOf(word);
        if (i >= 0) {
            return new WordLookup(word, i, vector(i));
        }
        float[] v = subwords == null ? null : subwords.vectorOf(word);
        if (v == null) {
            throw new UnknownWordException(word, suggestSpellings(word, 3));
        }
        return new WordLookup(word, -1, v);
    }

    /**
     * Whether {@code word} is out of the vocabulary but has a subword vector (queries then answer
     * for it, and the command line marks the answer {@code "oov": true}).
     */
    public boolean isOov(String word) {
        return subwords != null && words.indexOf(word) < 0 && subwords.vectorOf(word) != null;
    }

    /**
     * A copy of the vector of {@code word}; for an unknown word, its subword vector when these
     * vectors have subwords ({@link #lookup}).
     */
    public float[] vector(String word) {
        return lookup(word).vector();
    }

    /** A copy of the vector of row {@code i}. */
    public float[] vector(int i) {
        checkIndex(i);
        float[] v = new float[dim];
        rows.copyRows(i, 1, v, 0);
        return v;
    }

    /** The vector of {@code word} divided by its Euclidean norm (a copy; subword vector for an unknown word, if any). */
    public float[] unitVector(String word) {
        return unit(lookup(word));
    }

    /** The vector of row {@code i} divided by its Euclidean norm (a copy). */
    public float[] unitVector(int i) {
        checkIndex(i);
        float[] v = new float[dim];
        index().unitRow(i, v);
        return v;
    }

    /** The Euclidean norm of the vector of row {@code i}. */
    public float norm(int i) {
        checkIndex(i);
        return index().norm(i);
    }

    /** A copy of the whole matrix, row-major, {@code size() × dimension()}. */
    public float[] copyOfMatrix() {
        float[] all = new float[Math.multiplyExact(size, dim)];
        rows.copyRows(0, size, all, 0);
        return all;
    }

    /** Known words spelled closest to {@code word} (edit distance), best first, at most {@code max}. */
    public List<String> suggestSpellings(String word, int max) {
        return Spelling.suggest(word, words.asList(), max);
    }

    // ---------------------------------------------------------------- queries

    /** The cosine similarity of two words (gensim's {@code similarity}). */
    public double similarity(String word1, String word2) {
        return cosine(vector(word1), vector(word2));
    }

    /**
     * The cosine similarity of the means of two sets of words' (raw, not normalised) vectors
     * (gensim's {@code n_similarity}).
     *
     * @throws IllegalArgumentException if a set is empty
     */
    public double nSimilarity(List<String> words1, List<String> words2) {
        if (words1.isEmpty() || words2.isEmpty()) {
            throw new IllegalArgumentException("n_similarity needs at least one word in each set");
        }
        return cosine(rawMean(words1), rawMean(words2));
    }

    /** The {@code topN} words closest to {@code word}, best first, excluding the word itself. */
    public List<Neighbor> mostSimilar(String word, int topN) {
        return mostSimilar(List.of(word), List.of(), topN, 0);
    }

    /**
     * The {@code topN} words closest to the mean of the unit vectors of {@code positive} minus
     * those of {@code negative} (gensim's {@code most_similar}), excluding the query words.
     */
    public List<Neighbor> mostSimilar(List<String> positive, List<String> negative, int topN) {
        return mostSimilar(positive, negative, topN, 0);
    }

    /**
     * As {@link #mostSimilar(List, List, int)}, searching only the first {@code restrictVocab}
     * words (0 = all).
     */
    public List<Neighbor> mostSimilar(List<String> positive, List<String> negative, int topN, int restrictVocab) {
        if (subwords == null || allKnown(positive) && allKnown(negative)) {
            return mostSimilar(indices(positive), indices(negative), topN, restrictVocab);
        }
        checkQuery(positive.size() + negative.size(), topN, restrictVocab);
        float[][] pos = units(positive);
        float[][] neg = units(negative);
        float[] mean = new float[dim];
        for (float[] u : pos) {
            for (int k = 0; k < dim; k++) {
                mean[k] += u[k];
            }
        }
        for (float[] u : neg) {
            for (int k = 0; k < dim; k++) {
                mean[k] -= u[k];
            }
        }
        int total = pos.length + neg.length;
        for (int k = 0; k < dim; k++) {
            mean[k] /= total;
        }
        SimilarityIndex.normalize(mean);
        int[] exclude = concat(knownRows(positive), knownRows(negative));
        return neighbors(index().nearest(mean, limit(restrictVocab), topN, exclude));
    }

    /**
     * {@link #mostSimilar(List, List, int, int)} with the query words given by row.
     *
     * @throws IllegalArgumentException if there are no query words, {@code topN < 1} or
     *                                  {@code restrictVocab < 0}
     */
    public List<Neighbor> mostSimilar(int[] positive, int[] negative, int topN, int restrictVocab) {
        checkQuery(positive.length + negative.length, topN, restrictVocab);
        float[] mean = queryVector(positive, negative);
        return neighbors(index().nearest(mean, limit(restrictVocab), topN, concat(positive, negative)));
    }

    /**
     * The normalised mean of the unit vectors of {@code positive} minus those of {@code negative}:
     * the query of most-similar (exact or approximate).
     */
    float[] queryVector(int[] positive, int[] negative) {
        float[] mean = new float[dim];
        float[] unit = new float[dim];
        SimilarityIndex idx = index();
        for (int i : positive) {
            checkIndex(i);
            idx.unitRow(i, unit);
            for (int k = 0; k < dim; k++) {
                mean[k] += unit[k];
            }
        }
        for (int i : negative) {
            checkIndex(i);
            idx.unitRow(i, unit);
            for (int k = 0; k < dim; k++) {
                mean[k] -= unit[k];
            }
        }
        int total = positive.length + negative.length;
        for (int k = 0; k < dim; k++) {
            mean[k] /= total;
        }
        return SimilarityIndex.normalize(mean);
    }

    /**
     * Builds the search structures now rather than at the first query, and waits for them: the
     * row norms, and for large vocabularies the int8 copy that makes nearest-neighbour searches
     * two-pass (otherwise built in the background after the first search). For servers and
     * shells that want every query at full speed; answers are the same either way.
     */
    public void prepareQueries() {
        index().prepare();
    }

    /** The {@code topN} words closest to {@code vector} (gensim's {@code similar_by_vector}); no word is excluded. */
    public List<Neighbor> similarByVector(float[] vector, int topN) {
        return similarByVector(vector, topN, 0);
    }

    /** As {@link #similarByVector(float[], int)}, searching only the first {@code restrictVocab} words (0 = all). */
    public List<Neighbor> similarByVector(float[] vector, int topN, int restrictVocab) {
        if (vector.length != dim) {
            throw new IllegalArgumentException("the vector has " + vector.length + " dimensions, these vectors " + dim);
        }
        checkQuery(1, topN, restrictVocab);
        float[] q = SimilarityIndex.normalize(vector.clone());
        return neighbors(index().nearest(q, limit(restrictVocab), topN, new int[0]));
    }

    /**
     * The {@code topN} words by the 3CosMul objective (gensim's {@code most_similar_cosmul}),
     * excluding the query words. Unlike gensim 4.2, which ignores it here, {@code restrictVocab}
     * is honoured.
     */
    public List<Neighbor> mostSimilarCosMul(List<String> positive, List<String> negative, int topN, int restrictVocab) {
        if (positive.isEmpty()) {
            throw new IllegalArgumentException("3CosMul needs at least one positive word");
        }
        checkQuery(positive.size() + negative.size(), topN, restrictVocab);
        float[][] p = units(positive);
        float[][] n = units(negative);
        int[] exclude = concat(knownRows(positive), knownRows(negative));
        return neighbors(index().cosMul(p, n, limit(restrictVocab), topN, exclude));
    }

    /** As {@link #mostSimilarCosMul(List, List, int, int)} over the whole vocabulary. */
    public List<Neighbor> mostSimilarCosMul(List<String> positive, List<String> negative, int topN) {
        return mostSimilarCosMul(positive, negative, topN, 0);
    }

    /**
     * "{@code a} is to {@code b} as {@code c} is to ?": the {@code topN} best answers, excluding
     * a, b and c. {@link AnalogyMethod#ADD} ranks by cosine to b − a + c, {@link AnalogyMethod#MUL}
     * by 3CosMul.
     */
    public List<Neighbor> analogy(String a, String b, String c, AnalogyMethod method, int topN) {
        List<String> positive = List.of(b, c);
        List<String> negative = List.of(a);
        return method == AnalogyMethod.ADD
                ? mostSimilar(positive, negative, topN, 0)
                : mostSimilarCosMul(positive, negative, topN, 0);
    }

    /**
     * The word that fits least with the others (gensim's {@code doesnt_match}): the lowest cosine
     * to the normalised mean of the unit vectors; of equal cosines, the word that sorts first.
     *
     * @throws IllegalArgumentException if {@code words} is empty
     */
    public String doesntMatch(List<String> words) {
        if (words.isEmpty()) {
            throw new IllegalArgumentException("doesnt_match needs at least one word");
        }
        float[][] units = units(words);
        float[] mean = new float[dim];
        for (float[] u : units) {
            for (int k = 0; k < dim; k++) {
                mean[k] += u[k];
            }
        }
        for (int k = 0; k < dim; k++) {
            mean[k] /= units.length;
        }
        SimilarityIndex.normalize(mean);
        String worst = null;
        double worstScore = Double.POSITIVE_INFINITY;
        for (int j = 0; j < units.length; j++) {
            double s = 0;
            for (int k = 0; k < dim; k++) {
                s += units[j][k] * mean[k];
            }
            String w = words.get(j);
            if (s < worstScore || s == worstScore && w.compareTo(worst) < 0) {
                worstScore = s;
                worst = w;
            }
        }
        return worst;
    }

    @Override
    public String toString() {
        return "WordVectors[" + size + " words × " + dim + "]";
    }

    // ---------------------------------------------------------------- helpers

    private SimilarityIndex index() {
        SimilarityIndex s = similarity;
        if (s == null) {
            synchronized (this) {
                s = similarity;
                if (s == null) {
                    s = SimilarityIndex.of(rows, stored.norms(), stored.int8());
                    similarity = s;
                }
            }
        }
        return s;
    }

    int[] indices(List<String> ws) {
        int[] out = new int[ws.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = require(ws.get(i));
        }
        return out;
    }

    private boolean allKnown(List<String> ws) {
        for (String w : ws) {
            if (words.indexOf(w) < 0) {
                return false;
            }
        }
        return true;
    }

    /** The rows of the words of {@code ws} that are in the vocabulary (excluded from answers). */
    private int[] knownRows(List<String> ws) {
        return ws.stream().mapToInt(words::indexOf).filter(i -> i >= 0).toArray();
    }

    /** The unit vectors of {@code ws}, subword vectors for unknown words when there are subwords. */
    private float[][] units(List<String> ws) {
        float[][] out = new float[ws.size()][];
        for (int j = 0; j < out.length; j++) {
            out[j] = unit(lookup(ws.get(j)));
        }
        return out;
    }

    /** The unit vector of a lookup: the index's for a row (as every query uses), else normalised here. */
    private float[] unit(WordLookup l) {
        return l.oov() ? SimilarityIndex.normalize(l.vector()) : unitVector(l.row());
    }

    private float[] rawMean(List<String> ws) {
        float[] mean = new float[dim];
        for (String w : ws) {
            float[] row = vector(w);
            for (int k = 0; k < dim; k++) {
                mean[k] += row[k];
            }
        }
        return mean;
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int k = 0; k < a.length; k++) {
            dot += (double) a[k] * b[k];
            na += (double) a[k] * a[k];
            nb += (double) b[k] * b[k];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }

    int limit(int restrictVocab) {
        return restrictVocab == 0 ? size : Math.min(restrictVocab, size);
    }

    static void checkQuery(int words, int topN, int restrictVocab) {
        if (words == 0) {
            throw new IllegalArgumentException("a similarity query needs at least one word");
        }
        if (topN < 1) {
            throw new IllegalArgumentException("topN must be at least 1, got " + topN);
        }
        if (restrictVocab < 0) {
            throw new IllegalArgumentException("restrictVocab must be 0 (all words) or positive, got " + restrictVocab);
        }
    }

    private void checkIndex(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("row " + i + " of " + size + " words");
        }
    }

    private List<Neighbor> neighbors(TopK top) {
        int[] best = top.indices();
        List<Neighbor> out = new ArrayList<>(best.length);
        for (int i : best) {
            out.add(new Neighbor(words.word(i), top.scoreOf(i)));
        }
        return out;
    }

    static int[] concat(int[] a, int[] b) {
        int[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
