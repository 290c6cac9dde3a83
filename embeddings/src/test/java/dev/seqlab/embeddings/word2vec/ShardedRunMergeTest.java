package dev.seqlab.embeddings.word2vec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The deterministic run's merge: a row no replica changed stays, a row one replica changed takes
 * that replica's row, a float several replicas changed takes the mean of their changes; and every
 * replica leaves the merge holding the merged weights, including the one replica that changed a
 * row alone (which the merge no longer copies to).
 */
class ShardedRunMergeTest {
    @Test
    void mergesRowsAndLeavesEveryReplicaEqualToTheResult() {
        Word2VecWeights shared = new Word2VecWeights(5, 4, 4, true, false, 3);
        int stride = shared.stride;
        float[] before = shared.input.clone();
        List<Word2VecWeights> replicas = List.of(new Word2VecWeights(shared), new Word2VecWeights(shared));
        float[] a = replicas.get(0).input;
        float[] b = replicas.get(1).input;
        // row 0: unchanged; row 1: replica 0 only; row 2: replica 1 only; row 3: both, one float
        // by both and one float by each; row 4: both, to the same value
        a[stride + 2] += 0.5f;
        b[2 * stride] -= 0.25f;
        a[3 * stride] += 0.5f;
        b[3 * stride] += 0.25f;
        a[3 * stride + 1] += 1f;
        b[3 * stride + 3] -= 1f;
        a[4 * stride + 1] = 2f;
        b[4 * stride + 1] = 2f;

        ShardedRun.mergeRows(shared.input, replicas, r -> r.input, 0, 5, stride);

        float[] expected = before.clone();
        expected[stride + 2] = before[stride + 2] + 0.5f;
        expected[2 * stride] = before[2 * stride] - 0.25f;
        expected[3 * stride] = before[3 * stride] + (0.5f + 0.25f) / 2;
        expected[3 * stride + 1] = before[3 * stride + 1] + 1f;
        expected[3 * stride + 3] = before[3 * stride + 3] - 1f;
        float change = 2f - before[4 * stride + 1];
        expected[4 * stride + 1] = before[4 * stride + 1] + (change + change) / 2;
        assertArrayEquals(expected, shared.input);
        assertArrayEquals(expected, a, "replica 0");
        assertArrayEquals(expected, b, "replica 1");
        assertEquals(before[0], shared.input[0]);
    }
}
