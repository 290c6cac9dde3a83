package dev.seqlab.embeddings.word2vec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Both window kernels against double-precision references, for every shape up to 7 × 7 and several row lengths. */
class WindowKernelTest {

    static Stream<WindowKernel> kernels() {
        return Stream.of(new PlainWindowKernel(), new VectorWindowKernel());
    }

    private static float[] random(SplittableRandom rnd, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) rnd.nextGaussian();
        }
        return a;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kernels")
    void scoresMatchDoubleReference(WindowKernel k) {
        SplittableRandom rnd = new SplittableRandom(3);
        int lanes = k.lanes();
        for (int n = lanes; n <= 7 * lanes; n += 3 * lanes) {
            float[] a = random(rnd, 9 * n);
            float[] b = random(rnd, 9 * n);
            for (int m = 1; m <= 7; m++) {
                for (int t = 1; t <= 7; t++) {
                    int[] aRows = rows(m, n, 9, 2);
                    int[] bRows = rows(t, n, 9, 5);
                    float[] s = new float[m * t];
                    k.scores(a, aRows, m, b, bRows, t, s, n);
                    for (int i = 0; i < m; i++) {
                        for (int j = 0; j < t; j++) {
                            double dot = 0;
                            double mag = 0;
                            for (int p = 0; p < n; p++) {
                                dot += (double) a[aRows[i] + p] * b[bRows[j] + p];
                                mag += Math.abs((double) a[aRows[i] + p] * b[bRows[j] + p]);
                            }
                            assertEquals(dot, s[i * t + j], n * 1.2e-7 * mag + 1e-6, k.name() + " " + m + "x" + t);
                        }
                    }
                }
            }
        }
    }

    /** Output rows repeat (the same context word twice in a window, a noise word drawn twice): each repeat adds its share. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("kernels")
    void accumulateMatchesDoubleReferenceWithRepeatedRows(WindowKernel k) {
        SplittableRandom rnd = new SplittableRandom(5);
        int lanes = k.lanes();
        for (int n = lanes; n <= 7 * lanes; n += 3 * lanes) {
            float[] b = random(rnd, 9 * n);
            for (int m = 1; m <= 7; m++) {
                for (int t = 1; t <= 7; t++) {
                    int[] bRows = rows(t, n, 9, 4);
                    int[] cRows = new int[m];
                    for (int i = 0; i < m; i++) {
                        cRows[i] = (i / 2 * 3 % 6) * n; // rows 0,0,3,3,0,0,3: adjacent and distant repeats
                    }
                    float[] c = random(rnd, 6 * n);
                    float[] g = random(rnd, m * t);
                    double[] want = new double[c.length];
                    for (int p = 0; p < c.length; p++) {
                        want[p] = c[p];
                    }
                    for (int i = 0; i < m; i++) {
                        for (int j = 0; j < t; j++) {
                            for (int p = 0; p < n; p++) {
                                want[cRows[i] + p] += g[i * t + j] * (double) b[bRows[j] + p];
                            }
                        }
                    }
                    k.accumulate(g, m, t, b, bRows, c, cRows, n);
                    for (int p = 0; p < c.length; p++) {
                        assertEquals(want[p], c[p], 1e-4, k.name() + " " + m + "x" + t + " at " + p);
                    }
                }
            }
        }
    }

    /** {@code count} row offsets among {@code rowsInTable} rows of {@code n}, distinct up to the table size, not in order. */
    private static int[] rows(int count, int n, int rowsInTable, int step) {
        int[] rows = new int[count];
        for (int i = 0; i < count; i++) {
            rows[i] = ((i * step + 1) % rowsInTable) * n;
        }
        return rows;
    }
}
