package dev.seqlab.core.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seqlab.core.random.SeededRandom;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The sampling chain: distributions against exact probabilities (chi-square, fixed seeds),
 * top-k/top-p edge cases, temperature → 0, ties, and one random number per draw.
 */
class TokenSamplerTest {

    private static float[] logitsOf(double... probabilities) {
        float[] l = new float[probabilities.length];
        for (int i = 0; i < l.length; i++) {
            l[i] = (float) Math.log(probabilities[i]);
        }
        return l;
    }

    /** Pearson's chi-square statistic of counts against expected probabilities (cells with p = 0 must be empty). */
    private static double chiSquare(int[] counts, double[] expected, int n) {
        double chi2 = 0;
        for (int i = 0; i < counts.length; i++) {
            if (expected[i] == 0) {
                assertEquals(0, counts[i], "a cell of probability 0 was drawn: " + i);
                continue;
            }
            double e = expected[i] * n;
            chi2 += (counts[i] - e) * (counts[i] - e) / e;
        }
        return chi2;
    }

    private static int[] counts(TokenSampler s, float[] logits, int n, long seed) {
        SeededRandom rng = new SeededRandom(seed);
        int[] c = new int[logits.length];
        for (int i = 0; i < n; i++) {
            c[s.draw(logits, rng)]++;
        }
        return c;
    }

    @Test
    void drawHonoursTemperatureTopKAndTopP() {
        float[] logits = {(float) Math.log(1), (float) Math.log(2), (float) Math.log(3), (float) Math.log(4)};
        SeededRandom rng = new SeededRandom(8);
        int n = 100_000;
        int[] counts = new int[4];
        TokenSampler plain = new TokenSampler(1.0, 0, 1.0);
        for (int i = 0; i < n; i++) {
            counts[plain.draw(logits, rng)]++;
        }
        for (int k = 0; k < 4; k++) {
            assertEquals((k + 1) / 10.0, counts[k] / (double) n, 0.006, "class " + k);
        }
        // top-k = 2 keeps classes 3 and 2 in ratio 4:3
        int[] c2 = new int[4];
        TokenSampler top2 = new TokenSampler(1.0, 2, 1.0);
        for (int i = 0; i < n; i++) {
            c2[top2.draw(logits, rng)]++;
        }
        assertEquals(0, c2[0] + c2[1]);
        assertEquals(4.0 / 7, c2[3] / (double) n, 0.006);
        // top-p = 0.65 keeps 0.4 + 0.3 = 0.7 ≥ 0.65: classes 3 and 2
        int[] c3 = new int[4];
        TokenSampler nucleus = new TokenSampler(1.0, 0, 0.65);
        for (int i = 0; i < n; i++) {
            c3[nucleus.draw(logits, rng)]++;
        }
        assertEquals(0, c3[0] + c3[1]);
        // temperature → 0 concentrates on the argmax
        assertEquals(3, new TokenSampler(1e-3, 0, 1.0).draw(logits, rng));
    }

    @Test
    void drawsFollowTheExactTruncatedDistributions() {
        double[] probs = {0.05, 0.25, 0.1, 0.3, 0.02, 0.18, 0.1};
        float[] logits = logitsOf(probs);
        int n = 200_000;
        // chi-square critical values at 0.1 % for 6, 3 and 2 degrees of freedom
        double[] all = probs.clone();
        assertTrue(chiSquare(counts(new TokenSampler(1.0, 0, 1.0), logits, n, 1), all, n) < 22.46);
        // top-k = 4: {3, 1, 5} and one of the two 0.1s — the lower index, 2
        double[] k4 = new double[7];
        double z4 = 0.3 + 0.25 + 0.18 + 0.1;
        k4[3] = 0.3 / z4;
        k4[1] = 0.25 / z4;
        k4[5] = 0.18 / z4;
        k4[2] = 0.1 / z4;
        assertTrue(chiSquare(counts(new TokenSampler(1.0, 4, 1.0), logits, n, 2), k4, n) < 16.27);
        // top-p = 0.7: 0.3 + 0.25 = 0.55 < 0.7 ≤ 0.73 with 0.18
        double[] p7 = new double[7];
        p7[3] = 0.3 / 0.73;
        p7[1] = 0.25 / 0.73;
        p7[5] = 0.18 / 0.73;
        assertTrue(chiSquare(counts(new TokenSampler(1.0, 0, 0.7), logits, n, 3), p7, n) < 13.82);
        // temperature 2 flattens: p ∝ sqrt(p)
        double[] t2 = new double[7];
        double z = 0;
        for (int i = 0; i < 7; i++) {
            t2[i] = Math.sqrt(probs[i]);
            z += t2[i];
        }
        for (int i = 0; i < 7; i++) {
            t2[i] /= z;
        }
        assertTrue(chiSquare(counts(new TokenSampler(2.0, 0, 1.0), logits, n, 4), t2, n) < 22.46);
        double[] reported = new double[7];
        new TokenSampler(2.0, 0, 1.0).probabilities(logits, 0, 7, reported);
        assertArrayEquals(t2, reported, 1e-6);
    }

    @Test
    void edgeCasesOfTopKTopPAndTemperatureAreTheArgmax() {
        float[] logits = logitsOf(0.1, 0.3, 0.2, 0.3, 0.1); // a tie for the top: indices 1 and 3
        SeededRandom rng = new SeededRandom(5);
        for (int i = 0; i < 1000; i++) {
            assertEquals(1, new TokenSampler(1.0, 1, 1.0).draw(logits, rng), "k = 1 is the first argmax");
            assertEquals(1, new TokenSampler(1.0, 0, 1e-9).draw(logits, rng), "p → 0 is the first argmax");
            assertEquals(1, new TokenSampler(1.0, 3, 1e-9).draw(logits, rng));
        }
        float[] strict = logitsOf(0.1, 0.2, 0.4, 0.3);
        assertEquals(2, new TokenSampler(1e-4, 0, 1.0).draw(strict, rng), "temperature → 0 is the argmax");
        // a tie at the top-k boundary keeps the lower index
        int[] c = counts(new TokenSampler(1.0, 2, 1.0), logits, 10_000, 6);
        assertEquals(0, c[0] + c[2] + c[4]);
        assertTrue(c[1] > 4000 && c[3] > 4000, Arrays.toString(c));
        // k larger than the vocabulary keeps everything
        int[] all = counts(new TokenSampler(1.0, 50, 1.0), logits, 10_000, 7);
        assertTrue(Arrays.stream(all).allMatch(x -> x > 500), Arrays.toString(all));
        // a single token
        assertEquals(0, new TokenSampler(0.5, 3, 0.5).draw(new float[] {-4f}, rng));
    }

    @Test
    void eachDrawTakesExactlyOneRandomNumber() {
        float[] logits = logitsOf(0.2, 0.2, 0.2, 0.2, 0.2);
        for (TokenSampler s : new TokenSampler[] {new TokenSampler(1.0, 0, 1.0), new TokenSampler(0.7, 2, 0.9)}) {
            SeededRandom rng = new SeededRandom(9);
            SeededRandom twin = new SeededRandom(9);
            for (int i = 0; i < 37; i++) {
                s.draw(logits, rng);
                twin.nextDouble();
            }
            assertEquals(twin.nextLong(), rng.nextLong());
        }
    }

    @Test
    void scratchGrowsAndShrinksWithTheVocabulary() {
        TokenSampler s = new TokenSampler(1.0, 3, 0.9);
        SeededRandom rng = new SeededRandom(10);
        float[] big = new float[100];
        big[42] = 50f;
        assertEquals(42, s.draw(big, rng));
        assertEquals(1, s.draw(new float[] {0f, 60f, 1f}, rng));
        float[] offset = {99f, 0f, 0f, 70f, 0f};
        assertEquals(2, s.draw(offset, 1, 4, rng), "only logits[1..5) count");
    }

    @Test
    void orderMatchesABoxedSortWithTiesByIndex() {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int n : new int[] {1, 2, 3, 8, 61, 100, 257}) {
            double[] p = new double[n];
            for (int i = 0; i < n; i++) {
                p[i] = rnd.nextInt(7) / 7.0; // many ties
            }
            int[] order = new int[n];
            ProbabilityOrder.sort(p, n, order, new int[n]);
            Integer[] ref = new Integer[n];
            for (int i = 0; i < n; i++) {
                ref[i] = i;
            }
            Arrays.sort(ref, (a, b) -> p[b] != p[a] ? Double.compare(p[b], p[a]) : Integer.compare(a, b));
            for (int i = 0; i < n; i++) {
                assertEquals(ref[i], order[i], "n=" + n + " position " + i);
            }
            for (int k : new int[] {0, 1, 2, n / 3, n - 1, n}) {
                if (k < 0 || k > n) {
                    continue;
                }
                int[] best = new int[n];
                ProbabilityOrder.best(p, n, k, best, new int[n]);
                for (int i = 0; i < k; i++) {
                    assertEquals(ref[i], best[i], "best " + k + " of n=" + n + " position " + i);
                }
            }
        }
    }

    @Test
    void badSettingsAreRejectedNamingTheValue() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new TokenSampler(0, 0, 1))
                .getMessage()
                .contains("0.0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new TokenSampler(1, -2, 1))
                .getMessage()
                .contains("-2"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new TokenSampler(1, 0, 1.5))
                .getMessage()
                .contains("1.5"));
    }
}
