package dev.seqlab.rnn.layer;

import dev.seqlab.core.init.Initializer;
import dev.seqlab.core.kernel.Blas;
import dev.seqlab.core.kernel.Kernels;
import dev.seqlab.core.kernel.Reductions;
import dev.seqlab.core.param.Parameter;
import dev.seqlab.core.param.Parameters;
import dev.seqlab.core.random.SeededRandom;
import dev.seqlab.core.tensor.Tensor;
import java.util.Arrays;

/**
 * A fully connected layer {@code y = x·Wᵀ + b} over rows: {@code x [N, in]}, {@code W [out, in]}
 * (the ONNX Gemm/PyTorch Linear layout), {@code b [out]}, {@code y [N, out]}.
 */
public final class Dense {
    private static final Blas BLAS = Kernels.blas();

    private final int in;
    private final int out;
    private final Parameter w;
    private final Parameter b;
    private final Parameters params = new Parameters();

    /** A dense layer with zero weights named {@code name.W}, {@code name.b}; see {@link #initialize}. */
    public Dense(String name, int in, int out) {
        if (in < 1 || out < 1) {
            throw new IllegalArgumentException("dense sizes must be positive, got in=" + in + ", out=" + out);
        }
        this.in = in;
        this.out = out;
        this.w = params.add(Parameter.zeros(name + ".W", out, in));
        this.b = params.add(Parameter.zeros(name + ".b", out));
    }

    /** Xavier-uniform weights, zero bias. */
    public void initialize(SeededRandom rng) {
        Initializer.xavierUniform().fill(w.value(), rng);
        b.value().fill(0f);
    }

    /** W and b. */
    public Parameters parameters() {
        return params;
    }

    /** Weights {@code [out, in]}. */
    public Parameter w() {
        return w;
    }

    /** Bias {@code [out]}. */
    public Parameter b() {
        return b;
    }

    /** Input width. */
    public int inputSize() {
        return in;
    }

    /** Output width. */
    public int outputSize() {
        return out;
    }

    /** {@code y = x·Wᵀ + b} for {@code rows} rows of {@code x} starting at {@code xOff}. */
    public void forward(int rows, float[] x, int xOff, float[] y, int yOff) {
        BLAS.gemm(false, true, rows, out, in, 1f, x, xOff, in, w.value().data(), 0, in, 0f, y, yOff, out);
        float[] bias = b.value().data();
        for (int r = 0; r < rows; r++) {
            BLAS.axpy(out, 1f, bias, 0, y, yOff + r * out);
        }
    }

    /** {@code forward} on a tensor whose last dimension is {@code in}; returns {@code [..., out]}. */
    public Tensor forward(Tensor x) {
        int[] shape = x.shape();
        if (shape[shape.length - 1] != in) {
            throw new IllegalArgumentException("dense input must end in " + in + ", got " + Arrays.toString(shape));
        }
        int rows = x.size() / in;
        shape[shape.length - 1] = out;
        Tensor y = Tensor.zeros(shape);
        forward(rows, x.data(), 0, y.data(), 0);
        return y;
    }

    /**
     * Backward over {@code rows} rows: adds {@code dyᵀ·x} to W's grad and {@code Σ dy} to b's;
     * writes {@code dx = dy·W} when {@code dx} is not null.
     */
    public void backward(int rows, float[] x, int xOff, float[] dy, int dyOff, float[] dx, int dxOff) {
        BLAS.gemm(
                true,
                false,
                out,
                in,
                rows,
                1f,
                dy,
                dyOff,
                out,
                x,
                xOff,
                in,
                1f,
                w.grad().data(),
                0,
                in);
        Reductions.columnSums(rows, out, dy, dyOff, out, b.grad().data(), 0, true);
        if (dx != null) {
            BLAS.gemm(false, false, rows, in, out, 1f, dy, dyOff, out, w.value().data(), 0, in, 0f, dx, dxOff, in);
        }
    }

    /** Tensor form of {@link #backward(int, float[], int, float[], int, float[], int)}; returns dx. */
    public Tensor backward(Tensor x, Tensor dy) {
        Tensor dx = Tensor.zeros(x.shape());
        backward(x.size() / in, x.data(), 0, dy.data(), 0, dx.data(), 0);
        return dx;
    }
}
