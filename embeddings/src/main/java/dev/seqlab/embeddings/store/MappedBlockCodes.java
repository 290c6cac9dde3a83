package dev.seqlab.embeddings.store;

import dev.seqlab.core.kernel.Int8BlockDots;

/**
 * {@link BlockCodes} mapped from a file: a few blocks at a time (about 64 KiB) are copied into a
 * per-thread buffer and scored there by the same kernel as heap codes.
 */
final class MappedBlockCodes implements BlockCodes {
    private static final int CHUNK_BYTES = 1 << 16;
    private static final int B = Int8BlockDots.BLOCK;

    private final MappedRegion region;
    private final int chunkBlocks;
    private final ThreadLocal<byte[]> codes;
    private final ThreadLocal<float[]> dots;
    private final ThreadLocal<float[][]> batchDots = ThreadLocal.withInitial(() -> new float[0][]);

    MappedBlockCodes(MappedRegion region, int dim) {
        this.region = region;
        this.chunkBlocks = Math.max(1, CHUNK_BYTES / (dim * B));
        this.codes = ThreadLocal.withInitial(() -> new byte[chunkBlocks * dim * B]);
        this.dots = ThreadLocal.withInitial(() -> new float[chunkBlocks * B]);
    }

    @Override
    public void dots(Int8BlockDots kernel, int dim, int fromBlock, int toBlock, float[] q, float[] y) {
        byte[] c = codes.get();
        float[] d = dots.get();
        for (int b = fromBlock; b < toBlock; b += chunkBlocks) {
            int n = Math.min(chunkBlocks, toBlock - b);
            region.getBytes((long) b * dim * B, c, 0, n * dim * B);
            kernel.dots(c, dim, 0, n, q, d);
            System.arraycopy(d, 0, y, b * B, n * B);
        }
    }

    @Override
    public void dots(Int8BlockDots kernel, int dim, int fromBlock, int toBlock, float[][] q, int count, float[][] y) {
        byte[] c = codes.get();
        float[][] d = batchDots.get();
        if (d.length < count) {
            d = new float[count][chunkBlocks * B];
            batchDots.set(d);
        }
        for (int b = fromBlock; b < toBlock; b += chunkBlocks) {
            int n = Math.min(chunkBlocks, toBlock - b);
            region.getBytes((long) b * dim * B, c, 0, n * dim * B);
            kernel.dots(c, dim, 0, n, q, count, d);
            for (int j = 0; j < count; j++) {
                System.arraycopy(d[j], 0, y[j], (b - fromBlock) * B, n * B);
            }
        }
    }

    @Override
    public void copyLongs(int dim, int fromBlock, int blocks, long[] dst) {
        region.getLongs((long) fromBlock * dim * B, dst, 0, blocks * dim * B / Long.BYTES);
    }

    @Override
    public void copy(int dim, int blocks, byte[] dst) {
        region.getBytes(0, dst, 0, blocks * dim * B);
    }
}
