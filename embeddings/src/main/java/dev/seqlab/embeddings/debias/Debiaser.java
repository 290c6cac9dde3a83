package dev.seqlab.embeddings.debias;

import dev.seqlab.embeddings.WordVectors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
            firsts.add(row(matrix, vectors.indexOf(p.first()), dim));
            seconds.add(row(matrix, vectors.indexOf(p.second()), dim));
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
            changed.put(w, g.neutralize(row(matrix, i, dim)));
            roles.put(w, WordProjection.Role.NEUTRALIZED);
        }
        for (WordPair p : present(vectors, lists.equalize(), missing)) {
            float[][] eq;
            try {
                eq = g.equalize(
                        row(matrix, vectors.indexOf(p.first()), dim), row(matrix, vectors.indexOf(p.second()), dim));
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
            int i = vectors.indexOf(e.getKey());
            double before = g.projection(row(matrix, i, dim));
            float[] after = changed.get(e.getKey());
            System.arraycopy(after, 0, matrix, i * dim, dim);
            projections.add(new WordProjection(e.getKey(), e.getValue(), before, g.projection(after)));
        }
        WordVectors out = WordVectors.of(vectors.words(), matrix, dim);
        return new DebiasResult(out, g, used, projections, new ArrayList<>(missing));
    }

    /** The matrix of {@code vectors} with every row scaled to unit length (in double; zero rows stay zero). */
    private static float[] unitRows(WordVectors vectors) {
        int dim = vectors.dimension();
        float[] m = vectors.copyOfMatrix();
        for (int i = 0; i < vectors.size(); i++) {
            double n = 0;
            for (int j = i * dim; j < (i + 1) * dim; j++) {
                n += (double) m[j] * m[j];
            }
            if (n > 0) {
                double s = Math.sqrt(n);
                for (int j = i * dim; j < (i + 1) * dim; j++) {
                    m[j] = (float) (m[j] / s);
                }
            }
        }
        return m;
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
