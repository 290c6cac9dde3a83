package dev.seqlab.bench;

import dev.seqlab.core.kernel.Int8BlockDots;
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
 * The first pass of a nearest-neighbour search over 400,000 int8-quantised 100-dimensional word
 * vectors ({@link Int8BlockDots}, one thread), in milliseconds per query, beside the float pass it
 * stands in for (one GEMV over the 160 MB float matrix, {@code floatRows}). Run with
 * {@code -jvmArgsAppend -Dseqlab.kernels=plain} to time the plain-Java fallbacks (the search never
 * uses the plain int8 kernel: it is slower than the float pass).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class Int8BlockDotsBenchmark {
    /** Rows (a multiple of 16). */
    @Param({"400000"})
    public int rows;
    /** Dimensions. */
    @Param({"100"})
    public int dim;

    private byte[] codes;
    private float[] q;
    private float[] y;
    private float[] matrix;

    /** Random codes and a Gaussian query. */
    @Setup
    public void setUp() {
        SplittableRandom rnd = new SplittableRandom(5);
        codes = new byte[rows * dim];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = (byte) (rnd.nextInt(255) - 127);
        }
        q = new float[dim];
        for (int k = 0; k < dim; k++) {
            q[k] = (float) rnd.nextGaussian();
        }
        y = new float[rows];
        matrix = new float[rows * dim];
        for (int i = 0; i < matrix.length; i++) {
            matrix[i] = codes[i] / 127f;
        }
    }

    /** The same query as one float GEMV over the rows. */
    @Benchmark
    public float[] floatRows() {
        Kernels.blas(1).gemv(false, rows, dim, 1f, matrix, 0, dim, q, 0, 0f, y, 0);
        return y;
    }

    /** One query against every row. */
    @Benchmark
    public float[] dots() {
        Kernels.int8BlockDots().dots(codes, dim, 0, rows / Int8BlockDots.BLOCK, q, y);
        return y;
    }
}
