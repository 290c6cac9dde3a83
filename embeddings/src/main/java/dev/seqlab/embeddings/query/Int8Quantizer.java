package dev.seqlab.embeddings.query;

import dev.seqlab.core.kernel.Int8BlockDots;

/**
 * Quantises unit rows to int8 for the first pass of exact search (see {@link QuantizedRows} for
 * what the scale and error mean): used to build the copy in memory and to write it into seqlab
 * vectors files, which must hold exactly the same bytes.
 */
public final class Int8Quantizer {
    private static final int B = Int8BlockDots.BLOCK;

    private Int8Quantizer() {}

    /** The Euclidean norm of {@code src[off, off + dim)}, summed in double, rounded to float. */
    public static float norm(float[] src, int off, int dim) {
        double s = 0;
        for (int k = 0; k < dim; k++) {
            double v = src[off + k];
            s += v * v;
        }
        return (float) Math.sqrt(s);
    }

    /**
     * Row {@code srcRow} of {@code src} ({@code dim} wide) divided by {@code norm}, in double, into
     * {@code u}; returns its largest absolute component, from which the quantisers take their scale.
     */
    static double unit(float[] src, int srcRow, float norm, int dim, double[] u) {
        double max = 0;
        int o = srcRow * dim;
        for (int k = 0; k < dim; k++) {
            u[k] = (double) src[o + k] / norm;
            max = Math.max(max, Math.abs(u[k]));
        }
        return max;
    }

    /**
     * Quantises row {@code srcRow} of {@code src} (row-major, {@code dim} wide), whose norm is
     * {@code norm}, as row {@code codesRow} of the block-layout {@code codes}, and stores its scale
     * and error bound at {@code statsRow} (error NaN for a zero row, whose codes stay as they are).
     *
     * @param u scratch of at least {@code dim} doubles
     */
    public static void quantize(
            float[] src,
            int srcRow,
            float norm,
            int dim,
            double[] u,
            byte[] codes,
            int codesRow,
            float[] scales,
            float[] errors,
            int statsRow) {
        if (!(norm > 0)) {
            scales[statsRow] = 0f;
            errors[statsRow] = Float.NaN;
            return;
        }
        float scale = (float) (unit(src, srcRow, norm, dim, u) / 127);
        double err = 0;
        int base = (codesRow / B) * dim * B + codesRow % B;
        for (int k = 0; k < dim; k++) {
            long c = Math.max(-127, Math.min(127, Math.round(u[k] / scale)));
            codes[base + k * B] = (byte) c;
            double d = u[k] - (double) scale * c;
            err += d * d;
        }
        scales[statsRow] = scale;
        errors[statsRow] = Math.nextUp((float) Math.sqrt(err));
    }
}
