package dev.seqlab.bench;

import dev.seqlab.core.kernel.Blas;
import dev.seqlab.core.kernel.Kernels;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A quick GFLOP/s readout without JMH, printing one JSON line per thread count in the form of
 * {@code numpy_gemm.py} (square sizes 128…1024) plus the recurrent-layer shapes:
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp bench/target/benchmarks.jar dev.seqlab.bench.GemmGflops [THREADS ...]
 * </pre>
 *
 * Each figure is the median of seven timed runs of at least 0.2 s after a warm-up. JMH
 * ({@link GemmBenchmark}) remains the reference measurement.
 */
public final class GemmGflops {
    private static final int[] SIZES = {128, 256, 512, 1024};

    private GemmGflops() {}

    /**
     * Prints the figures for each thread count given (default 1 and 2).
     *
     * @param args thread counts
     */
    public static void main(String[] args) {
        int[] threads = args.length == 0
                ? new int[] {1, 2}
                : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        for (int t : threads) {
            Blas blas = Kernels.blas(t);
            StringBuilder json = new StringBuilder();
            json.append("{\"peer\": \"seqlab-")
                    .append(blas.name())
                    .append("\", \"threads\": ")
                    .append(t)
                    .append(", \"gflops\": {");
            SplittableRandom rnd = new SplittableRandom(1);
            for (int i = 0; i < SIZES.length; i++) {
                int n = SIZES[i];
                float[] a = Operands.random(rnd, n * n);
                float[] b = Operands.random(rnd, n * n);
                float[] c = new float[n * n];
                double gf = measure(
                        2.0 * n * n * n, () -> blas.gemm(false, false, n, n, n, 1f, a, 0, n, b, 0, n, 0f, c, 0, n));
                json.append(i == 0 ? "" : ", ")
                        .append('"')
                        .append(n)
                        .append("\": ")
                        .append(fmt(gf));
            }
            json.append("}, \"rnn_gflops\": {");
            RnnShape[] shapes = RnnShape.values();
            for (int i = 0; i < shapes.length; i++) {
                RnnShape s = shapes[i];
                int m = s.batch;
                int k = s.concat();
                int n = s.gates();
                float[] a = Operands.random(rnd, m * k);
                float[] b = Operands.random(rnd, k * n);
                float[] c = new float[m * n];
                float[] dz = Operands.random(rnd, m * n);
                float[] dw = new float[k * n];
                double fwd =
                        measure(s.flops(), () -> blas.gemm(false, false, m, n, k, 1f, a, 0, k, b, 0, n, 0f, c, 0, n));
                double wg =
                        measure(s.flops(), () -> blas.gemm(true, false, k, n, m, 1f, a, 0, k, dz, 0, n, 1f, dw, 0, n));
                json.append(i == 0 ? "" : ", ")
                        .append('"')
                        .append(s.name())
                        .append("\": {\"forward\": ")
                        .append(fmt(fwd))
                        .append(", \"weight_grad\": ")
                        .append(fmt(wg))
                        .append('}');
            }
            System.out.println(json.append("}}"));
        }
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** The median GFLOP/s of seven timed batches of at least 0.2 s, after about 1 s of warm-up. */
    private static double measure(double flops, Runnable op) {
        int reps = 1;
        long t0 = System.nanoTime();
        while (System.nanoTime() - t0 < 1_000_000_000L) {
            op.run();
        }
        while (true) {
            long s = System.nanoTime();
            for (int r = 0; r < reps; r++) {
                op.run();
            }
            if (System.nanoTime() - s >= 200_000_000L) {
                break;
            }
            reps *= 2;
        }
        double[] g = new double[7];
        for (int i = 0; i < g.length; i++) {
            long s = System.nanoTime();
            for (int r = 0; r < reps; r++) {
                op.run();
            }
            g[i] = flops * reps / (System.nanoTime() - s);
        }
        Arrays.sort(g);
        return g[g.length / 2];
    }
}
