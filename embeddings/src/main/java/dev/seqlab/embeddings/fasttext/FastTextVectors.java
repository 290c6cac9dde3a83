package dev.seqlab.embeddings.fasttext;

import dev.seqlab.embeddings.store.FloatRows;
import dev.seqlab.embeddings.store.StoredVectors;
import dev.seqlab.embeddings.store.SubwordVectors;
import dev.seqlab.embeddings.store.WordTable;
import java.util.Arrays;

/**
 * A {@link FastTextModel} as word vectors: the vocabulary's vectors are fastText's word vectors
 * (own row and n-gram rows averaged, as {@code print-word-vectors} and the {@code .vec} give
 * them), computed from the input matrix when first needed, and any other word gets its n-gram
 * vector ({@link SubwordVectors}), so lookups never fail for a word with n-grams.
 */
public final class FastTextVectors {
    private FastTextVectors() {}

    /**
     * The first {@code limit} words of {@code model} (0: all), with subword vectors for the rest.
     *
     * @throws IllegalArgumentException for a supervised model (its vectors serve labels, not words)
     */
    public static StoredVectors stored(FastTextModel model, int limit) {
        FastTextDictionary d = model.dictionary();
        if (model.args().model() == FastTextArchitecture.SUPERVISED || d.nlabels() > 0) {
            throw new IllegalArgumentException("a supervised fastText model (" + d.nlabels()
                    + " labels), not word vectors: train with 'fasttext skipgram' or 'cbow'");
        }
        int rows = limit == 0 ? d.nwords() : Math.min(limit, d.nwords());
        WordTable table =
                rows == d.size() ? d.table() : WordTable.of(d.entries().toArray(new String[0]), rows);
        return new StoredVectors(table, new FastTextWordRows(model, rows), null, null, subwords(model));
    }

    /**
     * A fastText model holding just these word vectors: no character n-grams (maxn 0, bucket 0),
     * the rows as its input matrix, a zero output matrix, each word counted once. The fastText
     * tool loads it and prints these vectors; unknown words have none. The matrix is taken over.
     */
    public static FastTextModel wordsOnly(String[] words, float[] matrix, int rows, int dim) {
        long[] counts = new long[rows];
        Arrays.fill(counts, 1);
        FastTextDictionary d = FastTextDictionary.ofWords(Arrays.asList(words).subList(0, rows), counts, rows);
        FastTextArgs args =
                FastTextArgs.defaults().withDim(dim).withNgrams(0, 0).withBucket(0);
        return new FastTextModel(args, d, FloatRows.of(matrix, rows, dim), new ZeroRows(rows, dim));
    }

    /**
     * fastText's vector of any word (its {@code getWordVector}), or null when it has no row at all
     * (not in the dictionary and no n-gram): where fastText answers zeros, seqlab says unknown.
     */
    public static SubwordVectors subwords(FastTextModel model) {
        return word -> {
            int[] rows = model.subwordRows(word);
            if (rows.length == 0) {
                return null;
            }
            float[] v = new float[model.dim()];
            model.average(rows, v);
            return v;
        };
    }
}
