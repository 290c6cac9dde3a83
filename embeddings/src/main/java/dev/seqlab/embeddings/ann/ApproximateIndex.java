package dev.seqlab.embeddings.ann;

import dev.seqlab.embeddings.store.MappedRegion;
import dev.seqlab.embeddings.store.StoredVectors;

/**
 * An approximate-search index over the rows of a seqlab vectors file, read in place from the file's
 * index section: the about {@code k} rows closest by cosine to a unit query. Two kinds exist, told
 * apart by the magic number that starts the section: {@link IvfIndex} (an inverted file over int8
 * codes, the default) and {@link HnswIndex} (a graph). Implementations are thread-safe.
 */
public interface ApproximateIndex {

    /** "ivf" or "hnsw". */
    String method();

    /** The number of rows indexed. */
    int size();

    /** The length of the rows. */
    int dimension();

    /**
     * The search effort used when none is given: the beam width of an HNSW search, the most lists
     * an inverted-file search probes.
     */
    int defaultEffort();

    /** Row {@code row} divided by its norm (a query for its neighbours), into {@code dst}. */
    void unitRow(int row, float[] dst);

    /**
     * The about {@code k} rows closest (by cosine) to the unit vector {@code query}, best first:
     * at most {@code k}, none in {@code exclude}, none at or beyond {@code limit}, ranked and scored
     * by their exact cosines. {@code effort} (at least 1) trades speed for recall: the beam width
     * of an HNSW search, the most lists an inverted-file search probes.
     *
     * @return the rows found, best first; their scores go into {@code scores} (at least {@code k} long)
     */
    int[] search(float[] query, int k, int effort, int[] exclude, int limit, float[] scores);

    /**
     * The index of mapped vectors, of whichever kind their index section holds, or null when the
     * file has none.
     *
     * @throws CorruptIndexException if the section is damaged, of an unknown kind, or was built for
     *                               other vectors
     */
    static ApproximateIndex of(StoredVectors vectors) {
        MappedRegion section = vectors.approximateIndex();
        if (section == null || vectors.matrix() == null || vectors.norms() == null) {
            return null;
        }
        if (section.length() < 4) {
            throw new CorruptIndexException("the section has " + section.length() + " bytes, less than its header");
        }
        int magic = section.getInt(0);
        if (magic == IvfLayout.MAGIC) {
            return IvfIndex.of(vectors);
        }
        if (magic == HnswLayout.MAGIC) {
            return HnswIndex.of(vectors);
        }
        throw new CorruptIndexException(String.format(
                "the section starts with 0x%08X, the magic number of no index kind this seqlab reads (IVF8, HNSW)",
                magic));
    }
}
