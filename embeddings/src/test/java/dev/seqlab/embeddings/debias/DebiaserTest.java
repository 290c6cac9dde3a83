package dev.seqlab.embeddings.debias;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seqlab.embeddings.WordVectors;
import dev.seqlab.embeddings.fixtures.Vectors;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DebiaserTest {

    /** A vocabulary whose gender lies roughly along the first axis, with non-unit lengths. */
    private static WordVectors vocabulary() {
        List<String> words = List.of("woman", "man", "girl", "boy", "she", "he", "nurse", "engineer", "apple");
        float[][] v = {
            {2.0f, 1.0f, 0.5f, 0.1f}, {-2.0f, 1.2f, 0.4f, 0.0f},
            {1.5f, -0.5f, 1.0f, 0.3f}, {-1.0f, -0.4f, 1.1f, 0.5f},
            {3.0f, 0.2f, -0.3f, 1.0f}, {-2.5f, 0.1f, -0.2f, 1.4f},
            {1.2f, 2.0f, 2.0f, -1.0f}, {-0.9f, 1.8f, 2.2f, -0.6f},
            {0.1f, -3.0f, 0.2f, 0.3f}
        };
        return Vectors.of(words, v);
    }

    private static final DebiasLists LISTS = new DebiasLists(
            List.of(new WordPair("woman", "man"), new WordPair("girl", "boy"), new WordPair("she", "he")),
            List.of(new WordPair("woman", "man"), new WordPair("girl", "boy"), new WordPair("queen", "king")),
            List.of("nurse", "engineer", "astronaut"));

    @Test
    void neutralWordsLoseTheirProjection() {
        WordVectors in = vocabulary();
        DebiasResult r = Debiaser.debias(in, LISTS);
        for (String w : List.of("nurse", "engineer")) {
            assertEquals(0, r.direction().projection(r.vectors().vector(w)), 1e-6, w);
        }
        // the report's "before" is the cosine of the original vector with the direction
        WordProjection nurse = r.projections().get(0);
        assertEquals("nurse", nurse.word());
        assertEquals(WordProjection.Role.NEUTRALIZED, nurse.role());
        assertEquals(cosine(in.vector("nurse"), r.direction().unitVector()), nurse.before(), 1e-6);
        assertTrue(Math.abs(nurse.before()) > 0.1, "the test vocabulary should start biased");
        assertEquals(0, nurse.after(), 1e-6);
    }

    @Test
    void equalizedPairsMirrorEachOtherAndAreEquidistantFromNeutralWords() {
        DebiasResult r = Debiaser.debias(vocabulary(), LISTS);
        double[] u = r.direction().unitVector();
        for (String[] pair : new String[][] {{"woman", "man"}, {"girl", "boy"}}) {
            float[] a = r.vectors().vector(pair[0]);
            float[] b = r.vectors().vector(pair[1]);
            double pa = r.direction().projection(a);
            double pb = r.direction().projection(b);
            assertEquals(-pa, pb, 1e-6);
            assertTrue(pa > 0, "the female word stays on the positive side");
            for (int j = 0; j < a.length; j++) {
                assertEquals(a[j] - pa * u[j], b[j] - pb * u[j], 1e-6);
            }
            for (String neutral : List.of("nurse", "engineer")) {
                float[] n = r.vectors().vector(neutral);
                assertEquals(
                        BiasDirectionTest.distance(a, n),
                        BiasDirectionTest.distance(b, n),
                        1e-6,
                        pair[0] + " " + neutral);
            }
        }
    }

    @Test
    void otherWordsAreOnlyScaledToUnitLength() {
        WordVectors in = vocabulary();
        DebiasResult r = Debiaser.debias(in, LISTS);
        float[] apple = in.vector("apple");
        double n = Math.sqrt(dot(apple, apple));
        float[] out = r.vectors().vector("apple");
        for (int j = 0; j < apple.length; j++) {
            assertEquals(apple[j] / n, out[j], 1e-6);
        }
        // she/he define the direction but are not equalized
        float[] she = in.vector("she");
        assertEquals(1, Math.sqrt(dot(r.vectors().vector("she"), r.vectors().vector("she"))), 1e-6);
        assertEquals(
                cosine(she, r.direction().unitVector()),
                r.direction().projection(r.vectors().vector("she")),
                1e-6);
    }

    @Test
    void directionIsTheTopEigenvectorOfThePairDifferences() {
        WordVectors unit = vocabulary();
        DebiasResult r = Debiaser.debias(vocabulary(), LISTS);
        int d = unit.dimension();
        double[][] m = new double[d][d];
        List<double[]> diffs = new ArrayList<>();
        for (String[] p : new String[][] {{"woman", "man"}, {"girl", "boy"}, {"she", "he"}}) {
            float[] a = unit(unit, p[0]);
            float[] b = unit(unit, p[1]);
            double[] diff = new double[d];
            for (int j = 0; j < d; j++) {
                diff[j] = (double) a[j] - b[j];
            }
            diffs.add(diff);
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    m[i][j] += diff[i] * diff[j];
                }
            }
        }
        double[] g = r.direction().unitVector();
        double rayleigh = quadratic(m, g);
        double[] mg = new double[d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                mg[i] += m[i][j] * g[j];
            }
            assertEquals(rayleigh * g[i], mg[i], 1e-9, "M g = λ g at " + i);
        }
        SplittableRandom rnd = new SplittableRandom(11);
        for (int k = 0; k < 200; k++) {
            float[] x = BiasDirectionTest.unitRandom(rnd, d);
            double[] xd = new double[d];
            for (int j = 0; j < d; j++) {
                xd[j] = x[j];
            }
            assertTrue(quadratic(m, xd) <= rayleigh * (1 + 1e-6) + 1e-9);
        }
        double mean = 0;
        for (double[] diff : diffs) {
            for (int j = 0; j < d; j++) {
                mean += diff[j] * g[j];
            }
        }
        assertTrue(mean > 0);
        assertEquals(3, r.directionPairs().size());
    }

    @Test
    void reportsMissingWordsAndTheListedWordsInOrder() {
        DebiasResult r = Debiaser.debias(vocabulary(), LISTS);
        assertEquals(List.of("astronaut", "queen", "king"), r.missing());
        List<String> reported =
                r.projections().stream().map(WordProjection::word).toList();
        assertEquals(List.of("nurse", "engineer", "woman", "man", "girl", "boy"), reported);
    }

    @Test
    void previewGivesTheSameDirectionAndProjectionsWithoutTheVocabulary() {
        DebiasResult r = Debiaser.debias(vocabulary(), LISTS);
        DebiasPreview p = Debiaser.preview(vocabulary(), LISTS);
        assertArrayEquals(r.direction().unitVector(), p.direction().unitVector());
        assertEquals(r.directionPairs(), p.directionPairs());
        assertEquals(r.projections(), p.projections());
        assertEquals(r.missing(), p.missing());
    }

    @Test
    void onePairIsTheCoursesDifference() {
        DebiasLists one = new DebiasLists(List.of(new WordPair("woman", "man")), List.of(), List.of("nurse"));
        WordVectors unit = vocabulary();
        DebiasResult r = Debiaser.debias(vocabulary(), one);
        float[] w = unit(unit, "woman");
        float[] m = unit(unit, "man");
        double[] g = new double[w.length];
        double n = 0;
        for (int j = 0; j < g.length; j++) {
            g[j] = (double) w[j] - m[j];
            n += g[j] * g[j];
        }
        for (int j = 0; j < g.length; j++) {
            g[j] /= Math.sqrt(n);
        }
        assertArrayEquals(g, r.direction().unitVector(), 1e-7);
    }

    @Test
    void noPairInTheVocabularyIsAnError() {
        DebiasLists lists = new DebiasLists(List.of(new WordPair("queen", "king")), List.of(), List.of());
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Debiaser.debias(vocabulary(), lists));
        assertTrue(e.getMessage().contains("queen/king"), e.getMessage());
        WordVectors twins = Vectors.of(
                List.of("woman", "man", "girl", "boy"),
                new float[][] {{2, 1, 0, 0}, {-2, 1, 0, 0}, {1, 1, 1, 1}, {1, 1, 1, 1}});
        DebiasLists eq =
                new DebiasLists(List.of(new WordPair("woman", "man")), List.of(new WordPair("girl", "boy")), List.of());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Debiaser.debias(twins, eq))
                .getMessage()
                .contains("girl/boy"));
    }

    /** The word's vector scaled to unit length in double, then rounded to float, as the debiaser stores it. */
    private static float[] unit(WordVectors wv, String word) {
        float[] v = wv.vector(word);
        double n = Math.sqrt(dot(v, v));
        for (int j = 0; j < v.length; j++) {
            v[j] = (float) (v[j] / n);
        }
        return v;
    }

    private static double quadratic(double[][] m, double[] x) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x.length; j++) {
                s += x[i] * m[i][j] * x[j];
            }
        }
        return s;
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += (double) a[j] * b[j];
        }
        return s;
    }

    private static double cosine(float[] e, double[] unitG) {
        double s = 0;
        for (int j = 0; j < e.length; j++) {
            s += e[j] * unitG[j];
        }
        return s / Math.sqrt(dot(e, e));
    }
}
