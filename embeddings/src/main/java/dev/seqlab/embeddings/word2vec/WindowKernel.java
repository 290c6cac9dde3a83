package dev.seqlab.embeddings.word2vec;

/**
 * The level-3 inner loops of mini-batched word2vec (Ji et al. 2016, "Parallelizing Word2Vec in
 * Shared and Distributed Memory"): a window's context vectors and the targets they share are two
 * small matrices, and one training step is a product of them followed by two rank-k updates.
 * Matrices are sets of rows of {@code n} floats, each named by its start offset in a flat array,
 * with {@code n} a multiple of {@link #lanes()}. Implementations: plain Java and SIMD on
 * {@code jdk.incubator.vector}; {@link WindowKernels#kernel()} is this JVM's.
 */
public interface WindowKernel {
    /** Rows must be padded to a multiple of this many floats. */
    int lanes();

    /** The name of the implementation ("plain" or "vector"). */
    String name();

    /**
     * The product of the {@code m} rows {@code a[aRows[i]..)} with the transpose of the {@code k}
     * rows {@code b[bRows[j]..)}: {@code s[i * k + j] = a_i · b_j}.
     */
    void scores(float[] a, int[] aRows, int m, float[] b, int[] bRows, int k, float[] s, int n);

    /**
     * Adds the product of the {@code m × k} matrix {@code g} (row-major) with the {@code k} rows
     * {@code b[bRows[j]..)} to the {@code m} rows {@code c[cRows[i]..)}:
     * {@code c_i += sum_j g[i * k + j] * b_j}. Rows of {@code c} may repeat (each repeat adds its
     * own share); {@code c} must not share rows with {@code b}.
     */
    void accumulate(float[] g, int m, int k, float[] b, int[] bRows, float[] c, int[] cRows, int n);
}
