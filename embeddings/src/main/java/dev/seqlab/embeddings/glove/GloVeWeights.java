package dev.seqlab.embeddings.glove;

import dev.seqlab.core.random.SeededRandom;
import java.util.Arrays;

/**
 * GloVe's parameters and their AdaGrad accumulators: word vectors W and context vectors W̃
 * (rows padded to a multiple of the kernel's lanes, padding kept at zero), word and context
 * biases. Vectors and biases start uniform in [-0.5, 0.5) / dim, accumulators at 1, as in the
 * GloVe tool.
 */
final class GloVeWeights {
    final int vocabularySize;
    final int dim;
    final int stride;
    final float[] word;
    final float[] context;
    final float[] wordGradSq;
    final float[] contextGradSq;
    final float[] wordBias;
    final float[] contextBias;
    final float[] wordBiasGradSq;
    final float[] contextBiasGradSq;

    GloVeWeights(int vocabularySize, int dim, int lanes, long seed) {
        this.vocabularySize = vocabularySize;
        this.dim = dim;
        this.stride = (dim + lanes - 1) / lanes * lanes;
        int cells = Math.multiplyExact(vocabularySize, stride);
        word = new float[cells];
        context = new float[cells];
        wordGradSq = new float[cells];
        contextGradSq = new float[cells];
        wordBias = new float[vocabularySize];
        contextBias = new float[vocabularySize];
        wordBiasGradSq = new float[vocabularySize];
        contextBiasGradSq = new float[vocabularySize];
        SeededRandom random = new SeededRandom(seed);
        for (int w = 0; w < vocabularySize; w++) {
            for (int d = 0; d < dim; d++) {
                word[w * stride + d] = (random.nextFloat() - 0.5f) / dim;
            }
        }
        for (int w = 0; w < vocabularySize; w++) {
            for (int d = 0; d < dim; d++) {
                context[w * stride + d] = (random.nextFloat() - 0.5f) / dim;
            }
        }
        for (int w = 0; w < vocabularySize; w++) {
            wordBias[w] = (random.nextFloat() - 0.5f) / dim;
            contextBias[w] = (random.nextFloat() - 0.5f) / dim;
        }
        Arrays.fill(wordGradSq, 1f);
        Arrays.fill(contextGradSq, 1f);
        Arrays.fill(wordBiasGradSq, 1f);
        Arrays.fill(contextBiasGradSq, 1f);
    }

    /** W + W̃ without padding, {@code vocabularySize × dim} row-major: the vectors GloVe writes. */
    float[] sumOfWordAndContext() {
        float[] out = new float[vocabularySize * dim];
        for (int w = 0; w < vocabularySize; w++) {
            for (int d = 0; d < dim; d++) {
                out[w * dim + d] = word[w * stride + d] + context[w * stride + d];
            }
        }
        return out;
    }
}
