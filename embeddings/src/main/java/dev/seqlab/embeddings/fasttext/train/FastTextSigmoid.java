package dev.seqlab.embeddings.fasttext.train;

import dev.seqlab.core.kernel.Activations;
import dev.seqlab.embeddings.word2vec.SigmoidFunction;

/**
 * The logistic function as the fastText tool evaluates it in training: 0 below -{@value #MAX},
 * 1 above {@value #MAX}, and in between the value of a table of {@value #SIZE} + 1 points at the
 * left end of the bin {@code x} falls in ({@code σ(i · 2·MAX/SIZE − MAX)}, {@code i} truncated),
 * so its scores lean a little low, by at most one bin's rise (about 0.008), as fastText's do.
 * word2vec's table saturates at ±6 instead; between 6 and 8 fastText still trains.
 */
final class FastTextSigmoid implements SigmoidFunction {
    /** fastText's {@code MAX_SIGMOID}. */
    static final float MAX = 8f;

    /** fastText's {@code SIGMOID_TABLE_SIZE}. */
    static final int SIZE = 512;

    static final FastTextSigmoid INSTANCE = new FastTextSigmoid();

    private final float[] table = new float[SIZE + 1];

    private FastTextSigmoid() {
        for (int i = 0; i <= SIZE; i++) {
            table[i] = Activations.sigmoid((float) i * 2 * MAX / SIZE - MAX);
        }
    }

    @Override
    public float saturation() {
        return MAX;
    }

    @Override
    public float at(float x) {
        if (x < -MAX) {
            return 0f;
        }
        if (x > MAX) {
            return 1f;
        }
        return table[(int) ((x + MAX) * SIZE / MAX / 2)];
    }
}
