package dev.seqlab.embeddings.word2vec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.seqlab.core.kernel.VectorShapes;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Both word2vec kernels against double-precision references, for every padded length up to 200 and at offsets. */
class Word2VecKernelTest {

    static Stream<Word2VecKernel> kernels() {
        return Stream.of(new PlainWord2VecKernel(), new VectorWord2VecKernel());
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
    void matchesDoubleReferences(Word2VecKernel k) {
        SplittableRandom rnd = new SplittableRandom(4);
        int lanes = k.lanes();
        for (int n = lanes; n <= 200; n += lanes) {
            int off = 3 * lanes;
            float[] a = random(rnd, n + off);
            float[] b = random(rnd, n + off);
            double dot = 0;
            double mag = 0;
            for (int i = 0; i < n; i++) {
                dot += (double) a[off + i] * b[i];
                mag += Math.abs((double) a[off + i] * b[i]);
            }
            assertEquals(dot, k.dot(a, off, b, 0, n), n * 1.2e-7 * mag + 1e-6, k.name() + " dot n=" + n);

            float[] y = b.clone();
            k.axpy(0.3f, a, off, y, 0, n);
            for (int i = 0; i < n; i++) {
                assertEquals(b[i] + 0.3 * a[off + i], y[i], 1e-5, k.name() + " axpy n=" + n);
            }

            float[] in = random(rnd, n + off);
            float[] out = random(rnd, n + off);
            float[] acc = random(rnd, n);
            float[] out0 = out.clone();
            float[] acc0 = acc.clone();
            k.update(-0.7f, in, off, out, off, acc, n);
            for (int i = 0; i < n; i++) {
                assertEquals(acc0[i] - 0.7 * out0[off + i], acc[i], 1e-5, k.name() + " update acc n=" + n);
                assertEquals(out0[off + i] - 0.7 * in[off + i], out[off + i], 1e-5, k.name() + " update out n=" + n);
            }
            for (int i = 0; i < off; i++) {
                assertEquals(out0[i], out[i], k.name() + " update wrote before its row");
            }

            float[] x = a.clone();
            k.scale(0.25f, x, n);
            for (int i = 0; i < n; i++) {
                assertEquals(a[i] * 0.25f, x[i], 0f, k.name() + " scale n=" + n);
            }
        }
    }

    /** The batched forms against one-row double references, for 1 to 7 rows (odd counts leave a single row). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("kernels")
    void batchedDotsAndUpdatesMatchDoubleReferences(Word2VecKernel k) {
        SplittableRandom rnd = new SplittableRandom(8);
        int lanes = k.lanes();
        for (int n = lanes; n <= 120; n += lanes) {
            for (int count = 1; count <= 7; count++) {
                int rowsInTable = 9;
                float[] table = random(rnd, rowsInTable * n);
                float[] in = random(rnd, n + lanes);
                int io = lanes;
                int[] rows = new int[count];
                for (int c = 0; c < count; c++) {
                    rows[c] = ((c * 4 + 1) % rowsInTable) * n; // distinct rows, not in order
                }
                float[] dots = new float[count];
                k.dots(in, io, table, rows, count, dots, n);
                float[] g = new float[count];
                for (int c = 0; c < count; c++) {
                    double dot = 0;
                    double mag = 0;
                    for (int i = 0; i < n; i++) {
                        dot += (double) in[io + i] * table[rows[c] + i];
                        mag += Math.abs((double) in[io + i] * table[rows[c] + i]);
                    }
                    assertEquals(dot, dots[c], n * 1.2e-7 * mag + 1e-6, k.name() + " dots n=" + n + " count=" + count);
                    g[c] = (float) rnd.nextGaussian();
                }
                float[] acc = random(rnd, n);
                double[] wantAcc = new double[n];
                double[] wantTable = new double[table.length];
                for (int i = 0; i < n; i++) {
                    wantAcc[i] = acc[i];
                }
                for (int i = 0; i < table.length; i++) {
                    wantTable[i] = table[i];
                }
                for (int c = 0; c < count; c++) {
                    for (int i = 0; i < n; i++) {
                        wantAcc[i] += g[c] * (double) table[rows[c] + i];
                        wantTable[rows[c] + i] += g[c] * (double) in[io + i];
                    }
                }
                k.updates(g, in, io, table, rows, count, acc, n);
                for (int i = 0; i < n; i++) {
                    assertEquals(wantAcc[i], acc[i], 1e-4, k.name() + " updates acc n=" + n + " count=" + count);
                }
                for (int i = 0; i < table.length; i++) {
                    assertEquals(wantTable[i], table[i], 1e-5, k.name() + " updates table n=" + n + " count=" + count);
                }
            }
        }
    }

    /** Mixing float species in one JVM slows all Vector API code there (see VectorShapes). */
    @Test
    void simdKernelUsesTheProjectsOneSpecies() {
        assertEquals(VectorShapes.FLOATS.length(), new VectorWord2VecKernel().lanes());
    }

    /** CBOW's row sums and multi-row adds against double references, rows repeated and out of order, 0 to 10 rows. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("kernels")
    void rowSumsAndRowAddsMatchDoubleReferences(Word2VecKernel k) {
        SplittableRandom rnd = new SplittableRandom(12);
        int lanes = k.lanes();
        for (int n = lanes; n <= 200; n += lanes) {
            for (int count = 0; count <= 10; count++) {
                int rowsInTable = 6;
                float[] table = random(rnd, rowsInTable * n);
                int[] rows = new int[count];
                float[] a = new float[count];
                for (int c = 0; c < count; c++) {
                    rows[c] = rnd.nextInt(rowsInTable) * n; // repeats allowed, as a word twice in a window
                    a[c] = (float) rnd.nextGaussian();
                }
                int oo = 2 * lanes;
                float[] out = random(rnd, oo + n + lanes);
                float[] before = out.clone();
                k.sumRows(0.5f, table, rows, count, out, oo, n);
                float[] y = random(rnd, oo + n + lanes);
                float[] y0 = y.clone();
                k.addRows(a, table, rows, count, y, oo, n);
                for (int i = 0; i < n; i++) {
                    double sum = 0;
                    double add = y0[oo + i];
                    for (int c = 0; c < count; c++) {
                        sum += table[rows[c] + i];
                        add += a[c] * (double) table[rows[c] + i];
                    }
                    String at = k.name() + " n=" + n + " count=" + count + " i=" + i;
                    assertEquals(0.5 * sum, out[oo + i], 1e-5 * (count + 1), "sumRows " + at);
                    assertEquals(add, y[oo + i], 1e-5 * (count + 1), "addRows " + at);
                }
                for (int i = 0; i < oo; i++) {
                    assertEquals(before[i], out[i], 0f, k.name() + " sumRows wrote before its row");
                    assertEquals(y0[i], y[i], 0f, k.name() + " addRows wrote before its row");
                }
                for (int i = oo + n; i < out.length; i++) {
                    assertEquals(before[i], out[i], 0f, k.name() + " sumRows wrote after its row");
                    assertEquals(y0[i], y[i], 0f, k.name() + " addRows wrote after its row");
                }
            }
        }
    }
}
