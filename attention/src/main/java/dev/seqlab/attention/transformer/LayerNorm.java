package dev.seqlab.attention.transformer;

import dev.seqlab.core.kernel.ParallelRanges;
import dev.seqlab.core.param.Parameter;
import dev.seqlab.core.param.Parameters;
import dev.seqlab.core.tensor.Tensor;

/**
 * Layer normalisation over the last dimension of each row:
 * <pre>
 *   x̂ = (x − μ) / √(σ² + ε),   y = γ ⊙ x̂ + β
 * </pre>
 * with μ and σ² the row's mean and (biased) variance, accumulated in double.
 */
public final class LayerNorm {
    /** The fewest rows worth a kernel-pool task: 256 rows of 64 are about 50,000 double operations. */
    private static final int MIN_ROWS_PER_TASK = 256;

    private final int dim;
    private final float epsilon;
    private final Parameter gamma;
    private final Parameter beta;
    private final Parameters params = new Parameters();

    /** γ = 1, β = 0, ε = 1e-6 (the course's Keras setting). */
    public LayerNorm(String name, int dim) {
        if (dim < 1) {
            throw new IllegalArgumentException("layer norm width must be positive, got " + dim);
        }
        this.dim = dim;
        this.epsilon = 1e-6f;
        this.gamma = params.add(Parameter.of(name + ".gamma", Tensor.zeros(dim).fill(1f)));
        this.beta = params.add(Parameter.zeros(name + ".beta", dim));
    }

    /** γ and β. */
    public Parameters parameters() {
        return params;
    }

    /** γ {@code [dim]}. */
    public Parameter gamma() {
        return gamma;
    }

    /** β {@code [dim]}. */
    public Parameter beta() {
        return beta;
    }

    /** ε, added to the variance. */
    public float epsilon() {
        return epsilon;
    }

    /** What backward needs: the normalised rows and each row's 1/σ. */
    public record Cache(float[] xhat, float[] invStd, int rows) {}

    /** Normalises {@code rows} rows of {@code x} into {@code y}; returns the cache. */
    public Cache forward(int rows, float[] x, float[] y) {
        float[] xhat = new float[rows * dim];
        float[] inv = new float[rows];
        float[] g = gamma.value().data();
        float[] b = beta.value().data();
        // rows are independent: bit-identical for any thread count
        ParallelRanges.forEach(rows, MIN_ROWS_PER_TASK, (from, to) -> {
            for (int r = from; r < to; r++) {
                int o = r * dim;
                double mean = 0;
                for (int j = 0; j < dim; j++) {
                    mean += x[o + j];
                }
                mean /= dim;
                double var = 0;
                for (int j = 0; j < dim; j++) {
                    double d = x[o + j] - mean;
                    var += d * d;
                }
                var /= dim;
                double is = 1 / Math.sqrt(var + epsilon);
                inv[r] = (float) is;
                for (int j = 0; j < dim; j++) {
                    float xh = (float) ((x[o + j] - mean) * is);
                    xhat[o + j] = xh;
                    y[o + j] = g[j] * xh + b[j];
                }
            }
        });
        return new Cache(xhat, inv, rows);
    }

    /** Adds dγ, dβ to the parameters and returns dx. */
    public float[] backward(Cache c, float[] dy) {
        float[] g = gamma.value().data();
        float[] dg = gamma.grad().data();
        float[] db = beta.grad().data();
        float[] dx = new float[c.rows() * dim];
        // dγ and dβ sum over the rows in order, on this thread
        for (int r = 0; r < c.rows(); r++) {
            int o = r * dim;
            for (int j = 0; j < dim; j++) {
                dg[j] += dy[o + j] * c.xhat()[o + j];
                db[j] += dy[o + j];
            }
        }
        // dx of each row depends only on that row: bit-identical for any thread count
        ParallelRanges.forEach(c.rows(), MIN_ROWS_PER_TASK, (from, to) -> {
            for (int r = from; r < to; r++) {
                int o = r * dim;
                double sumD = 0;
                double sumDx = 0;
                for (int j = 0; j < dim; j++) {
                    double dxh = dy[o + j] * g[j];
                    sumD += dxh;
                    sumDx += dxh * c.xhat()[o + j];
                }
                for (int j = 0; j < dim; j++) {
                    double dxh = dy[o + j] * g[j];
                    dx[o + j] = (float) (c.invStd()[r] / dim * (dim * dxh - sumD - c.xhat()[o + j] * sumDx));
                }
            }
        });
        return dx;
    }
}
