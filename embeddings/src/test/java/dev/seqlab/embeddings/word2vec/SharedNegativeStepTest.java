package dev.seqlab.embeddings.word2vec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The window step against the gradient of the window's loss in double precision, and against
 * the one-row {@link NegativeStep} it generalises.
 */
class SharedNegativeStepTest {
    private static final int WORDS = 12;
    private static final int NEGATIVE = 4;

    private final int stride = 2 * WindowKernels.kernel().lanes();
    private final NegativeSamplingTable table =
            NegativeSamplingTable.build(new long[] {9, 8, 7, 6, 5, 5, 4, 3, 3, 2, 2, 1});

    private float[] random(SplittableRandom rnd, double scale) {
        float[] a = new float[WORDS * stride];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) (rnd.nextGaussian() * scale);
        }
        return a;
    }

    /** The targets the step draws for job 7 of seed 1: the word, then its noise words (drops of the word removed). */
    private int[] targets(int word) {
        JobRandom r = new JobRandom(1);
        r.startJob(7);
        int[] t = new int[NEGATIVE + 1];
        int n = 0;
        t[n++] = word;
        for (int d = 0; d < NEGATIVE; d++) {
            int s = table.sample(r.next());
            if (s != word) {
                t[n++] = s;
            }
        }
        return Arrays.copyOf(t, n);
    }

    private static double logSigmoid(double x) {
        return -Math.log1p(Math.exp(-x));
    }

    /** The window's loss in double: sum over context rows of -log σ(a·b_word) - Σ log σ(-a·b_noise). */
    private double loss(double[] in, int[] contexts, double[] out, int[] targets) {
        double sum = 0;
        for (int c : contexts) {
            for (int j = 0; j < targets.length; j++) {
                double dot = 0;
                for (int p = 0; p < stride; p++) {
                    dot += in[c * stride + p] * out[targets[j] * stride + p];
                }
                sum -= logSigmoid(j == 0 ? dot : -dot);
            }
        }
        return sum;
    }

    @Test
    void updatesAreMinusAlphaTimesTheFiniteDifferenceGradient() {
        SplittableRandom rnd = new SplittableRandom(11);
        float[] input = random(rnd, 0.4);
        float[] output = random(rnd, 0.4);
        int word = 2;
        int[] contexts = {5, 0, 5, 9}; // word 5 twice, as in a window that holds it twice
        int m = contexts.length;
        int[] targets = targets(word);
        float[] copy = new float[m * stride];
        int[] copyRows = new int[m];
        int[] inputRows = new int[m];
        for (int i = 0; i < m; i++) {
            copyRows[i] = i * stride;
            inputRows[i] = contexts[i] * stride;
            System.arraycopy(input, inputRows[i], copy, copyRows[i], stride);
        }
        double[] in = toDouble(input);
        double[] out = toDouble(output);
        float alpha = 0.01f;
        SharedNegativeStep step = new SharedNegativeStep(table, output, stride, NEGATIVE, m);
        JobRandom r = new JobRandom(1);
        r.startJob(7);
        float[] input0 = input.clone();
        float[] output0 = output.clone();
        step.step(word, copy, copyRows, input, inputRows, m, alpha, r);

        assertEquals(loss(in, contexts, out, targets), step.loss(), 2e-3 * m * targets.length, "loss");
        double h = 1e-5;
        for (double[] x : new double[][] {in, out}) {
            float[] before = x == in ? input0 : output0;
            float[] after = x == in ? input : output;
            for (int i = 0; i < x.length; i++) {
                double keep = x[i];
                x[i] = keep + h;
                double up = loss(in, contexts, out, targets);
                x[i] = keep - h;
                double down = loss(in, contexts, out, targets);
                x[i] = keep;
                double want = -alpha * (up - down) / (2 * h);
                // the sigmoid table's error (< 0.0008 per target) bounds the difference
                assertEquals(want, after[i] - before[i], alpha * 1e-3 * m * targets.length + 1e-7, "element " + i);
            }
        }
    }

    /** CBOW's form: row i predicts its own word, against the shared noise words other than its own word. */
    @Test
    void eachRowLearnsItsOwnWordAgainstTheSharedNoise() {
        SplittableRandom rnd = new SplittableRandom(13);
        float[] hidden = random(rnd, 0.4);
        float[] output = random(rnd, 0.4);
        int m = 3;
        JobRandom r = new JobRandom(1);
        r.startJob(7);
        int[] noise = new int[NEGATIVE];
        for (int d = 0; d < NEGATIVE; d++) {
            noise[d] = table.sample(r.next());
        }
        int[] words = {noise[0], 2, noise[0]}; // rows 0 and 2 share a word that is also drawn as noise
        int[] rows = {0, stride, 2 * stride};
        double[] in = toDouble(hidden);
        double[] out = toDouble(output);
        float[] errors = new float[m * stride];
        float[] output0 = output.clone();
        r.startJob(7);
        SharedNegativeStep step = new SharedNegativeStep(table, output, stride, NEGATIVE, m);
        float alpha = 0.01f;
        step.stepEach(words, hidden, rows, errors, rows, m, alpha, r);

        double h = 1e-5;
        for (int x = 0; x < in.length + out.length; x++) {
            double[] a = x < in.length ? in : out;
            int i = x < in.length ? x : x - in.length;
            double keep = a[i];
            a[i] = keep + h;
            double up = eachLoss(in, words, out, noise);
            a[i] = keep - h;
            double down = eachLoss(in, words, out, noise);
            a[i] = keep;
            double want = -alpha * (up - down) / (2 * h);
            double got = x < in.length ? (i < errors.length ? errors[i] : 0) : output[i] - output0[i];
            assertEquals(want, got, alpha * 1e-3 * m * (NEGATIVE + 1) + 1e-7, "element " + x);
        }
        assertEquals(eachLoss(in, words, out, noise), step.loss(), 2e-3 * m * (NEGATIVE + 1), "loss");
    }

    private double eachLoss(double[] in, int[] words, double[] out, int[] noise) {
        double sum = 0;
        for (int i = 0; i < words.length; i++) {
            sum -= logSigmoid(dot(in, i, out, words[i]));
            for (int n : noise) {
                if (n != words[i]) {
                    sum -= logSigmoid(-dot(in, i, out, n));
                }
            }
        }
        return sum;
    }

    private double dot(double[] a, int row, double[] b, int word) {
        double d = 0;
        for (int p = 0; p < stride; p++) {
            d += a[row * stride + p] * b[word * stride + p];
        }
        return d;
    }

    /**
     * Where no noise word is drawn twice (NegativeStep then updates a repeated row between its
     * two uses, by design) the two steps agree to rounding.
     */
    @Test
    void oneRowIsTheOneRowNegativeStep() {
        int job = 0;
        while (!distinct(job, 3)) {
            job++;
        }
        SplittableRandom rnd = new SplittableRandom(12);
        float[] output = random(rnd, 0.4);
        float[] in = random(rnd, 0.4);
        float[] outputOne = output.clone();
        float[] accOne = new float[stride];
        JobRandom r1 = new JobRandom(1);
        r1.startJob(job);
        new NegativeStep(table, outputOne, stride, NEGATIVE, false).step(3, in, 4 * stride, 0.025f, accOne, r1);

        float[] acc = new float[stride];
        JobRandom r2 = new JobRandom(1);
        r2.startJob(job);
        new SharedNegativeStep(table, output, stride, NEGATIVE, 1)
                .step(3, in, new int[] {4 * stride}, acc, new int[] {0}, 1, 0.025f, r2);
        assertArrayEquals(accOne, acc, 1e-6f);
        assertArrayEquals(outputOne, output, 1e-6f);
    }

    private boolean distinct(int job, int word) {
        JobRandom r = new JobRandom(1);
        r.startJob(job);
        long seen = 1L << word;
        for (int d = 0; d < NEGATIVE; d++) {
            long bit = 1L << table.sample(r.next());
            if ((seen & bit) != 0) {
                return false;
            }
            seen |= bit;
        }
        return true;
    }

    private static double[] toDouble(float[] a) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i];
        }
        return d;
    }
}
