package dev.seqlab.embeddings.store;

import dev.seqlab.core.kernel.Int8BlockDots;

/**
 * The int8 codes of the first-pass copy of the rows, in the block layout of {@link Int8BlockDots}
 * ({@code dim × 16} bytes per block of 16 rows): in a heap array or mapped from a file.
 */
@FunctionalInterface
public interface BlockCodes {

    /** The codes of the heap array {@code codes} (not copied), scored in place. */
    static BlockCodes of(byte[] codes) {
        return (kernel, dim, fromBlock, toBlock, q, y) -> kernel.dots(codes, dim, fromBlock, toBlock, q, y);
    }

    /** The codes of a mapped region whose granule is one block ({@code 16·dim} bytes). */
    static BlockCodes mapped(MappedRegion region, int dim) {
        return new MappedBlockCodes(region, dim);
    }

    /** {@link Int8BlockDots#dots} with {@code kernel} over the blocks {@code [fromBlock, toBlock)}. */
    void dots(Int8BlockDots kernel, int dim, int fromBlock, int toBlock, float[] q, float[] y);
}
