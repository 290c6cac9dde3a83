package dev.seqlab.spark.word2vec;

import dev.seqlab.embeddings.word2vec.Word2VecShard;
import dev.seqlab.spark.matrix.RowBlocks;
import java.io.Serializable;
import java.util.Arrays;

/**
 * What the tasks of one round send back, summed over partitions by a tree reduction: for each
 * matrix, only the rows some partition changed (their ids in increasing order, the summed change
 * of each and how many partitions changed it), and the words trained. A task sends the rows its
 * share of the round touched, not the whole matrix: rare words' rows stay home.
 */
final class ShardUpdate implements Serializable {
    private static final long serialVersionUID = 2L;

    /** Per matrix (input first, null for a missing objective): the changed rows, increasing. */
    final int[][] rows;
    /** Per matrix: the summed change of {@code rows[m][i]} at {@code i * dim}. */
    final float[][] changes;
    /** Per matrix: how many partitions changed {@code rows[m][i]}. */
    final int[][] touches;

    int partitions;
    long corpusWords;
    long trainedWords;

    private ShardUpdate(int[][] rows, float[][] changes, int[][] touches) {
        this.rows = rows;
        this.changes = changes;
        this.touches = touches;
    }

    /** An update of no partition, with no change. */
    static ShardUpdate empty() {
        return new ShardUpdate(new int[0][], new float[0][], new int[0][]);
    }

    /** The change {@code shard} made to {@code before}: its changed rows only. */
    static ShardUpdate of(WordModel before, Word2VecShard shard, long corpusWords, long trainedWords) {
        float[][] after = WordModel.arrays(shard);
        int stride = shard.stride();
        int n = before.matrices.length;
        ShardUpdate u = new ShardUpdate(new int[n][], new float[n][], new int[n][]);
        for (int m = 0; m < n; m++) {
            RowBlocks old = before.matrices[m];
            if (old == null) {
                continue;
            }
            int dim = old.dim();
            int words = Math.toIntExact(old.rows());
            float[] a = after[m];
            int[] changed = new int[words];
            int count = 0;
            for (int r = 0; r < words; r++) {
                if (!Arrays.equals(
                        a, r * stride, r * stride + dim, old.blockOf(r), old.offset(r), old.offset(r) + dim)) {
                    changed[count++] = r;
                }
            }
            int[] ids = Arrays.copyOf(changed, count);
            float[] d = new float[count * dim];
            for (int i = 0; i < count; i++) {
                int r = ids[i];
                float[] oldBlock = old.blockOf(r);
                int o = old.offset(r);
                int s = r * stride;
                for (int k = 0; k < dim; k++) {
                    d[i * dim + k] = a[s + k] - oldBlock[o + k];
                }
            }
            int[] t = new int[count];
            Arrays.fill(t, 1);
            u.rows[m] = ids;
            u.changes[m] = d;
            u.touches[m] = t;
        }
        u.partitions = 1;
        u.corpusWords = corpusWords;
        u.trainedWords = trainedWords;
        return u;
    }

    /** The sum of two updates (a new update, or one of the two when the other is empty). */
    static ShardUpdate merge(ShardUpdate a, ShardUpdate b) {
        if (a.partitions == 0) {
            return b;
        }
        if (b.partitions == 0) {
            return a;
        }
        int n = a.rows.length;
        ShardUpdate u = new ShardUpdate(new int[n][], new float[n][], new int[n][]);
        for (int m = 0; m < n; m++) {
            if (a.rows[m] != null) {
                mergeMatrix(a, b, m, u);
            }
        }
        u.partitions = a.partitions + b.partitions;
        u.corpusWords = a.corpusWords + b.corpusWords;
        u.trainedWords = a.trainedWords + b.trainedWords;
        return u;
    }

    /** Merges the sorted rows of matrix {@code m} of {@code a} and {@code b} into {@code u}. */
    private static void mergeMatrix(ShardUpdate a, ShardUpdate b, int m, ShardUpdate u) {
        int[] ra = a.rows[m];
        int[] rb = b.rows[m];
        int dim = ra.length > 0 ? a.changes[m].length / ra.length : rb.length > 0 ? b.changes[m].length / rb.length : 0;
        int[] rows = new int[ra.length + rb.length];
        int[] touches = new int[rows.length];
        float[] changes = new float[rows.length * dim];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < ra.length || j < rb.length) {
            boolean takeA = j == rb.length || (i < ra.length && ra[i] <= rb[j]);
            boolean takeB = i == ra.length || (j < rb.length && rb[j] <= ra[i]);
            if (takeA) {
                rows[k] = ra[i];
                touches[k] += a.touches[m][i];
                System.arraycopy(a.changes[m], i * dim, changes, k * dim, dim);
                i++;
            }
            if (takeB) {
                rows[k] = rb[j];
                touches[k] += b.touches[m][j];
                float[] from = b.changes[m];
                for (int x = 0; x < dim; x++) {
                    changes[k * dim + x] += from[j * dim + x];
                }
                j++;
            }
            k++;
        }
        u.rows[m] = Arrays.copyOf(rows, k);
        u.touches[m] = Arrays.copyOf(touches, k);
        u.changes[m] = Arrays.copyOf(changes, k * dim);
    }

    /** Rows changed in matrix {@code m} (0 for a missing matrix or an empty update). */
    int changedRows(int m) {
        return m >= rows.length || rows[m] == null ? 0 : rows[m].length;
    }

    /** Applies the summed change to {@code model}, each row scaled as {@code scale} says. */
    void applyTo(WordModel model, MergeScale scale) {
        applyTo(model, scale, 1f);
    }

    /** Adds {@code factor} times the summed change to {@code model}, each row scaled as {@code scale} says. */
    void applyTo(WordModel model, MergeScale scale, float factor) {
        if (partitions == 0) {
            return;
        }
        for (int m = 0; m < rows.length; m++) {
            RowBlocks target = model.matrices[m];
            if (target == null) {
                continue;
            }
            int dim = target.dim();
            int[] r = rows[m];
            float[] d = changes[m];
            for (int i = 0; i < r.length; i++) {
                float s = factor * scale.of(m, r[i], touches[m][i]);
                float[] w = target.blockOf(r[i]);
                int o = target.offset(r[i]);
                for (int k = 0; k < dim; k++) {
                    w[o + k] += s * d[i * dim + k];
                }
            }
        }
    }
}
