package dev.seqlab.core.kernel;

/**
 * Element-wise activation functions and their derivatives over float arrays, in plain loops.
 *
 * <p>Each array method works on {@code n} elements from an offset and may run in place (output
 * array and offset equal to the input's). Derivatives come in the two forms backward passes use:
 * from the activation's input ({@code sigmoidGrad(x)}) and from its output, which a forward pass
 * has already computed ({@code sigmoid'(x) = y(1-y)}, {@code tanh'(x) = 1-y²}). The
 * {@code *Backward} methods fold in the chain rule: {@code dx = dy · f'}.
 *
 * <p>The array forms of sigmoid and tanh run on SIMD math routines when {@link Kernels} uses the
 * vector kernels (within 2 ulp of the exact values, like the scalar forms); the scalar forms and
 * everything else are plain loops.
 */
public final class Activations {
    private Activations() {}

    /** The logistic function 1/(1+e^-x), computed without overflow for any x. */
    public static float sigmoid(float x) {
        if (x >= 0f) {
            return (float) (1.0 / (1.0 + Math.exp(-x)));
        }
        double e = Math.exp(x);
        return (float) (e / (1.0 + e));
    }

    /** The hyperbolic tangent. */
    public static float tanh(float x) {
        return (float) Math.tanh(x);
    }

    /** max(0, x); NaN stays NaN. */
    public static float relu(float x) {
        return x < 0f ? 0f : x;
    }

    /** sigmoid'(x) = σ(x)(1-σ(x)). */
    public static float sigmoidGrad(float x) {
        float s = sigmoid(x);
        return s * (1f - s);
    }

    /** tanh'(x) = 1 - tanh²(x). */
    public static float tanhGrad(float x) {
        float t = tanh(x);
        return 1f - t * t;
    }

    /** relu'(x): 1 for x &gt; 0, else 0 (the subgradient 0 is used at x = 0). */
    public static float reluGrad(float x) {
        return x > 0f ? 1f : 0f;
    }

    /** sigmoid'(x) from y = σ(x): y(1-y). */
    public static float sigmoidGradFromOutput(float y) {
        return y * (1f - y);
    }

    /** tanh'(x) from y = tanh(x): 1-y². */
    public static float tanhGradFromOutput(float y) {
        return 1f - y * y;
    }

    /** {@code y[i] = sigmoid(x[i])} over n elements; no overflow for any input. */
    public static void sigmoid(int n, float[] x, int xOff, float[] y, int yOff) {
        check(n, x, xOff, y, yOff);
        Kernels.elementwise().sigmoid(n, x, xOff, y, yOff);
    }

    /** {@code y[i] = tanh(x[i])} over n elements. */
    public static void tanh(int n, float[] x, int xOff, float[] y, int yOff) {
        check(n, x, xOff, y, yOff);
        Kernels.elementwise().tanh(n, x, xOff, y, yOff);
    }

    /** {@code y[i] = max(0, x[i])} over n elements. */
    public static void relu(int n, float[] x, int xOff, float[] y, int yOff) {
        check(n, x, xOff, y, yOff);
        for (int i = 0; i < n; i++) {
            float v = x[xOff + i];
            y[yOff + i] = v < 0f ? 0f : v;
        }
    }

    /** Backward through y = σ(x) given y: {@code dx[i] = dy[i] · y[i](1-y[i])}. */
    public static void sigmoidBackward(int n, float[] y, int yOff, float[] dy, int dyOff, float[] dx, int dxOff) {
        check(n, y, yOff, dx, dxOff);
        BlasArgs.checkVector("dy", dy, dyOff, n);
        for (int i = 0; i < n; i++) {
            float v = y[yOff + i];
            dx[dxOff + i] = dy[dyOff + i] * (v * (1f - v));
        }
    }

    /** Backward through y = tanh(x) given y: {@code dx[i] = dy[i] · (1-y[i]²)}. */
    public static void tanhBackward(int n, float[] y, int yOff, float[] dy, int dyOff, float[] dx, int dxOff) {
        check(n, y, yOff, dx, dxOff);
        BlasArgs.checkVector("dy", dy, dyOff, n);
        for (int i = 0; i < n; i++) {
            float v = y[yOff + i];
            dx[dxOff + i] = dy[dyOff + i] * (1f - v * v);
        }
    }

    /**
     * Backward through y = relu(x), given either x or y (both are positive exactly where the
     * gradient passes): {@code dx[i] = v[i] > 0 ? dy[i] : 0}.
     */
    public static void reluBackward(int n, float[] v, int vOff, float[] dy, int dyOff, float[] dx, int dxOff) {
        check(n, v, vOff, dx, dxOff);
        BlasArgs.checkVector("dy", dy, dyOff, n);
        for (int i = 0; i < n; i++) {
            dx[dxOff + i] = v[vOff + i] > 0f ? dy[dyOff + i] : 0f;
        }
    }

    private static void check(int n, float[] in, int inOff, float[] out, int outOff) {
        BlasArgs.checkVector("input", in, inOff, n);
        BlasArgs.checkVector("output", out, outOff, n);
    }
}
