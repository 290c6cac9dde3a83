package dev.seqlab.embeddings.word2vec;

/**
 * The inner loops of word2vec over one vector, {@code n} floats long, where {@code n} is a
 * multiple of {@link #lanes()} (rows are padded with zeros to such a stride, so no loop has a
 * tail). Implementations: plain Java, and SIMD on {@code jdk.incubator.vector}; {@link
 * Word2VecKernels#kernel()} is this JVM's. Shared by the word2vec and fastText trainers.
 */
public interface Word2VecKernel {
    /** Rows must be padded to a multiple of this many floats. */
    int lanes();

    /** The name of the implementation ("plain" or "vector"). */
    String name();

    /** The dot product of a[ao..ao+n) and b[bo..bo+n). */
    float dot(float[] a, int ao, float[] b, int bo, int n);

    /**
     * Several dot products with one vector: {@code out[k] = in[io..io+n) · table[rows[k]..rows[k]+n)}
     * for {@code k < count}. Reading {@code in} once for all rows and keeping several sums going
     * at once is what makes this faster than {@code count} calls of {@link #dot}.
     */
    void dots(float[] in, int io, float[] table, int[] rows, int count, float[] out, int n);

    /** y[yo..yo+n) += alpha * x[xo..xo+n). */
    void axpy(float alpha, float[] x, int xo, float[] y, int yo, int n);

    /**
     * The gradient step of one output vector: {@code acc[0..n) += g * out[oo..)}, then
     * {@code out[oo..) += g * in[io..)}, in one pass over {@code out}.
     */
    void update(float g, float[] in, int io, float[] out, int oo, float[] acc, int n);

    /**
     * {@link #update} for several output vectors in one pass: for each {@code k < count},
     * {@code acc += g[k] * table[rows[k]..)} with the row's value before this call, then
     * {@code table[rows[k]..) += g[k] * in[io..)}. Rows must be distinct.
     */
    void updates(float[] g, float[] in, int io, float[] table, int[] rows, int count, float[] acc, int n);

    /**
     * {@code out[oo..oo+n) = s * sum_k table[rows[k]..)} for {@code k < count}: each row read
     * once, the sum kept in registers (CBOW's hidden layer).
     */
    void sumRows(float s, float[] table, int[] rows, int count, float[] out, int oo, int n);

    /**
     * {@code y[yo..yo+n) += sum_k a[k] * x[xRows[k]..)} for {@code k < count}, in one
     * read-modify-write of {@code y} (a CBOW context row taking the errors of the centres it serves).
     */
    void addRows(float[] a, float[] x, int[] xRows, int count, float[] y, int yo, int n);

    /** x[0..n) *= s. */
    void scale(float s, float[] x, int n);
}
