package dev.seqlab.embeddings.word2vec;

import dev.seqlab.core.random.SeededRandom;

/**
 * The trained matrices, flat and row-major with rows padded to {@link #stride} floats: the input
 * vectors (the word vectors), and the output vectors of negative sampling and of the Huffman
 * tree's inner nodes. Shared by all training threads, which update them without locks.
 */
final class Word2VecWeights {
    final int words;
    final int dim;
    final int stride;
    final float[] input;
    final float[] negativeOutput;
    final float[] treeOutput;

    /**
     * Input vectors uniform in [-0.5/dim, 0.5/dim) from {@code seed}, as in the C tool; output
     * vectors zero.
     */
    Word2VecWeights(int words, int dim, int lanes, boolean negative, boolean tree, long seed) {
        this(words, dim, lanes, negative, tree, seed, 0.5f);
    }

    /**
     * Input vectors uniform in [-range/dim, range/dim) from {@code seed} (the C tool's range is
     * 0.5, gensim 4's 1); output vectors zero.
     */
    Word2VecWeights(int words, int dim, int lanes, boolean negative, boolean tree, long seed, float range) {
        this.words = words;
        this.dim = dim;
        this.stride = (dim + lanes - 1) / lanes * lanes;
        long size = (long) words * stride;
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(words + " words of dimension " + dim + " do not fit in one array;"
                    + " lower the vocabulary size (max-vocab/min-count) or the dimension");
        }
        this.input = new float[(int) size];
        SeededRandom rng = new SeededRandom(seed);
        for (int w = 0; w < words; w++) {
            for (int k = 0; k < dim; k++) {
                input[w * stride + k] = (rng.nextFloat() - 0.5f) * (2 * range) / dim;
            }
        }
        this.negativeOutput = negative ? new float[(int) size] : null;
        this.treeOutput = tree ? new float[(int) size] : null;
    }

    /** A copy of {@code other}: a training thread's replica in deterministic training. */
    Word2VecWeights(Word2VecWeights other) {
        this.words = other.words;
        this.dim = other.dim;
        this.stride = other.stride;
        this.input = other.input.clone();
        this.negativeOutput = other.negativeOutput == null ? null : other.negativeOutput.clone();
        this.treeOutput = other.treeOutput == null ? null : other.treeOutput.clone();
    }

    /** The input vectors without padding, row-major words × dim. */
    float[] compactInput() {
        float[] out = new float[words * dim];
        for (int w = 0; w < words; w++) {
            System.arraycopy(input, w * stride, out, w * dim, dim);
        }
        return out;
    }
}
