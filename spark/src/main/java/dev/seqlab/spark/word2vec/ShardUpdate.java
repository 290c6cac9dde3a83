package dev.seqlab.spark.word2vec;

import dev.seqlab.embeddings.word2vec.Word2VecShard;
import dev.seqlab.spark.matrix.RowBlocks;
import java.io.Serializable;

/**
 * What the tasks of one round send back, summed over partitions by a tree reduction: the change
 * of each matrix, how many partitions changed each row, and the words trained.
 */
final class ShardUpdate implements Serializable {
    private static final long serialVersionUID = 1L;

    final RowBlocks[] deltas;
    final int[][] touches;
    int partitions;
    long corpusWords;
    long trainedWords;

    private ShardUpdate(RowBlocks[] deltas, int[][] touches) {
        this.deltas = deltas;
        this.touches = touches;
    }

    /** An update of no partition, with no change. */
    static ShardUpdate empty() {
        return new ShardUpdate(new RowBlocks[0], new int[0][]);
    }

    /** The change {@code shard} made to {@code before}. */
    static ShardUpdate of(WordModel before, Word2VecShard shard, long corpusWords, long trainedWords) {
        float[][] after = WordModel.arrays(shard);
        int stride = shard.stride();
        RowBlocks[] deltas = new RowBlocks[before.matrices.length];
        int[][] touches = new int[before.matrices.length][];
        for (int m = 0; m < deltas.length; m++) {
            RowBlocks old = before.matrices[m];
            if (old == null) {
                continue;
            }
            int dim = old.dim();
            RowBlocks delta = new RowBlocks(old.layout());
            int[] touched = new int[Math.toIntExact(old.rows())];
            float[] a = after[m];
            for (int r = 0; r < touched.length; r++) {
                float[] oldBlock = old.blockOf(r);
                float[] deltaBlock = delta.blockOf(r);
                int o = old.offset(r);
                int s = r * stride;
                boolean changed = false;
                for (int k = 0; k < dim; k++) {
                    float d = a[s + k] - oldBlock[o + k];
                    deltaBlock[o + k] = d;
                    changed |= d != 0f;
                }
                touched[r] = changed ? 1 : 0;
            }
            deltas[m] = delta;
            touches[m] = touched;
        }
        ShardUpdate u = new ShardUpdate(deltas, touches);
        u.partitions = 1;
        u.corpusWords = corpusWords;
        u.trainedWords = trainedWords;
        return u;
    }

    /** The sum of two updates (reusing {@code a}'s or {@code b}'s arrays). */
    static ShardUpdate merge(ShardUpdate a, ShardUpdate b) {
        if (a.partitions == 0) {
            return b;
        }
        if (b.partitions == 0) {
            return a;
        }
        for (int m = 0; m < a.deltas.length; m++) {
            if (a.deltas[m] == null) {
                continue;
            }
            for (int blk = 0; blk < a.deltas[m].blocks(); blk++) {
                float[] x = a.deltas[m].block(blk);
                float[] y = b.deltas[m].block(blk);
                for (int i = 0; i < x.length; i++) {
                    x[i] += y[i];
                }
            }
            int[] t = a.touches[m];
            int[] u = b.touches[m];
            for (int i = 0; i < t.length; i++) {
                t[i] += u[i];
            }
        }
        a.partitions += b.partitions;
        a.corpusWords += b.corpusWords;
        a.trainedWords += b.trainedWords;
        return a;
    }

    /** Applies the summed change to {@code model}, divided as {@code sync} says. */
    void applyTo(WordModel model, Synchronisation sync) {
        if (partitions == 0) {
            return;
        }
        for (int m = 0; m < deltas.length; m++) {
            RowBlocks target = model.matrices[m];
            if (target == null) {
                continue;
            }
            int dim = target.dim();
            int[] t = touches[m];
            for (int r = 0; r < t.length; r++) {
                if (t[r] == 0) {
                    continue;
                }
                float scale =
                        switch (sync) {
                            case AVERAGE -> 1f / partitions;
                            case TOUCHED_AVERAGE -> 1f / t[r];
                            case SUM -> 1f;
                        };
                float[] d = deltas[m].blockOf(r);
                float[] w = target.blockOf(r);
                int o = target.offset(r);
                for (int k = 0; k < dim; k++) {
                    w[o + k] += scale * d[o + k];
                }
            }
        }
    }
}
