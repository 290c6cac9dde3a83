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
 * Square SGEMM {@code C = A·B} (n×n, no transposes) through {@link Kernels#blas(int)}, in
 * operations per second: GFLOP/s = 2·n³·ops/s / 1e9. Compare with OpenBLAS through
 * {@code /usr/bin/python3 /work/shared/bench/numpy_gemm.py} run in the same session
 * (see bench/README.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class GemmBenchmark {
    /** The matrix size: A, B and C are n×n. */
    @Param({"64", "128", "256", "512", "1024"})
    public int n;

    /** Kernel threads a GEMM may be split over. */
    @Param({"1", "2"})
    public int threads;

    private Blas blas;
    private float[] a;
    private float[] b;
    private float[] c;

    /** Random operands and the kernel limited to {@link #threads} threads. */
    @Setup
    public void setUp() {
        SplittableRandom rnd = new SplittableRandom(1);
        a = Operands.random(rnd, n * n);
        b = Operands.random(rnd, n * n);
        c = new float[n * n];
        blas = Kernels.blas(threads);
    }

    /** One n×n×n SGEMM. */
    @Benchmark
    public float[] gemm() {
        blas.gemm(false, false, n, n, n, 1f, a, 0, n, b, 0, n, 0f, c, 0, n);
        return c;
    }
}
