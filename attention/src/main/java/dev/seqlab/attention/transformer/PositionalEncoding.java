package dev.seqlab.attention.transformer;

/**
 * The sinusoidal positional encoding:
 * {@code PE[pos, 2i] = sin(pos / 10000^(2i/d))}, {@code PE[pos, 2i+1] = cos(pos / 10000^(2i/d))}.
 */
public final class PositionalEncoding {

    private PositionalEncoding() {}

    /** The table {@code [positions, d]} row-major, computed in double. */
    public static float[] table(int positions, int d) {
        if (positions < 1 || d < 1) {
            throw new IllegalArgumentException("positions and width must be positive");
        }
        float[] pe = new float[positions * d];
        for (int pos = 0; pos < positions; pos++) {
            for (int i = 0; i < d; i++) {
                double angle = pos / Math.pow(10000, (2 * (i / 2)) / (double) d);
                pe[pos * d + i] = (float) (i % 2 == 0 ? Math.sin(angle) : Math.cos(angle));
            }
        }
        return pe;
    }
}
