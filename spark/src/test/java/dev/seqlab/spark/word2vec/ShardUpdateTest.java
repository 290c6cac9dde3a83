package dev.seqlab.spark.word2vec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.seqlab.embeddings.word2vec.Word2VecOptions;
import dev.seqlab.embeddings.word2vec.Word2VecShard;
import org.junit.jupiter.api.Test;

/**
 * The sparse changes a round's tasks send back: only changed rows travel, the tree reduction sums
 * rows two partitions share and counts them, and the driver applies each row's scaled sum.
 */
class ShardUpdateTest {
    private static final Word2VecOptions OPTIONS =
            Word2VecOptions.defaults().withDim(3).withSample(0).withSeed(5);
    private static final long[] COUNTS = {40, 30, 20, 10, 5};

    /** A shard loaded with {@code model} whose input rows {@code rows} moved by {@code by}. */
    private static ShardUpdate moved(WordModel model, float by, int... rows) {
        Word2VecShard shard = new Word2VecShard(COUNTS, 105, OPTIONS);
        model.copyTo(shard);
        for (int r : rows) {
            for (int k = 0; k < 3; k++) {
                shard.input()[r * shard.stride() + k] += by * (k + 1);
            }
        }
        return ShardUpdate.of(model, shard, 100, 90);
    }

    private static WordModel model() {
        return WordModel.of(new Word2VecShard(COUNTS, 105, OPTIONS), 3);
    }

    @Test
    void aTaskSendsOnlyTheRowsItChanged() {
        WordModel model = model();
        ShardUpdate u = moved(model, 0.5f, 1, 3);
        assertArrayEquals(new int[] {1, 3}, u.rows[0]);
        assertArrayEquals(new int[] {1, 1}, u.touches[0]);
        assertArrayEquals(new float[] {0.5f, 1f, 1.5f, 0.5f, 1f, 1.5f}, u.changes[0], 1e-6f);
        assertEquals(0, u.changedRows(1), "no output row changed");
        assertNull(u.rows[2], "no hierarchical softmax, no tree matrix");
        assertEquals(1, u.partitions);
    }

    @Test
    void mergingSumsSharedRowsAndCountsThePartitionsThatChangedThem() {
        WordModel model = model();
        ShardUpdate a = moved(model, 1f, 0, 2);
        ShardUpdate b = moved(model, 2f, 2, 4);
        ShardUpdate sum = ShardUpdate.merge(a, b);
        assertArrayEquals(new int[] {0, 2, 4}, sum.rows[0]);
        assertArrayEquals(new int[] {1, 2, 1}, sum.touches[0]);
        assertArrayEquals(new float[] {1, 2, 3, 3, 6, 9, 2, 4, 6}, sum.changes[0], 1e-6f);
        assertEquals(2, sum.partitions);
        assertEquals(200, sum.corpusWords);
        assertEquals(180, sum.trainedWords);
        assertSame(sum, ShardUpdate.merge(sum, ShardUpdate.empty()));
        assertSame(sum, ShardUpdate.merge(ShardUpdate.empty(), sum));
        assertEquals(0, ShardUpdate.empty().changedRows(0), "a round a partition had no words of");
    }

    @Test
    void theDriverAppliesEachRowsSumScaledAsTheSynchronisationSays() {
        WordModel model = model();
        float[] before0 = model.input().row(0);
        float[] before2 = model.input().row(2);
        ShardUpdate sum = ShardUpdate.merge(moved(model, 1f, 0, 2), moved(model, 2f, 2, 4));
        sum.applyTo(model, MergeScale.of(Synchronisation.TOUCHED_AVERAGE, 2, null, 0, 1));
        // row 0: one partition's change, whole; row 2: the mean of 1 and 2 times (1, 2, 3)
        assertEquals(before0[1] + 2f, model.input().get(0, 1), 1e-6f);
        assertEquals(before2[2] + 1.5f * 3, model.input().get(2, 2), 1e-6f);
    }
}
