package dev.seqlab.explorer.tsne;

import java.util.Random;

/**
 * A synthetic clustered data set for checking maps (tests and benchmarks): c clusters whose centres are spread in {@code dim} dimensions, each a
 * 2-D Gaussian sheet in its own random plane plus a little isotropic noise (so that neighbourhoods
 * within a cluster are well defined and a 2-D map can keep them).
 */
public record ClusteredPoints(float[] x, int n, int dim, int[] labels) {

    /** n points ({@code n × dim} row-major in {@link #x}) in {@code clusters} clusters, point i in cluster i mod clusters. */
    public static ClusteredPoints make(int n, int dim, int clusters, long seed) {
        Random r = new Random(seed);
        float[] x = new float[n * dim];
        int[] labels = new int[n];
        double[][] centre = new double[clusters][dim];
        double[][][] plane = new double[clusters][2][dim];
        for (int c = 0; c < clusters; c++) {
            for (int d = 0; d < dim; d++) {
                centre[c][d] = r.nextGaussian() * 10;
                plane[c][0][d] = r.nextGaussian() / Math.sqrt(dim);
                plane[c][1][d] = r.nextGaussian() / Math.sqrt(dim);
            }
        }
        for (int i = 0; i < n; i++) {
            int c = i % clusters;
            labels[i] = c;
            double u = r.nextGaussian();
            double v = r.nextGaussian();
            for (int d = 0; d < dim; d++) {
                x[i * dim + d] =
                        (float) (centre[c][d] + u * plane[c][0][d] + v * plane[c][1][d] + r.nextGaussian() * 0.01);
            }
        }
        return new ClusteredPoints(x, n, dim, labels);
    }

    /** The fraction of points whose nearest map neighbour has their label. */
    public static double sameClusterNearest(double[] xy, int[] labels) {
        int n = labels.length;
        int same = 0;
        for (int i = 0; i < n; i++) {
            int best = -1;
            double bestD = Double.POSITIVE_INFINITY;
            for (int j = 0; j < n; j++) {
                double dx = xy[2 * i] - xy[2 * j];
                double dy = xy[2 * i + 1] - xy[2 * j + 1];
                double d = dx * dx + dy * dy;
                if (j != i && d < bestD) {
                    bestD = d;
                    best = j;
                }
            }
            same += labels[best] == labels[i] ? 1 : 0;
        }
        return (double) same / n;
    }
}
