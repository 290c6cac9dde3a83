package dev.seqlab.embeddings.word2vec;

/**
 * {@code log(sigmoid(x))} tabulated on {@link SigmoidTable}'s bins, for the training loss. Beyond
 * {@code ±MAX_EXP} it follows the asymptotes: {@code x} below, the edge bin's value (about
 * -0.0025) above, so a confidently wrong prediction costs what it should rather than a constant.
 */
final class LogSigmoidTable {
    private static final float MAX_EXP = SigmoidTable.MAX_EXP;
    private static final float[] TABLE = new float[SigmoidTable.SIZE];

    static {
        for (int i = 0; i < TABLE.length; i++) {
            float x = (float) ((i + 0.5) / SigmoidTable.SCALE - MAX_EXP);
            TABLE[i] = (float) Math.log(SigmoidTable.sigmoid(x));
        }
    }

    private LogSigmoidTable() {}

    /** {@code log(sigmoid(x))}, to the table's resolution. */
    static float logSigmoid(float x) {
        if (x <= -MAX_EXP) {
            return x;
        }
        if (x >= MAX_EXP) {
            return TABLE[TABLE.length - 1];
        }
        int i = (int) ((x + MAX_EXP) * SigmoidTable.SCALE);
        return TABLE[Math.min(i, TABLE.length - 1)];
    }
}
