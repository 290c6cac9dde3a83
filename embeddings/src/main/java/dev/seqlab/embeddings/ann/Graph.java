package dev.seqlab.embeddings.ann;

/**
 * The layered proximity graph of HNSW: level 0 links every node, each higher level a random
 * subset of the one below; searches enter at {@link #entryPoint()} on {@link #maxLevel()}.
 * Implemented in the heap while building and over the mapped index section when querying.
 */
interface Graph {

    /** The number of nodes (rows). */
    int size();

    /** The highest level, or -1 for an empty graph. */
    int maxLevel();

    /** The node searches start from (on the highest level), or -1 for an empty graph. */
    int entryPoint();

    /**
     * Copies the neighbours of {@code node} on {@code level} into {@code into} and returns how
     * many there are.
     */
    int neighbors(int level, int node, int[] into);
}
