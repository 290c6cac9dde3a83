package dev.seqlab.core.kernel;

/**
 * The element-wise maps behind {@link Activations} whose cost is a transcendental function per
 * element, in a plain and a SIMD implementation chosen by {@link Kernels}. Arguments are
 * checked by the caller.
 */
interface Elementwise {

    /** {@code y[i] = 1/(1+exp(-x[i]))} over n elements (in place allowed). */
    void sigmoid(int n, float[] x, int xOff, float[] y, int yOff);

    /** {@code y[i] = tanh(x[i])} over n elements (in place allowed). */
    void tanh(int n, float[] x, int xOff, float[] y, int yOff);

    /** The largest of n elements (−∞ when n is 0; NaN if any element is NaN). */
    float max(int n, float[] x, int xOff);

    /**
     * {@code y[j] = exp(x[j] - shift)} over n elements (none stored when y is null) and returns
     * their sum. The softmax kernel: with shift = the maximum no term overflows; an element
     * equal to −∞ gives exactly 0 (when the shift is finite).
     */
    double expShifted(int n, float[] x, int xOff, float shift, float[] y, int yOff);

    /** "plain" or "vector". */
    String name();
}
