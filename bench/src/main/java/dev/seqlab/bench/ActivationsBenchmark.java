package dev.seqlab.bench;

import dev.seqlab.core.kernel.Activations;
import dev.seqlab.core.kernel.Softmax;
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
 * The element-wise work of an LSTM step on a batch of 32 with H=256 (32×4H = 32768 gate
 * pre-activations) and a softmax over a 65-symbol vocabulary, in microseconds per call. Run with
 * {@code -jvmArgsAppend -Dseqlab.kernels=plain} to time the plain-Java fallback.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class ActivationsBenchmark {
    /** Elements per call. */
    @Param({"32768"})
    public int n;

    private float[] x;
    private float[] y;

    /** Gaussian pre-activations (σ = 3). */
    @Setup
    public void setUp() {
        SplittableRandom rnd = new SplittableRandom(3);
        x = new float[n];
        y = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (rnd.nextGaussian() * 3);
        }
    }

    /** Sigmoid over n elements. */
    @Benchmark
    public float[] sigmoid() {
        Activations.sigmoid(n, x, 0, y, 0);
        return y;
    }

    /** Tanh over n elements. */
    @Benchmark
    public float[] tanh() {
        Activations.tanh(n, x, 0, y, 0);
        return y;
    }

    /** Softmax over rows of 65 (n/65 rows). */
    @Benchmark
    public float[] softmax() {
        int rows = n / 65;
        Softmax.softmaxRows(rows, 65, x, 0, 65, y, 0, 65);
        return y;
    }
}
