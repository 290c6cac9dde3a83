package dev.seqlab.rnn.cell;

/**
 * Inputs whose rows are one-hot (or all zero), as character models feed them. For those the
 * input projection {@code X·Wᵀ} is a choice of rows of {@code Wᵀ}: no product of depth I is
 * needed. The projection picked this way is the same float as the product's (every other term of
 * its sum is a zero product). W's gradient stays a product: a sum of rows in another order rounds
 * differently and changes what training converges to.
 */
final class OneHotRows {
    private OneHotRows() {}

    /**
     * The column of the single 1 in each row of {@code x} {@code [rows, width]} (−1 for a row of
     * zeros), or null when any row holds anything else.
     */
    static int[] of(float[] x, int rows, int width) {
        int[] ids = new int[rows];
        for (int r = 0, o = 0; r < rows; r++, o += width) {
            int id = -1;
            for (int j = 0; j < width; j++) {
                float v = x[o + j];
                if (v != 0f) {
                    if (v != 1f || id >= 0) {
                        return null;
                    }
                    id = j;
                }
            }
            ids[r] = id;
        }
        return ids;
    }

    /**
     * {@code xw = X·Wᵀ} for one-hot rows: row r of {@code xw} {@code [rows, G·H]} is column
     * {@code ids[r]} of {@code w} {@code [G·H, I]} (zeros for −1; {@code xw} arrives zeroed). Many
     * rows read a transposed copy of W, a few (generation, one character at a time) read W's columns.
     */
    static void project(int[] ids, float[] w, int gh, int inputs, float[] xw) {
        if (ids.length < inputs) {
            for (int r = 0; r < ids.length; r++) {
                if (ids[r] >= 0) {
                    for (int g = 0; g < gh; g++) {
                        xw[r * gh + g] = w[g * inputs + ids[r]];
                    }
                }
            }
            return;
        }
        float[] wT = new float[inputs * gh];
        for (int g = 0; g < gh; g++) {
            for (int i = 0; i < inputs; i++) {
                wT[i * gh + g] = w[g * inputs + i];
            }
        }
        for (int r = 0; r < ids.length; r++) {
            if (ids[r] >= 0) {
                System.arraycopy(wT, ids[r] * gh, xw, r * gh, gh);
            }
        }
    }
}
