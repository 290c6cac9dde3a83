package dev.seqlab.explorer.tsne;

/**
 * How well a 2-D map keeps neighbourhoods: the mean fraction of each point's k nearest neighbours
 * in the original space that are also among its k nearest in the map (1 = all kept; a random map
 * keeps about k/n).
 */
public final class NeighbourPreservation {

    private NeighbourPreservation() {}

    /**
     * The fraction for the n rows of {@code x} ({@code n × dim}) and their map {@code xy}
     * ({@code x0, y0, …}), exact neighbours in both spaces.
     */
    public static double fraction(float[] x, int n, int dim, double[] xy, int k) {
        if (xy.length != 2 * n) {
            throw new IllegalArgumentException("the map has " + xy.length / 2 + " points, the data " + n);
        }
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        NearestNeighbours high = NearestNeighbours.of(x, n, dim, k, null, threads);
        long kept = 0;
        int[] low = new int[k];
        double[] lowD = new double[k];
        for (int i = 0; i < n; i++) {
            mapNeighbours(xy, n, i, k, low, lowD);
            for (int a = 0; a < k; a++) {
                int h = high.index[i * k + a];
                for (int b = 0; b < k; b++) {
                    if (low[b] == h) {
                        kept++;
                        break;
                    }
                }
            }
        }
        return (double) kept / ((long) n * k);
    }

    /** The k nearest other points of point i in the map, in double (map coordinates are large next to their gaps). */
    private static void mapNeighbours(double[] xy, int n, int i, int k, int[] index, double[] d) {
        int filled = 0;
        for (int j = 0; j < n; j++) {
            if (j == i) {
                continue;
            }
            double dx = xy[2 * i] - xy[2 * j];
            double dy = xy[2 * i + 1] - xy[2 * j + 1];
            double dist = dx * dx + dy * dy;
            if (filled == k && dist >= d[k - 1]) {
                continue;
            }
            int p = filled == k ? k - 1 : filled++;
            while (p > 0 && d[p - 1] > dist) {
                d[p] = d[p - 1];
                index[p] = index[p - 1];
                p--;
            }
            d[p] = dist;
            index[p] = j;
        }
    }
}
