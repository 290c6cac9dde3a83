package dev.seqlab.embeddings.word2vec;

/**
 * The logistic function tabulated over [-{@value #MAX_EXP}, {@value #MAX_EXP}], the range where
 * word2vec trains (beyond it the C tool and gensim treat the sigmoid as saturated). The table
 * has {@value #SIZE} bins, four times the C tool's resolution, each holding the sigmoid at the
 * bin's centre: an error below 0.0008.
 */
public final class SigmoidTable {
    /** Beyond ±this the trainers treat the sigmoid as saturated (0 or 1). */
    public static final float MAX_EXP = 6f;

    static final int SIZE = 4096;
    static final float SCALE = SIZE / (2 * MAX_EXP);
    private static final float[] TABLE = new float[SIZE];

    static {
        for (int i = 0; i < SIZE; i++) {
            double x = ((i + 0.5) / SCALE) - MAX_EXP;
            TABLE[i] = (float) (1 / (1 + Math.exp(-x)));
        }
    }

    private SigmoidTable() {}

    /** The sigmoid of {@code x}, for {@code -MAX_EXP < x < MAX_EXP}. */
    public static float sigmoid(float x) {
        int i = (int) ((x + MAX_EXP) * SCALE);
        return TABLE[Math.min(i, SIZE - 1)];
    }
}
