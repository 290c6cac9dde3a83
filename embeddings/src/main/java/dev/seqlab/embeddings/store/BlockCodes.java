package dev.seqlab.embeddings.store;

import dev.seqlab.core.kernel.Int8BlockDots;
import dev.seqlab.core.kernel.SwarInt8BlockDots;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The int8 codes of the first-pass copy of the rows, in the block layout of {@link Int8BlockDots}
 * ({@code dim × 16} bytes per block of 16 rows): in a heap array or mapped from a file.
 */
public interface BlockCodes {

    /** The codes of the heap array {@code codes} (not copied), scored in place. */
    static BlockCodes of(byte[] codes) {
        return new BlockCodes() {
            @Override
            public void dots(Int8BlockDots kernel, int dim, int fromBlock, int toBlock, float[] q, float[] y) {
                kernel.dots(codes, dim, fromBlock, toBlock, q, y);
            }

            @Override
            public void dots(
                    Int8BlockDots kernel, int dim, int fromBlock, int toBlock, float[][] q, int count, float[][] y) {
                kernel.dots(codes, dim, fromBlock, toBlock, q, count, y);
            }

            @Override
            public void copy(int dim, int blocks, byte[] dst) {
                System.arraycopy(codes, 0, dst, 0, blocks * dim * Int8BlockDots.BLOCK);
            }

            @Override
            public void copyLongs(int dim, int fromBlock, int blocks, long[] dst) {
                int bytes = dim * Int8BlockDots.BLOCK;
                ByteBuffer.wrap(codes, fromBlock * bytes, blocks * bytes)
                        .slice()
                        .order(ByteOrder.LITTLE_ENDIAN)
                        .asLongBuffer()
                        .get(dst, 0, blocks * bytes / Long.BYTES);
            }
        };
    }

    /** The codes of a mapped region whose granule is one block ({@code 16·dim} bytes). */
    static BlockCodes mapped(MappedRegion region, int dim) {
        return new MappedBlockCodes(region, dim);
    }

    /** {@link Int8BlockDots#dots} with {@code kernel} over the blocks {@code [fromBlock, toBlock)}. */
    void dots(Int8BlockDots kernel, int dim, int fromBlock, int toBlock, float[] q, float[] y);

    /**
     * The batch form of {@link Int8BlockDots#dots}: the first {@code count} queries {@code q[j]}
     * into {@code y[j]}, counted from {@code fromBlock}, each block's codes read once for all.
     */
    void dots(Int8BlockDots kernel, int dim, int fromBlock, int toBlock, float[][] q, int count, float[][] y);

    /** Copies the codes of the first {@code blocks} blocks into {@code dst}, in the same layout. */
    void copy(int dim, int blocks, byte[] dst);

    /**
     * Copies the codes of the blocks {@code [fromBlock, fromBlock + blocks)} into {@code dst} from
     * its start as little-endian longs ({@code 2·dim} per block), the form
     * {@link SwarInt8BlockDots} reads.
     */
    void copyLongs(int dim, int fromBlock, int blocks, long[] dst);
}
