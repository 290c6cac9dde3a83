package dev.seqlab.spark.word2vec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.seqlab.embeddings.word2vec.Word2VecOptions;
import dev.seqlab.embeddings.word2vec.Word2VecShard;
import org.junit.jupiter.api.Test;

/**
 * Blockwise model-update filtering on the driver, computed by hand over two rounds of two
 * partitions: Δ ← η Δ + ζ G with G the average change, W ← W + Δ, and the next round starting
 * from the look-ahead W + η Δ (Nesterov) or from W (classical).
 */
class BlockMomentumTest {
    private static final Word2VecOptions OPTIONS =
            Word2VecOptions.defaults().withDim(2).withSample(0).withSeed(3);
    private static final long[] COUNTS = {9, 5, 2};

    /** A task's change: input row {@code row} of {@code from} moved by {@code by}. */
    private static ShardUpdate moved(WordModel from, int row, float... by) {
        Word2VecShard shard = new Word2VecShard(COUNTS, 16, OPTIONS);
        from.copyTo(shard);
        for (int k = 0; k < by.length; k++) {
            shard.input()[row * shard.stride() + k] += by[k];
        }
        return ShardUpdate.of(from, shard, 10, 10);
    }

    private static final MergeScale AVERAGE = MergeScale.of(Synchronisation.BMUF, 2, null, 0, 1);

    @Test
    void nesterovBlockMomentumOverTwoRounds() {
        WordModel model = WordModel.of(new Word2VecShard(COUNTS, 16, OPTIONS), 2);
        float[] w0 = model.input().row(0);
        float[] w1 = model.input().row(1);
        BlockMomentum filter = BlockMomentum.over(model, 0.5, 2, true);
        // round 1: partitions move row 0 by (1, 2) and (3, 0): G = (2, 1), Δ = ζ G = (4, 2)
        ShardUpdate first = ShardUpdate.merge(moved(filter.start(), 0, 1, 2), moved(filter.start(), 0, 3, 0));
        filter.apply(first, AVERAGE, model);
        assertEquals(w0[0] + 4, model.input().get(0, 0), 1e-5f);
        assertEquals(w0[1] + 2, model.input().get(0, 1), 1e-5f);
        assertEquals(w0[0] + 4 + 0.5f * 4, filter.start().input().get(0, 0), 1e-5f, "the look-ahead W + ηΔ");
        assertEquals(w1[0], filter.start().input().get(1, 0), 1e-6f, "rows no round changed stay put");
        // round 2: only row 1 moves, by (2, 2) in one partition: G = (1, 1); row 0 coasts on Δ
        ShardUpdate second = ShardUpdate.merge(moved(filter.start(), 1, 2, 2), ShardUpdate.empty());
        filter.apply(second, AVERAGE, model);
        // row 0: Δ = 0.5 (4, 2) = (2, 1), W = w0 + (6, 3); row 1: Δ = 2 (1, 1), W = w1 + (2, 2)
        assertEquals(w0[0] + 6, model.input().get(0, 0), 1e-5f);
        assertEquals(w0[1] + 3, model.input().get(0, 1), 1e-5f);
        assertEquals(w1[0] + 2, model.input().get(1, 0), 1e-5f);
        assertEquals(w1[1] + 2 + 0.5f * 2, filter.start().input().get(1, 1), 1e-5f);
        assertEquals(w0[1] + 3 + 0.5f * 1, filter.start().input().get(0, 1), 1e-5f);
    }

    @Test
    void classicalBlockMomentumStartsTheNextRoundFromTheModel() {
        WordModel model = WordModel.of(new Word2VecShard(COUNTS, 16, OPTIONS), 2);
        float[] w2 = model.input().row(2);
        BlockMomentum filter = BlockMomentum.over(model, 0.75, 1, false);
        for (int round = 0; round < 3; round++) {
            filter.apply(ShardUpdate.merge(moved(model, 2, 2), moved(model, 2, 2)), AVERAGE, model);
        }
        // G = 2 each round: Δ = 2, 3.5, 4.625; W moves by their sum
        assertEquals(w2[0] + 2 + 3.5f + 4.625f, model.input().get(2, 0), 1e-5f);
        assertEquals(model.input().get(2, 0), filter.start().input().get(2, 0), 0f);
    }
}
