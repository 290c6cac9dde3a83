package dev.seqlab.embeddings.pca;

/**
 * The leading principal components of a set of rows (points), computed in double precision:
 * the rows are centred on their mean and the top eigenvectors of their scatter matrix
 * {@code XᵀX} are taken. When there are fewer rows than dimensions (a few dozen words of
 * 300-dimensional vectors) the {@code n × n} Gram matrix {@code XXᵀ} is decomposed instead and
 * its eigenvectors mapped back ({@code v = Xᵀu / √λ}), which gives the same components at a
 * fraction of the cost.
 *
 * <p>Components are unit vectors with the sign convention of {@link SymmetricEigen}. When the
 * points span fewer than {@code k} dimensions (e.g. two words and {@code k = 2}), the missing
 * components have zero variance and are completed deterministically with unit vectors
 * orthogonal to the earlier ones.
 *
 * <pre>{@code
 * PrincipalComponents pca = PrincipalComponents.of(rows, 2);
 * double[] xy = pca.project(rows[0]);
 * }</pre>
 */
public final class PrincipalComponents {
    private final double[] mean;
    private final double[][] components;
    private final double[] variances;
    private final double totalVariance;

    private PrincipalComponents(double[] mean, double[][] components, double[] variances, double totalVariance) {
        this.mean = mean;
        this.components = components;
        this.variances = variances;
        this.totalVariance = totalVariance;
    }

    /**
     * The first {@code k} components of {@code rows}.
     *
     * @throws IllegalArgumentException if there are fewer than two rows, rows of different or zero
     *                                  length, non-finite values, or {@code k} is not in [1, dimension]
     */
    public static PrincipalComponents of(double[][] rows, int k) {
        int n = rows.length;
        if (n < 2) {
            throw new IllegalArgumentException("principal components need at least 2 points, got " + n);
        }
        int d = rows[0].length;
        if (d == 0) {
            throw new IllegalArgumentException("the points have no coordinates");
        }
        if (k < 1 || k > d) {
            throw new IllegalArgumentException("the number of components must be in [1, " + d + "], got " + k);
        }
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) {
            if (rows[i].length != d) {
                throw new IllegalArgumentException(
                        "point " + i + " has " + rows[i].length + " coordinates, the first has " + d);
            }
            for (int j = 0; j < d; j++) {
                if (!Double.isFinite(rows[i][j])) {
                    throw new IllegalArgumentException("point " + i + " holds " + rows[i][j]);
                }
                mean[j] += rows[i][j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        double[][] x = new double[n][d];
        double total = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                x[i][j] = rows[i][j] - mean[j];
                total += x[i][j] * x[i][j];
            }
        }
        double[][] comps = new double[k][];
        double[] eig = new double[k];
        if (n <= d) {
            SymmetricEigen e = SymmetricEigen.of(gram(x));
            for (int c = 0; c < Math.min(k, n); c++) {
                eig[c] = e.value(c);
                comps[c] = eig[c] > 1e-12 * Math.max(total, Double.MIN_NORMAL) ? mapBack(x, e.vector(c)) : null;
            }
        } else {
            SymmetricEigen e = SymmetricEigen.of(scatter(x));
            for (int c = 0; c < k; c++) {
                eig[c] = e.value(c);
                comps[c] = eig[c] > 1e-12 * Math.max(total, Double.MIN_NORMAL) ? e.vector(c) : null;
            }
        }
        double[] variances = new double[k];
        for (int c = 0; c < k; c++) {
            if (comps[c] == null) {
                comps[c] = orthogonalUnit(comps, c, d);
                variances[c] = 0;
            } else {
                variances[c] = Math.max(0, eig[c]) / (n - 1);
            }
        }
        return new PrincipalComponents(mean, comps, variances, total / (n - 1));
    }

    /** Convenience overload for float vectors. */
    public static PrincipalComponents of(float[][] rows, int k) {
        double[][] r = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            r[i] = new double[rows[i].length];
            for (int j = 0; j < rows[i].length; j++) {
                r[i][j] = rows[i][j];
            }
        }
        return of(r, k);
    }

    private static double[][] gram(double[][] x) {
        int n = x.length;
        double[][] g = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double s = 0;
                for (int t = 0; t < x[i].length; t++) {
                    s += x[i][t] * x[j][t];
                }
                g[i][j] = s;
                g[j][i] = s;
            }
        }
        return g;
    }

    private static double[][] scatter(double[][] x) {
        int d = x[0].length;
        double[][] s = new double[d][d];
        for (double[] row : x) {
            for (int a = 0; a < d; a++) {
                double ra = row[a];
                if (ra != 0) {
                    for (int b = a; b < d; b++) {
                        s[a][b] += ra * row[b];
                    }
                }
            }
        }
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < a; b++) {
                s[a][b] = s[b][a];
            }
        }
        return s;
    }

    /** {@code Xᵀu} scaled to unit length, signed like {@link SymmetricEigen}'s vectors. */
    private static double[] mapBack(double[][] x, double[] u) {
        int d = x[0].length;
        double[] v = new double[d];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < d; j++) {
                v[j] += u[i] * x[i][j];
            }
        }
        return signed(unit(v));
    }

    /** The first standard basis vector, made orthogonal to {@code comps[0..c)}, that is not degenerate. */
    private static double[] orthogonalUnit(double[][] comps, int c, int d) {
        for (int axis = 0; axis < d; axis++) {
            double[] v = new double[d];
            v[axis] = 1;
            for (int pass = 0; pass < 2; pass++) {
                for (int p = 0; p < c; p++) {
                    double dot = 0;
                    for (int j = 0; j < d; j++) {
                        dot += v[j] * comps[p][j];
                    }
                    for (int j = 0; j < d; j++) {
                        v[j] -= dot * comps[p][j];
                    }
                }
            }
            double norm = 0;
            for (double y : v) {
                norm += y * y;
            }
            if (norm > 1e-6) {
                return signed(unit(v));
            }
        }
        throw new IllegalStateException("no unit vector orthogonal to " + c + " components in " + d + " dimensions");
    }

    private static double[] unit(double[] v) {
        double norm = 0;
        for (double y : v) {
            norm += y * y;
        }
        norm = Math.sqrt(norm);
        for (int j = 0; j < v.length; j++) {
            v[j] /= norm;
        }
        return v;
    }

    private static double[] signed(double[] v) {
        double max = 0;
        for (double y : v) {
            max = Math.max(max, Math.abs(y));
        }
        int k = 0;
        while (Math.abs(v[k]) < max * (1 - 1e-9)) {
            k++;
        }
        if (v[k] < 0) {
            for (int j = 0; j < v.length; j++) {
                v[j] = -v[j];
            }
        }
        return v;
    }

    /** The number of components. */
    public int count() {
        return components.length;
    }

    /** A copy of unit component {@code c} (0 = the direction of largest variance). */
    public double[] component(int c) {
        return components[c].clone();
    }

    /** The variance of the points along component {@code c} (sample variance, divided by n − 1). */
    public double variance(int c) {
        return variances[c];
    }

    /** The share of the points' total variance along component {@code c}, in [0, 1]. */
    public double explainedRatio(int c) {
        return totalVariance == 0 ? 0 : variances[c] / totalVariance;
    }

    /** A copy of the mean of the points. */
    public double[] mean() {
        return mean.clone();
    }

    /** The coordinates of {@code point} along the components, after subtracting the mean. */
    public double[] project(double[] point) {
        if (point.length != mean.length) {
            throw new IllegalArgumentException(
                    "the point has " + point.length + " coordinates, the components " + mean.length);
        }
        double[] out = new double[components.length];
        for (int c = 0; c < components.length; c++) {
            double s = 0;
            for (int j = 0; j < mean.length; j++) {
                s += (point[j] - mean[j]) * components[c][j];
            }
            out[c] = s;
        }
        return out;
    }

    /** {@link #project(double[])} for a float vector. */
    public double[] project(float[] point) {
        double[] p = new double[point.length];
        for (int j = 0; j < p.length; j++) {
            p[j] = point[j];
        }
        return project(p);
    }
}
