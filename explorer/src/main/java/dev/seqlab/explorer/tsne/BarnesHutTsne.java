package dev.seqlab.explorer.tsne;

import dev.seqlab.core.progress.ProgressListener;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Barnes–Hut t-SNE: a 2-D map of high-dimensional points in which points that are near in the
 * original space stay near (van der Maaten 2014). O(n log n) per step: the attraction runs over
 * the sparse affinities of the 3·perplexity nearest neighbours, the repulsion over a quadtree.
 *
 * <pre>{@code
 * double[] xy = BarnesHutTsne.embed(points, n, dim, TsneOptions.defaults(), ProgressListener.NONE);
 * // point i is at (xy[2i], xy[2i+1])
 * }</pre>
 *
 * <p>Deterministic for a given seed and thread count. Interrupting the calling thread stops the
 * descent with a {@link CancellationException}.
 */
public final class BarnesHutTsne {
    private static final double INITIAL_MOMENTUM = 0.5;
    private static final double FINAL_MOMENTUM = 0.8;
    private static final double MIN_GAIN = 0.01;

    private BarnesHutTsne() {}

    /**
     * Maps the {@code n} rows of {@code x} ({@code n × dim}, row-major) to the plane.
     *
     * @return the positions, {@code x0, y0, x1, y1, …}, centred on the origin
     * @throws IllegalArgumentException if the sizes disagree
     * @throws CancellationException    if the thread is interrupted
     */
    public static double[] embed(float[] x, int n, int dim, TsneOptions options, ProgressListener progress) {
        if (n < 0 || dim < 1 || (long) n * dim != x.length) {
            throw new IllegalArgumentException(
                    n + " points of dimension " + dim + " need " + (long) n * dim + " numbers, got " + x.length);
        }
        double[] y = new double[2 * n];
        if (n < 2) {
            return y;
        }
        int threads = Math.min(options.threads(), Math.max(1, n / 256));
        ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads, BarnesHutTsne::daemon) : null;
        try {
            double perplexity = Math.min(options.perplexity(), (n - 1) / 3.0);
            int k = Math.max(1, Math.min(n - 1, (int) (3 * perplexity)));
            progress.start("t-SNE: nearest neighbours", n, "points");
            NearestNeighbours nn = NearestNeighbours.of(x, n, dim, k, pool, threads);
            Affinities p = Affinities.of(nn, n, perplexity);
            progress.advance(n);
            progress.finish();
            descend(p, y, n, options, pool, threads, progress);
            return y;
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    private static Thread daemon(Runnable r) {
        Thread t = new Thread(r, "seqlab-tsne");
        t.setDaemon(true);
        return t;
    }

    private static void descend(
            Affinities p,
            double[] y,
            int n,
            TsneOptions options,
            ExecutorService pool,
            int threads,
            ProgressListener progress) {
        Random random = new Random(options.seed());
        for (int i = 0; i < 2 * n; i++) {
            y[i] = random.nextGaussian() * 1e-4;
        }
        double rate = options.learningRate() > 0 ? options.learningRate() : Math.max(n / options.exaggeration(), 50);
        double[] gradient = new double[2 * n];
        double[] update = new double[2 * n];
        double[] gains = new double[2 * n];
        Arrays.fill(gains, 1);
        double[] zPerPoint = new double[n];
        progress.start("t-SNE", options.iterations(), "steps");
        for (int step = 0; step < options.iterations(); step++) {
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("t-SNE interrupted at step " + step);
            }
            boolean early = step < options.exaggerationIterations();
            double exaggeration = early ? options.exaggeration() : 1;
            double momentum = early ? INITIAL_MOMENTUM : FINAL_MOMENTUM;
            gradient(p, y, n, exaggeration, options.theta(), pool, threads, gradient, zPerPoint);
            for (int i = 0; i < 2 * n; i++) {
                boolean sameSign = (gradient[i] > 0) == (update[i] > 0);
                gains[i] = sameSign ? Math.max(gains[i] * 0.8, MIN_GAIN) : gains[i] + 0.2;
                update[i] = momentum * update[i] - rate * gains[i] * gradient[i];
                y[i] += update[i];
            }
            centre(y, n);
            progress.advance(1);
        }
        progress.finish();
    }

    /** The gradient of the KL divergence: {@code 4 (e·Σ p_ij q_ij Z (y_i − y_j) − Σ q_ij² Z (y_i − y_j) / Z)}. */
    private static void gradient(
            Affinities p,
            double[] y,
            int n,
            double exaggeration,
            double theta,
            ExecutorService pool,
            int threads,
            double[] gradient,
            double[] zPerPoint) {
        QuadTree tree = new QuadTree(y, n);
        Ranges.forEach(pool, threads, n, (slice, from, to) -> {
            int[] stack = tree.newStack();
            double[] force = new double[2];
            for (int i = from; i < to; i++) {
                force[0] = 0;
                force[1] = 0;
                zPerPoint[i] = tree.repulsion(i, theta, stack, force);
                gradient[2 * i] = force[0];
                gradient[2 * i + 1] = force[1];
            }
        });
        // summed in point order, so that the result does not depend on the thread count
        double z = 0;
        for (int i = 0; i < n; i++) {
            z += zPerPoint[i];
        }
        double invZ = 1 / z;
        Ranges.forEach(pool, threads, n, (slice, from, to) -> {
            for (int i = from; i < to; i++) {
                double ax = 0;
                double ay = 0;
                double xi = y[2 * i];
                double yi = y[2 * i + 1];
                for (int e = p.rowStart[i]; e < p.rowStart[i + 1]; e++) {
                    int j = p.columns[e];
                    double dx = xi - y[2 * j];
                    double dy = yi - y[2 * j + 1];
                    double w = p.values[e] / (1 + dx * dx + dy * dy);
                    ax += w * dx;
                    ay += w * dy;
                }
                gradient[2 * i] = 4 * (exaggeration * ax - gradient[2 * i] * invZ);
                gradient[2 * i + 1] = 4 * (exaggeration * ay - gradient[2 * i + 1] * invZ);
            }
        });
    }

    private static void centre(double[] y, int n) {
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += y[2 * i];
            my += y[2 * i + 1];
        }
        mx /= n;
        my /= n;
        for (int i = 0; i < n; i++) {
            y[2 * i] -= mx;
            y[2 * i + 1] -= my;
        }
    }
}
