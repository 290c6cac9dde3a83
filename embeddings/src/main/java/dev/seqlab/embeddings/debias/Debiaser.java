package dev.seqlab.embeddings.debias;

import dev.seqlab.embeddings.WordVectors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * Hard debiasing of a whole vocabulary (Bolukbasi et al. 2016, as in the course):
 *
 * <ol>
 *   <li>every vector is scaled to unit length, as Bolukbasi et al. do, because equalization's
 *       {@code √(1 − ‖μ⊥‖²)} term assumes unit vectors (raw GloVe vectors have lengths around 4–8,
 *       for which the course's formula gives lengths unrelated to the other words');</li>
 *   <li>the bias direction is the difference of the one definitional pair, or the first principal
 *       component of the centred definitional pairs ({@link BiasDirection#principal});</li>
 *   <li>each neutral word is neutralized ({@link BiasDirection#neutralize}), without rescaling;</li>
 *   <li>each pair to equalize is equalized with the course's formula ({@link BiasDirection#equalize}).</li>
 * </ol>
 *
 * <p>So the result has unit-length vectors except for the words it changed. Cosine similarities
 * between words it did not change are the same as before. Listed words that are not in the
 * vocabulary (a pair counts only when both of its words are) are skipped and reported.
 *
 * <pre>{@code
 * DebiasResult r = Debiaser.debias(wv, DebiasLists.defaults());
 * r.projections().forEach(p -> System.out.println(p.word() + " " + p.before() + " -> " + p.after()));
 * }</pre>
 */
public final class Debiaser {

    private Debiaser() {}

    /**
     * Debiases {@code vectors} (not modified) with the given lists.
     *
     * @throws IllegalArgumentException if no definitional pair is in the vocabulary, the pairs
     *                                  define no direction, or a pair to equalize has two equal vectors
     */
    public static DebiasResult debias(WordVectors vectors, DebiasLists lists) {
        int dim = vectors.dimension();
        float[] matrix = unitRows(vectors);
        Changes c = changes(vectors, lists, i -> row(matrix, i, dim));
        for (Map.Entry<String, float[]> e : c.changed().entrySet()) {
            System.arraycopy(e.getValue(), 0, matrix, vectors.indexOf(e.getKey()) * dim, dim);
        }
        WordVectors out = WordVectors.of(vectors.words(), matrix, dim);
        return new DebiasResult(out, c.direction(), c.used(), c.projections(), c.missing());
    }

    /**
     * What {@link #debias} would do to the listed words, without copying the vocabulary: the same
     * direction and the same projections before and after (bit for bit), for interactive views
     * over large vocabularies.
     *
     * @throws IllegalArgumentException as {@link #debias}
     */
    public static DebiasPreview preview(WordVectors vectors, DebiasLists lists) {
        Changes c = changes(vectors, lists, i -> unit(vectors.vector(i)));
        return new DebiasPreview(c.direction(), c.used(), c.projections(), c.missing());
    }

    /** The direction, the pairs that defined it, the new unit vectors of the listed words, and their projections. */
    private record Changes(
            BiasDirection direction,
            List<WordPair> used,
            Map<String, float[]> changed,
            List<WordProjection> projections,
            List<String> missing) {}

    private static Changes changes(WordVectors vectors, DebiasLists lists, IntFunction<float[]> unitRow) {
        Set<String> missing = new LinkedHashSet<>();

        List<WordPair> used = present(vectors, lists.definitional(), missing);
        if (used.isEmpty()) {
            throw new IllegalArgumentException("none of the "
                    + lists.definitional().size() + " definitional pairs has both words in the vocabulary (e.g. "
                    + lists.definitional().get(0) + ")");
        }
        List<float[]> firsts = new ArrayList<>();
        List<float[]> seconds = new ArrayList<>();
        for (WordPair p : used) {
            firsts.add(unitRow.apply(vectors.indexOf(p.first())));
            seconds.add(unitRow.apply(vectors.indexOf(p.second())));
        }
        BiasDirection g = BiasDirection.principal(firsts, seconds);

        Map<String, float[]> changed = new LinkedHashMap<>();
        Map<String, WordProjection.Role> roles = new LinkedHashMap<>();
        for (String w : lists.neutral()) {
            int i = vectors.indexOf(w);
            if (i < 0) {
                missing.add(w);
                continue;
            }
            changed.put(w, g.neutralize(unitRow.apply(i)));
            roles.put(w, WordProjection.Role.NEUTRALIZED);
        }
        for (WordPair p : present(vectors, lists.equalize(), missing)) {
            float[][] eq;
            try {
                eq = g.equalize(unitRow.apply(vectors.indexOf(p.first())), unitRow.apply(vectors.indexOf(p.second())));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("cannot equalize " + p + ": " + e.getMessage(), e);
            }
            changed.put(p.first(), eq[0]);
            changed.put(p.second(), eq[1]);
            roles.put(p.first(), WordProjection.Role.EQUALIZED);
            roles.put(p.second(), WordProjection.Role.EQUALIZED);
        }
        List<WordProjection> projections = new ArrayList<>();
        for (Map.Entry<String, WordProjection.Role> e : roles.entrySet()) {
            double before = g.projection(unitRow.apply(vectors.indexOf(e.getKey())));
            double after = g.projection(changed.get(e.getKey()));
            projections.add(new WordProjection(e.getKey(), e.getValue(), before, after));
        }
        return new Changes(g, used, changed, projections, new ArrayList<>(missing));
    }

    /** The matrix of {@code vectors} with every row scaled to unit length (in double; zero rows stay zero). */
    private static float[] unitRows(WordVectors vectors) {
        int dim = vectors.dimension();
        float[] m = vectors.copyOfMatrix();
        for (int i = 0; i < vectors.size(); i++) {
            scaleToUnit(m, i * dim, dim);
        }
        return m;
    }

    /** {@code v} scaled to unit length in place, as {@link #unitRows} scales each row. */
    private static float[] unit(float[] v) {
        scaleToUnit(v, 0, v.length);
        return v;
    }

    private static void scaleToUnit(float[] m, int from, int dim) {
        double n = 0;
        for (int j = from; j < from + dim; j++) {
            n += (double) m[j] * m[j];
        }
        if (n > 0) {
            double s = Math.sqrt(n);
            for (int j = from; j < from + dim; j++) {
                m[j] = (float) (m[j] / s);
            }
        }
    }

    private static float[] row(float[] matrix, int i, int dim) {
        return Arrays.copyOfRange(matrix, i * dim, (i + 1) * dim);
    }

    private static List<WordPair> present(WordVectors t, List<WordPair> pairs, Set<String> missing) {
        List<WordPair> out = new ArrayList<>();
        for (WordPair p : pairs) {
            boolean a = t.contains(p.first());
            boolean b = t.contains(p.second());
            if (!a) {
                missing.add(p.first());
            }
            if (!b) {
                missing.add(p.second());
            }
            if (a && b) {
                out.add(p);
            }
        }
        return out;
    }
}
