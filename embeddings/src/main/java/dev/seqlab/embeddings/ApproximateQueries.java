package dev.seqlab.embeddings;

import dev.seqlab.embeddings.ann.ApproximateIndex;
import dev.seqlab.embeddings.query.SimilarityIndex;
import java.util.ArrayList;
import java.util.List;

/**
 * Approximate most-similar queries over {@link WordVectors}, answered by the approximate-search
 * index of their seqlab file (an inverted file or an HNSW graph) ({@link WordVectors#approximate()}): the same queries and conventions as the exact
 * ones (cosine of unit vectors, query words excluded, best first), but the answer may miss some
 * of the exact neighbours, in exchange for a search that reads a few thousand rows instead of all.
 * The search effort {@link #ef()} sets the trade-off. Immutable and thread-safe.
 */
public final class ApproximateQueries {
    private final WordVectors vectors;
    private final ApproximateIndex index;
    private final int ef;

    ApproximateQueries(WordVectors vectors, ApproximateIndex index, int ef) {
        if (ef < 1) {
            throw new IllegalArgumentException("ef (the search effort) must be at least 1, got " + ef);
        }
        this.vectors = vectors;
        this.index = index;
        this.ef = ef;
    }

    /**
     * The search effort: the beam width of an HNSW search, the most lists an inverted-file search
     * probes; higher finds more of the exact neighbours, more slowly.
     */
    public int ef() {
        return ef;
    }

    /** These queries with search effort {@code ef}. */
    public ApproximateQueries withEf(int ef) {
        return new ApproximateQueries(vectors, index, ef);
    }

    /** The index answering the queries. */
    public ApproximateIndex index() {
        return index;
    }

    /** About the {@code topN} words closest to {@code word}, best first, excluding the word itself. */
    public List<Neighbor> mostSimilar(String word, int topN) {
        return mostSimilar(List.of(word), List.of(), topN, 0);
    }

    /**
     * As {@link WordVectors#mostSimilar(List, List, int, int)}, approximately. A search restricted
     * to less than half the vocabulary is answered exactly instead (the index would be searched
     * mostly through words that cannot be answers, and an exact scan of the few allowed is cheap).
     */
    public List<Neighbor> mostSimilar(List<String> positive, List<String> negative, int topN, int restrictVocab) {
        int[] pos = vectors.indices(positive);
        int[] neg = vectors.indices(negative);
        WordVectors.checkQuery(pos.length + neg.length, topN, restrictVocab);
        int limit = vectors.limit(restrictVocab);
        if (limit < vectors.size() / 2) {
            return vectors.mostSimilar(pos, neg, topN, restrictVocab);
        }
        float[] q = vectors.queryVector(pos, neg);
        return search(q, topN, WordVectors.concat(pos, neg), limit);
    }

    /** As {@link WordVectors#similarByVector(float[], int)}, approximately. */
    public List<Neighbor> similarByVector(float[] vector, int topN) {
        if (vector.length != vectors.dimension()) {
            throw new IllegalArgumentException(
                    "the vector has " + vector.length + " dimensions, these vectors " + vectors.dimension());
        }
        WordVectors.checkQuery(1, topN, 0);
        return search(SimilarityIndex.normalize(vector.clone()), topN, new int[0], vectors.size());
    }

    /**
     * "{@code a} is to {@code b} as {@code c} is to ?" by cosine to b − a + c
     * ({@link AnalogyMethod#ADD}), approximately, excluding a, b and c.
     */
    public List<Neighbor> analogy(String a, String b, String c, int topN) {
        return mostSimilar(List.of(b, c), List.of(a), topN, 0);
    }

    private List<Neighbor> search(float[] q, int topN, int[] exclude, int limit) {
        float[] scores = new float[topN];
        int[] found = index.search(q, topN, ef, exclude, limit, scores);
        List<Neighbor> out = new ArrayList<>(found.length);
        for (int i = 0; i < found.length; i++) {
            out.add(new Neighbor(vectors.word(found[i]), scores[i]));
        }
        return out;
    }
}
