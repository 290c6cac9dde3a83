package dev.seqlab.core.kernel;

/** {@link Int4BlockDots} in plain Java: one row at a time, its dimension pairs in order. */
final class PlainInt4BlockDots implements Int4BlockDots {

    @Override
    public void bounds(
            byte[] codes,
            int dim,
            int fromBlock,
            int toBlock,
            Weights w,
            float[] scales,
            float[] errors,
            float qNorm,
            float rounding,
            float[] upper) {
        int pairs = (dim + 1) / 2;
        float[] f = w.factors();
        int stride = Int4BlockDots.blockBytes(dim);
        for (int b = fromBlock; b < toBlock; b++) {
            int base = b * stride;
            for (int j = 0; j < BLOCK; j++) {
                float d = w.constant();
                int o = base + j;
                for (int p = 0; p < pairs; p++, o += BLOCK) {
                    int s = codes[o];
                    d += f[2 * p] * (float) (s & 15);
                    d += f[2 * p + 1] * (float) s;
                }
                int r = b * BLOCK + j;
                float slack = qNorm * errors[r] + rounding;
                upper[r] = scales[r] * d + slack;
            }
        }
    }

    @Override
    public int atLeast(float[] y, int from, int to, float threshold, int[] rows) {
        int m = 0;
        for (int r = from; r < to; r++) {
            if (y[r] >= threshold) {
                rows[m++] = r;
            }
        }
        return m;
    }

    @Override
    public String name() {
        return "plain";
    }
}
