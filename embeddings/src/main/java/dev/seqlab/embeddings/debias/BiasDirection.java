package dev.seqlab.embeddings.debias;

import dev.seqlab.embeddings.pca.PrincipalComponents;
import java.util.List;

/**
 * A bias axis {@code g} in embedding space (stored as a unit vector ĝ) and the course's three
 * operations on it, all computed in double precision:
 *
 * <ul>
 *   <li>{@link #projection}: {@code e·ĝ}, the signed length of {@code e} along the axis (for a
 *       unit {@code e}, its cosine with {@code g});</li>
 *   <li>{@link #neutralize}: {@code e − (e·g/‖g‖²) g}, which removes that component;</li>
 *   <li>{@link #equalize}: moves a pair so that the two words differ only along {@code g} and are
 *       mirror images about the plane orthogonal to it.</li>
 * </ul>
 *
 * <p>The formulas do not depend on the length of {@code g}, only on its direction.
 *
 * <pre>{@code
 * BiasDirection g = BiasDirection.between(woman, man);
 * float[] receptionist2 = g.neutralize(receptionist);   // g.projection(receptionist2) == 0
 * }</pre>
 */
public final class BiasDirection {
    private final double[] unit;
    private final double explainedRatio;

    private BiasDirection(double[] unit, double explainedRatio) {
        this.unit = unit;
        this.explainedRatio = explainedRatio;
    }

    /**
     * The direction of {@code first − second} (the course's {@code g = e_woman − e_man}).
     *
     * @throws IllegalArgumentException if the vectors differ in length, are equal, or hold non-finite values
     */
    public static BiasDirection between(float[] first, float[] second) {
        checkSameLength(first, second);
        double[] d = new double[first.length];
        for (int j = 0; j < d.length; j++) {
            d[j] = (double) first[j] - second[j];
        }
        return new BiasDirection(unit(d, "the two vectors are equal, so they define no direction"), 1.0);
    }

    /**
     * Bolukbasi et al.'s direction from several definitional pairs: each pair is centred on its
     * own mean (giving {@code ±(first − second)/2}) and the direction is the first principal
     * component of all those centred vectors. Its sign is chosen so that the pairs' differences
     * {@code first − second} project positively on it on average. With a single pair this is
     * {@link #between}.
     *
     * @param firsts  the first word's vector of each pair
     * @param seconds the second word's vector of each pair, in the same order
     * @throws IllegalArgumentException if the lists are empty or of different sizes, the vectors
     *                                  differ in length, or every pair has two equal vectors
     */
    public static BiasDirection principal(List<float[]> firsts, List<float[]> seconds) {
        if (firsts.size() != seconds.size()) {
            throw new IllegalArgumentException(firsts.size() + " first words but " + seconds.size() + " second words");
        }
        if (firsts.isEmpty()) {
            throw new IllegalArgumentException("a bias direction needs at least one word pair");
        }
        if (firsts.size() == 1) {
            return between(firsts.get(0), seconds.get(0));
        }
        int d = firsts.get(0).length;
        double[][] centred = new double[2 * firsts.size()][d];
        double[] meanDifference = new double[d];
        for (int p = 0; p < firsts.size(); p++) {
            float[] a = firsts.get(p);
            float[] b = seconds.get(p);
            checkSameLength(a, b);
            if (a.length != d) {
                throw new IllegalArgumentException(
                        "pair " + (p + 1) + " has vectors of length " + a.length + ", the first pair " + d);
            }
            for (int j = 0; j < d; j++) {
                double half = ((double) a[j] - b[j]) / 2;
                centred[2 * p][j] = half;
                centred[2 * p + 1][j] = -half;
                meanDifference[j] += 2 * half;
            }
        }
        PrincipalComponents pca = PrincipalComponents.of(centred, 1);
        if (pca.variance(0) == 0) {
            throw new IllegalArgumentException("every pair has two equal vectors, so the pairs define no direction");
        }
        double[] g = pca.component(0);
        double agreement = 0;
        for (int j = 0; j < d; j++) {
            agreement += g[j] * meanDifference[j];
        }
        if (agreement < 0) {
            for (int j = 0; j < d; j++) {
                g[j] = -g[j];
            }
        }
        return new BiasDirection(g, pca.explainedRatio(0));
    }

    /** A copy of the unit vector ĝ. */
    public double[] unitVector() {
        return unit.clone();
    }

    /** The dimension of the space. */
    public int dimension() {
        return unit.length;
    }

    /**
     * The share of the definitional pairs' variance that lies along this direction (1 for a
     * direction from one pair). Bolukbasi et al. found one component dominating for gender.
     */
    public double explainedRatio() {
        return explainedRatio;
    }

    /** {@code e·ĝ}: the signed length of {@code e} along the axis. */
    public double projection(float[] e) {
        checkDimension(e);
        double s = 0;
        for (int j = 0; j < unit.length; j++) {
            s += e[j] * unit[j];
        }
        return s;
    }

    /** The cosine of the angle between {@code e} and the axis (0 for a zero vector). */
    public double cosine(float[] e) {
        double n = 0;
        for (float x : e) {
            n += (double) x * x;
        }
        return n == 0 ? 0 : projection(e) / Math.sqrt(n);
    }

    /** {@code e − (e·g/‖g‖²) g}: {@code e} without its component along the axis (a new array). */
    public float[] neutralize(float[] e) {
        double p = projection(e);
        float[] out = new float[e.length];
        for (int j = 0; j < e.length; j++) {
            out[j] = (float) (e[j] - p * unit[j]);
        }
        return out;
    }

    /**
     * The course's equalization of a pair {@code (w1, w2)}: with {@code μ = (e1 + e2)/2},
     * {@code μ_B = (μ·g/‖g‖²) g}, {@code μ⊥ = μ − μ_B} and, for each word,
     * {@code e_wB = (e_w·g/‖g‖²) g},
     * <pre>
     *   corrected e_wB = √|1 − ‖μ⊥‖²| · (e_wB − μ_B) / ‖(e_w − μ⊥) − μ_B‖
     *   e_w'           = corrected e_wB + μ⊥
     * </pre>
     * The two results share their component orthogonal to {@code g} ({@code μ⊥}) and have
     * opposite components along it, so they are mirror images about the neutral plane and equally
     * far from every neutralized word. The formula assumes unit-length inputs (the
     * {@code √(1 − ‖μ⊥‖²)} term then keeps the results near the unit sphere); {@link Debiaser}
     * normalises the vectors first. Bolukbasi et al. divide by {@code ‖e_wB − μ_B‖} instead,
     * which gives exactly unit-length results; the course's denominator
     * {@code ‖e_w − μ‖} is the same when the pair differs only along {@code g} and larger otherwise.
     *
     * @return the two new vectors, {@code [e1', e2']}
     * @throws IllegalArgumentException if the vectors have the wrong length or are equal
     */
    public float[][] equalize(float[] e1, float[] e2) {
        checkDimension(e1);
        checkDimension(e2);
        int d = unit.length;
        double[] mu = new double[d];
        for (int j = 0; j < d; j++) {
            mu[j] = ((double) e1[j] + e2[j]) / 2;
        }
        double muAlong = dot(mu, unit);
        double[] muOrth = new double[d];
        double muOrthSquared = 0;
        double halfDiffSquared = 0;
        for (int j = 0; j < d; j++) {
            muOrth[j] = mu[j] - muAlong * unit[j];
            muOrthSquared += muOrth[j] * muOrth[j];
            double h = e1[j] - mu[j];
            halfDiffSquared += h * h;
        }
        if (halfDiffSquared == 0) {
            throw new IllegalArgumentException("the two words have equal vectors; equalizing needs them to differ");
        }
        // ‖(e_w − μ⊥) − μ_B‖ = ‖e_w − μ‖, the same for both words: ‖(e1 − e2)/2‖
        double scale = Math.sqrt(Math.abs(1 - muOrthSquared)) / Math.sqrt(halfDiffSquared);
        float[][] out = new float[2][d];
        float[][] in = {e1, e2};
        for (int w = 0; w < 2; w++) {
            double along = projection(in[w]) - muAlong;
            for (int j = 0; j < d; j++) {
                out[w][j] = (float) (scale * along * unit[j] + muOrth[j]);
            }
        }
        return out;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += a[j] * b[j];
        }
        return s;
    }

    private void checkDimension(float[] e) {
        if (e.length != unit.length) {
            throw new IllegalArgumentException(
                    "the vector has " + e.length + " values, the bias direction " + unit.length);
        }
    }

    private static void checkSameLength(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("the vectors have different lengths: " + a.length + " and " + b.length);
        }
        if (a.length == 0) {
            throw new IllegalArgumentException("the vectors are empty");
        }
    }

    private static double[] unit(double[] d, String whenZero) {
        double n = 0;
        for (double x : d) {
            if (!Double.isFinite(x)) {
                throw new IllegalArgumentException("the vectors hold a non-finite value");
            }
            n += x * x;
        }
        if (n == 0) {
            throw new IllegalArgumentException(whenZero);
        }
        n = Math.sqrt(n);
        for (int j = 0; j < d.length; j++) {
            d[j] /= n;
        }
        return d;
    }
}
