package dev.seqlab.bench;

import dev.seqlab.core.kernel.Blas;
import dev.seqlab.core.kernel.Kernels;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Level-1/2 kernels at the size of one LSTM step for a single sequence (sampling): W is
 * (H+V)×4H = 321×1024 for H=256, V=65. {@code gemvT} is {@code z = Wᵀ·[h,x]} over the stored
 * W, {@code gemvN} its transpose form, {@code dot} one 1024-element dot product, in operations per
 * second. Add {@code -jvmArgsAppend -Dseqlab.kernels=plain} to time the plain-Java kernels.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class GemvBenchmark {
    /** Rows of the stored matrix (H+V). */
    @Param({"321"})
    public int rows;

    /** Columns of the stored matrix (4H). */
    @Param({"1024"})
    public int cols;

    private Blas blas;
    private float[] w;
    private float[] x;
    private float[] xt;
    private float[] y;
    private float[] yt;

    /** Random operands. */
    @Setup
    public void setUp() {
        SplittableRandom rnd = new SplittableRandom(4);
        w = Operands.random(rnd, rows * cols);
        x = Operands.random(rnd, cols);
        xt = Operands.random(rnd, rows);
        y = new float[rows];
        yt = new float[cols];
        blas = Kernels.blas(1);
    }

    /** y[rows] = W · x[cols]. */
    @Benchmark
    public float[] gemvN() {
        blas.gemv(false, rows, cols, 1f, w, 0, cols, x, 0, 0f, y, 0);
        return y;
    }

    /** y[cols] = Wᵀ · x[rows]. */
    @Benchmark
    public float[] gemvT() {
        blas.gemv(true, rows, cols, 1f, w, 0, cols, xt, 0, 0f, yt, 0);
        return yt;
    }

    /** One dot product of cols elements. */
    @Benchmark
    public float dot() {
        return blas.dot(cols, w, 0, x, 0);
    }
}
