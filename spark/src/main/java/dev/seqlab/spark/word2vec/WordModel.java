package dev.seqlab.spark.word2vec;

import dev.seqlab.embeddings.word2vec.Word2VecShard;
import dev.seqlab.spark.matrix.RowBlocks;
import java.io.Serializable;

/**
 * The parameters of word2vec between rounds, held by the driver and broadcast to the tasks: the
 * input vectors and the output vectors of negative sampling and/or the Huffman tree, in
 * long-indexed {@link RowBlocks} without padding.
 */
final class WordModel implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The matrices, input first; a missing objective's matrix is null. */
    final RowBlocks[] matrices;

    private WordModel(RowBlocks[] matrices) {
        this.matrices = matrices;
    }

    /** The model with the initial weights of {@code shard}. */
    static WordModel of(Word2VecShard shard, int dim) {
        float[][] arrays = arrays(shard);
        RowBlocks[] m = new RowBlocks[arrays.length];
        for (int i = 0; i < arrays.length; i++) {
            if (arrays[i] != null) {
                m[i] = RowBlocks.zeros(shard.words(), dim);
                m[i].copyFrom(arrays[i], shard.stride());
            }
        }
        return new WordModel(m);
    }

    /** A model of the same shape, all zeros. */
    WordModel zerosLike() {
        RowBlocks[] m = new RowBlocks[matrices.length];
        for (int i = 0; i < m.length; i++) {
            if (matrices[i] != null) {
                m[i] = new RowBlocks(matrices[i].layout());
            }
        }
        return new WordModel(m);
    }

    /** A copy of these parameters. */
    WordModel copy() {
        WordModel c = zerosLike();
        for (int i = 0; i < matrices.length; i++) {
            if (matrices[i] != null) {
                for (int b = 0; b < matrices[i].blocks(); b++) {
                    float[] from = matrices[i].block(b);
                    System.arraycopy(from, 0, c.matrices[i].block(b), 0, from.length);
                }
            }
        }
        return c;
    }

    /** A shard's matrices in the order of {@link #matrices}. */
    static float[][] arrays(Word2VecShard shard) {
        return new float[][] {shard.input(), shard.negativeOutput(), shard.treeOutput()};
    }

    /** Loads these parameters into {@code shard}. */
    void copyTo(Word2VecShard shard) {
        float[][] arrays = arrays(shard);
        for (int i = 0; i < matrices.length; i++) {
            if (matrices[i] != null) {
                matrices[i].copyTo(arrays[i], shard.stride());
            }
        }
    }

    /** The input vectors: the word vectors. */
    RowBlocks input() {
        return matrices[0];
    }
}
