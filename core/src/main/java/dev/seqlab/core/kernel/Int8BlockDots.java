package dev.seqlab.core.kernel;

/**
 * Dot products of a float query with rows of signed bytes stored in blocks of {@link #BLOCK}
 * rows, dimension-major: the code of row {@code 16·b + j}, dimension {@code k}, is at
 * {@code codes[(b·dim + k)·16 + j]}. This layout lets SIMD lanes hold sixteen rows at once, so no
 * horizontal sums are needed, and reads a quarter of the memory a float matrix would. It is the
 * first pass of exact nearest-neighbour search over int8-quantised vectors (the candidates it
 * finds are rescored in float). A plain and a SIMD implementation, chosen by
 * {@link Kernels#int8BlockDots()}.
 */
public interface Int8BlockDots {
    /** Rows per block. */
    int BLOCK = 16;

    /**
     * {@code y[16·b + j] = Σ_k q[k]·codes[(b·dim + k)·16 + j]} for the blocks {@code b} in
     * {@code [fromBlock, toBlock)}, accumulated in float.
     *
     * @param codes the blocks, at least {@code toBlock·dim·16} bytes
     * @param dim the number of dimensions (the length of {@code q} used)
     * @param q the query
     * @param y receives {@code 16·(toBlock − fromBlock)} dot products, at index {@code 16·fromBlock} on
     */
    void dots(byte[] codes, int dim, int fromBlock, int toBlock, float[] q, float[] y);

    /**
     * {@link #dots} for the first {@code count} queries at once: query {@code q[j]}'s dot product
     * with row {@code 16·b + i} goes to {@code y[j][16·(b − fromBlock) + i]} (counted from the first
     * block, so a chunk of blocks needs only a chunk-sized buffer). Each block's codes are read and
     * widened once for all queries, so a batch costs far less than one pass per query, and every
     * query gets exactly the floats {@link #dots} gives it alone.
     */
    void dots(byte[] codes, int dim, int fromBlock, int toBlock, float[][] q, int count, float[][] y);

    /**
     * The rows of a chunk whose upper bound can reach {@code threshold}: the offsets {@code r} in
     * {@code [0, n)} with {@code approx[r] + (qNorm·errors[r] + rounding) >= threshold}, computed in
     * float in that order (a multiply, then two adds; never fused), written to {@code rows} in
     * increasing order. NaN never reaches. The screen of the batched first pass: most rows fail it.
     *
     * @return how many offsets were written
     */
    int reaching(float[] approx, float[] errors, int n, float qNorm, float rounding, float threshold, int[] rows);

    /** "plain" or "vector". */
    String name();
}
