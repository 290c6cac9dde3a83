package dev.seqlab.core.kernel;

import java.util.Arrays;

/** {@link Int8BlockDots} in plain Java: sixteen float accumulators per block. */
final class PlainInt8BlockDots implements Int8BlockDots {

    @Override
    public void dots(byte[] codes, int dim, int fromBlock, int toBlock, float[] q, float[] y) {
        float[] acc = new float[BLOCK];
        for (int b = fromBlock; b < toBlock; b++) {
            Arrays.fill(acc, 0f);
            int o = b * dim * BLOCK;
            for (int k = 0; k < dim; k++, o += BLOCK) {
                float qk = q[k];
                for (int j = 0; j < BLOCK; j++) {
                    acc[j] += qk * codes[o + j];
                }
            }
            System.arraycopy(acc, 0, y, b * BLOCK, BLOCK);
        }
    }

    @Override
    public void dots(byte[] codes, int dim, int fromBlock, int toBlock, float[][] q, int count, float[][] y) {
        float[] acc = new float[BLOCK];
        for (int j = 0; j < count; j++) {
            for (int b = fromBlock; b < toBlock; b++) {
                Arrays.fill(acc, 0f);
                int o = b * dim * BLOCK;
                float[] qj = q[j];
                for (int k = 0; k < dim; k++, o += BLOCK) {
                    float qk = qj[k];
                    for (int i = 0; i < BLOCK; i++) {
                        acc[i] += qk * codes[o + i];
                    }
                }
                System.arraycopy(acc, 0, y[j], (b - fromBlock) * BLOCK, BLOCK);
            }
        }
    }

    @Override
    public int reaching(
            float[] approx, float[] errors, int n, float qNorm, float rounding, float threshold, int[] rows) {
        int m = 0;
        for (int r = 0; r < n; r++) {
            float slack = qNorm * errors[r] + rounding;
            if (approx[r] + slack >= threshold) {
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
