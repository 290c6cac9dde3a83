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
 * The skinny GEMMs a recurrent cell runs per time step on a batch of B=32 (see {@link RnnShape}),
 * in operations per second; GFLOP/s = 2·B·(H+V)·4H·ops/s / 1e9 for each of the three products.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class RnnShapesBenchmark {
    /** The layer shape. */
    @Param({"H50_V27", "H256_V65", "H256_L2", "H512_V65"})
    public String shape;

    /** Kernel threads a GEMM may be split over. */
    @Param({"1", "2"})
    public int threads;

    private Blas blas;
    private int b;
    private int k;
    private int g;
    private float[] hx;
    private float[] w;
    private float[] z;
    private float[] dz;
    private float[] dw;
    private float[] dhx;

    /** Random operands for the shape. */
    @Setup
    public void setUp() {
        RnnShape s = RnnShape.valueOf(shape);
        b = s.batch;
        k = s.concat();
        g = s.gates();
        SplittableRandom rnd = new SplittableRandom(2);
        hx = Operands.random(rnd, b * k);
        w = Operands.random(rnd, k * g);
        dz = Operands.random(rnd, b * g);
        z = new float[b * g];
        dw = new float[k * g];
        dhx = new float[b * k];
        blas = Kernels.blas(threads);
    }

    /** Forward: Z[B×4H] = [h,x][B×(H+V)] · W[(H+V)×4H]. */
    @Benchmark
    public float[] forward() {
        blas.gemm(false, false, b, g, k, 1f, hx, 0, k, w, 0, g, 0f, z, 0, g);
        return z;
    }

    /** Weight gradient: dW[(H+V)×4H] += [h,x]ᵀ · dZ, accumulated over time steps (beta = 1). */
    @Benchmark
    public float[] weightGradient() {
        blas.gemm(true, false, k, g, b, 1f, hx, 0, k, dz, 0, g, 1f, dw, 0, g);
        return dw;
    }

    /** Input gradient: d[h,x][B×(H+V)] = dZ · Wᵀ. */
    @Benchmark
    public float[] inputGradient() {
        blas.gemm(false, true, b, k, g, 1f, dz, 0, g, w, 0, g, 0f, dhx, 0, k);
        return dhx;
    }
}
