package dev.seqlab.core.kernel;

import java.util.Arrays;

/**
 * The one softmax of seqlab: numerically stable softmax and log-softmax over each row of an m×n
 * row-major block, the masked variants attention needs, their backward passes, and the
 * double-precision softmax that samplers and beam search draw from. The row maximum is
 * subtracted before exponentiating, so inputs like ±1000 give exact probabilities instead of
 * overflowing; normalisers are summed in double. The exponentials run on SIMD math routines when
 * {@link Kernels} uses the vector kernels (each term within a few ulp; rows of 65 over 32768
 * elements: 43 µs against 510 µs), else on {@code Math.exp} in double.
 *
 * <p>Inputs and outputs are blocks with their own offsets and leading dimensions; the output may
 * be the input (in place).
 *
 * <p><b>Masks.</b> A masked position (past a row's visible length, false in a boolean mask, or
 * −∞ in the input or after adding an additive mask) gets probability exactly 0 and the others
 * are renormalised among themselves. A row with no unmasked position (all masked, or every
 * logit −∞) is all zeros: no probability mass rather than NaN, and its gradient through
 * {@link #softmaxBackwardRows} is 0. A row containing NaN or +∞ gives NaN. The backward pass
 * needs no mask: it only reads y, which is 0 where masked.
 */
public final class Softmax {
    private static final Elementwise E = Kernels.elementwise();

    private Softmax() {}

    /**
     * {@code y[i,:] = exp(x[i,:] - max) / Σ exp(x[i,:] - max)} for each of the m rows; elements
     * equal to −∞ get 0 (see the class comment for rows of only −∞).
     */
    public static void softmaxRows(int m, int n, float[] x, int xOff, int ldx, float[] y, int yOff, int ldy) {
        checkBlocks(m, n, x, xOff, ldx, y, yOff, ldy);
        for (int i = 0; i < m; i++) {
            prefixRow(n, n, x, xOff + i * ldx, y, yOff + i * ldy);
        }
    }

    /**
     * Softmax over the first {@code visible(i)} columns of each row, the rest set to 0, where
     * {@code visible(i) = causal ? min(length, i + 1) : length}: padding past a sequence's
     * {@code length} keys and, when causal, the look-ahead mask of self-attention (query i sees
     * keys 0…i).
     *
     * @throws IllegalArgumentException if {@code length} is outside 0…n
     */
    public static void softmaxRowsVisible(
            int m, int n, int length, boolean causal, float[] x, int xOff, int ldx, float[] y, int yOff, int ldy) {
        checkBlocks(m, n, x, xOff, ldx, y, yOff, ldy);
        checkLength(length, n, 0);
        for (int i = 0; i < m; i++) {
            int visible = causal ? Math.min(length, i + 1) : length;
            prefixRow(n, visible, x, xOff + i * ldx, y, yOff + i * ldy);
        }
    }

    /**
     * Softmax over the first {@code lengths[lengthsOff + i]} columns of row i, the rest set to 0
     * (a batch of sequences of different lengths, one per row).
     *
     * @throws IllegalArgumentException if a length is outside 0…n
     */
    public static void softmaxRowsPrefix(
            int m, int n, int[] lengths, int lengthsOff, float[] x, int xOff, int ldx, float[] y, int yOff, int ldy) {
        checkBlocks(m, n, x, xOff, ldx, y, yOff, ldy);
        if (m > 0 && (lengthsOff < 0 || (long) lengthsOff + m > lengths.length)) {
            throw new IllegalArgumentException("lengths: " + m + " rows at offset " + lengthsOff + " need "
                    + ((long) lengthsOff + m) + " elements, the array has " + lengths.length);
        }
        for (int i = 0; i < m; i++) {
            int length = lengths[lengthsOff + i];
            checkLength(length, n, i);
            prefixRow(n, length, x, xOff + i * ldx, y, yOff + i * ldy);
        }
    }

    /**
     * Softmax over the positions where {@code keep} is true, 0 elsewhere; {@code keep} is an m×n
     * block at {@code kOff} with leading dimension {@code ldk}.
     */
    public static void softmaxRowsMasked(
            int m,
            int n,
            boolean[] keep,
            int kOff,
            int ldk,
            float[] x,
            int xOff,
            int ldx,
            float[] y,
            int yOff,
            int ldy) {
        checkBlocks(m, n, x, xOff, ldx, y, yOff, ldy);
        checkBlock("mask", m, n, keep.length, kOff, ldk);
        mappedRows(
                m, n, x, xOff, ldx, y, yOff, ldy, (i, j, v) -> keep[kOff + i * ldk + j] ? v : Float.NEGATIVE_INFINITY);
    }

    /**
     * {@code y = softmax(x + bias)} row-wise, with an additive mask {@code bias} (an m×n block at
     * {@code bOff}, leading dimension {@code ldb}): 0 keeps a position, −∞ hides it, other values
     * shift its logit.
     */
    public static void softmaxRowsAdditive(
            int m, int n, float[] bias, int bOff, int ldb, float[] x, int xOff, int ldx, float[] y, int yOff, int ldy) {
        checkBlocks(m, n, x, xOff, ldx, y, yOff, ldy);
        checkBlock("bias", m, n, bias.length, bOff, ldb);
        mappedRows(m, n, x, xOff, ldx, y, yOff, ldy, (i, j, v) -> v + bias[bOff + i * ldb + j]);
    }

    /** A logit as a mask sees it: element (i, j) of value v becomes the returned logit. */
    private interface LogitMap {
        float apply(int i, int j, float v);
    }

    /** Row-wise softmax of the logits {@code f(i, j, x[i,j])} (−∞ hides a position). */
    private static void mappedRows(
            int m, int n, float[] x, int xOff, int ldx, float[] y, int yOff, int ldy, LogitMap f) {
        for (int i = 0; i < m; i++) {
            int xi = xOff + i * ldx;
            int yi = yOff + i * ldy;
            for (int j = 0; j < n; j++) {
                y[yi + j] = f.apply(i, j, x[xi + j]);
            }
            prefixRow(n, n, y, yi, y, yi);
        }
    }

    /**
     * Softmax of the first {@code visible} of n elements into y (the rest 0); a row whose
     * visible maximum is −∞ (nothing visible) is all zeros.
     */
    private static void prefixRow(int n, int visible, float[] x, int xi, float[] y, int yi) {
        float max = E.max(visible, x, xi);
        if (max == Float.NEGATIVE_INFINITY) {
            Arrays.fill(y, yi, yi + n, 0f);
            return;
        }
        double sum = E.expShifted(visible, x, xi, max, y, yi);
        float inv = (float) (1.0 / sum);
        for (int j = 0; j < visible; j++) {
            y[yi + j] *= inv;
        }
        Arrays.fill(y, yi + visible, yi + n, 0f);
    }

    /**
     * The softmax of {@code logits[off … off+n)} at a temperature, in double precision, into
     * {@code p[0 … n)}: {@code p[i] = exp((l[i] − max) / temperature) / Σ}. The distribution
     * samplers draw from (see {@code dev.seqlab.core.sample}): double keeps the tail
     * probabilities of a large vocabulary exact, and the arithmetic (terms in index order, then
     * one division each) is fixed, so a seeded draw is reproducible bit for bit.
     *
     * @throws IllegalArgumentException if the temperature is not positive and finite, or the
     *                                  arrays are too short
     */
    public static void softmax(float[] logits, int off, int n, double temperature, double[] p) {
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature must be positive and finite, got " + temperature);
        }
        checkVector(logits.length, off, n, p.length);
        double max = max(logits, off, n);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            p[i] = Math.exp((logits[off + i] - max) / temperature);
            sum += p[i];
        }
        for (int i = 0; i < n; i++) {
            p[i] /= sum;
        }
    }

    /**
     * The log-softmax of {@code logits[off … off+n)} in double precision, into
     * {@code out[0 … n)}: {@code out[i] = l[i] − max − log Σ exp(l[j] − max)} (for scoring
     * sequences, as beam search does).
     */
    public static void logSoftmax(float[] logits, int off, int n, double[] out) {
        checkVector(logits.length, off, n, out.length);
        double max = max(logits, off, n);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += Math.exp(logits[off + i] - max);
        }
        double lse = max + Math.log(sum);
        for (int i = 0; i < n; i++) {
            out[i] = logits[off + i] - lse;
        }
    }

    /** {@code y[i,:] = x[i,:] - max - log Σ exp(x[i,:] - max)} for each of the m rows. */
    public static void logSoftmaxRows(int m, int n, float[] x, int xOff, int ldx, float[] y, int yOff, int ldy) {
        checkBlocks(m, n, x, xOff, ldx, y, yOff, ldy);
        for (int i = 0; i < m; i++) {
            int xi = xOff + i * ldx;
            int yi = yOff + i * ldy;
            float max = E.max(n, x, xi);
            double sum = E.expShifted(n, x, xi, max, null, 0);
            double logSum = Math.log(sum);
            for (int j = 0; j < n; j++) {
                y[yi + j] = (float) (((double) x[xi + j] - max) - logSum);
            }
        }
    }

    /**
     * Probabilities back from log-probabilities, scaled: {@code y[j] = scale · exp(logp[j])} for n
     * elements (the gradient of a mean cross-entropy starts from it). Exponentials in double.
     */
    public static void fromLogSoftmax(int n, float[] logp, int off, float scale, float[] y, int yOff) {
        for (int j = 0; j < n; j++) {
            y[yOff + j] = (float) Math.exp(logp[off + j]) * scale;
        }
    }

    /** Softmax of one vector of n elements, in place. */
    public static void softmax(float[] x, int off, int n) {
        softmaxRows(1, n, x, off, Math.max(1, n), x, off, Math.max(1, n));
    }

    /**
     * Backward through y = softmax(x) row-wise, given y and the upstream gradient dy:
     * {@code dx[i,j] = y[i,j] · (dy[i,j] - Σ_k dy[i,k] y[i,k])}. dx may alias dy. Serves every
     * masked variant too: masked positions have y = 0, so their dx is 0.
     */
    public static void softmaxBackwardRows(
            int m,
            int n,
            float[] y,
            int yOff,
            int ldy,
            float[] dy,
            int dyOff,
            int lddy,
            float[] dx,
            int dxOff,
            int lddx) {
        checkBlocks(m, n, y, yOff, ldy, dx, dxOff, lddx);
        checkBlock("dy", m, n, dy, dyOff, lddy);
        for (int i = 0; i < m; i++) {
            int yi = yOff + i * ldy;
            int gi = dyOff + i * lddy;
            int di = dxOff + i * lddx;
            double dot = 0.0;
            for (int j = 0; j < n; j++) {
                dot += (double) dy[gi + j] * y[yi + j];
            }
            float d = (float) dot;
            for (int j = 0; j < n; j++) {
                dx[di + j] = y[yi + j] * (dy[gi + j] - d);
            }
        }
    }

    /**
     * Backward through y = logSoftmax(x) row-wise, given y and dy:
     * {@code dx[i,j] = dy[i,j] - exp(y[i,j]) · Σ_k dy[i,k]}. dx may alias dy.
     */
    public static void logSoftmaxBackwardRows(
            int m,
            int n,
            float[] y,
            int yOff,
            int ldy,
            float[] dy,
            int dyOff,
            int lddy,
            float[] dx,
            int dxOff,
            int lddx) {
        checkBlocks(m, n, y, yOff, ldy, dx, dxOff, lddx);
        checkBlock("dy", m, n, dy, dyOff, lddy);
        for (int i = 0; i < m; i++) {
            int yi = yOff + i * ldy;
            int gi = dyOff + i * lddy;
            int di = dxOff + i * lddx;
            double sum = 0.0;
            for (int j = 0; j < n; j++) {
                sum += dy[gi + j];
            }
            float s = (float) sum;
            for (int j = 0; j < n; j++) {
                dx[di + j] = dy[gi + j] - (float) Math.exp(y[yi + j]) * s;
            }
        }
    }

    private static double max(float[] logits, int off, int n) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, logits[off + i]);
        }
        return max;
    }

    private static void checkBlocks(int m, int n, float[] x, int xOff, int ldx, float[] y, int yOff, int ldy) {
        checkBlock("input", m, n, x, xOff, ldx);
        checkBlock("output", m, n, y, yOff, ldy);
    }

    private static void checkLength(int length, int n, int row) {
        if (length < 0 || length > n) {
            throw new IllegalArgumentException("row " + row + ": visible length " + length + " is outside 0.." + n);
        }
    }

    private static void checkVector(int inLength, int off, int n, int outLength) {
        if (n < 0 || off < 0 || (long) off + n > inLength) {
            throw new IllegalArgumentException(n + " logits at offset " + off + " do not fit an array of " + inLength);
        }
        if (outLength < n) {
            throw new IllegalArgumentException(
                    "the output has " + outLength + " elements, fewer than the " + n + " logits");
        }
    }

    static void checkBlock(String name, int m, int n, float[] x, int off, int ld) {
        checkBlock(name, m, n, x.length, off, ld);
    }

    private static void checkBlock(String name, int m, int n, int length, int off, int ld) {
        if (m < 0 || n < 0) {
            throw new IllegalArgumentException(name + ": negative block size " + m + "×" + n);
        }
        if (m == 0 || n == 0) {
            return;
        }
        if (ld < n) {
            throw new IllegalArgumentException(
                    name + ": leading dimension " + ld + " is smaller than its " + n + " columns");
        }
        long end = (long) off + (long) (m - 1) * ld + n;
        if (off < 0 || end > length) {
            throw new IllegalArgumentException(name + ": a " + m + "×" + n + " block at offset " + off
                    + " with leading dimension " + ld + " needs " + end + " elements, the array has " + length);
        }
    }
}
