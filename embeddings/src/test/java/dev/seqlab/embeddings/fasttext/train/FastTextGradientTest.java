package dev.seqlab.embeddings.fasttext.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seqlab.embeddings.fasttext.FastTextArchitecture;
import dev.seqlab.embeddings.word2vec.NegativeSamplingTable;
import dev.seqlab.embeddings.word2vec.Subsampling;
import dev.seqlab.embeddings.word2vec.Word2VecKernels;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The subword update of {@link FastTextWorker} against fastText's own algorithm written out in
 * double precision: for every (centre, context) pair, recompute the centre's hidden layer as the
 * mean of its rows, score the target and one negative, and add the gradient to every row; for
 * CBOW, the mean of all context rows. Two words, one with a repeated n-gram row and one row shared
 * between them; window 1 and one negative, so both runs draw the same (the other word). The
 * worker's single pass per centre word must land on the same weights, scoring with fastText's
 * sigmoid table as the tool does.
 */
class FastTextGradientTest {
    private static final int DIM = 8;
    private static final float LR = 0.3f;
    /** Rows of word 0 (row 3 twice, as fastText keeps repeated n-grams) and of word 1. */
    private static final int[][] ROWS = {{0, 2, 3, 3}, {1, 3, 4}};

    private static final int[] LINE = {0, 1, 0, 1};

    @ParameterizedTest
    @EnumSource(
            value = FastTextArchitecture.class,
            names = {"SKIPGRAM", "CBOW"})
    void oneLineMovesTheWeightsAsFastTextWould(FastTextArchitecture architecture) {
        FastTextOptions o = FastTextOptions.defaults()
                .withArchitecture(architecture)
                .withDim(DIM)
                .withWs(1)
                .withNeg(1);
        FastTextWeights weights =
                new FastTextWeights(5, 2, DIM, Word2VecKernels.kernel().lanes(), 1);
        SplittableRandom rnd = new SplittableRandom(5);
        double[][] wi = new double[5][DIM];
        double[][] wo = new double[2][DIM];
        for (int r = 0; r < 5; r++) {
            for (int k = 0; k < DIM; k++) {
                weights.input[r * weights.stride + k] = (float) (rnd.nextDouble() - 0.5);
                wi[r][k] = weights.input[r * weights.stride + k];
            }
        }
        for (int r = 0; r < 2; r++) {
            for (int k = 0; k < DIM; k++) {
                weights.output[r * weights.stride + k] = (float) (rnd.nextDouble() - 0.5);
                wo[r][k] = weights.output[r * weights.stride + k];
            }
        }
        double[][] startWi = copy(wi);
        long[] counts = {10, 10};
        SubwordTable table = SubwordTable.build(2, w -> ROWS[w], weights.stride);
        FastTextWorker worker = new FastTextWorker(
                weights,
                o,
                table,
                NegativeSamplingTable.build(counts, 0.5),
                Subsampling.of(counts, 20, 0),
                new int[] {0, 1},
                0);
        worker.trainLine(LINE, LINE.length, LR, 0);

        double[][] wiNormalised = copy(wi);
        double[][] woNormalised = copy(wo);
        reference(architecture, wi, wo, false);
        reference(architecture, wiNormalised, woNormalised, true);

        double tolerance = 1e-3; // float against double
        double moved = 0;
        double normalisedDiffers = 0;
        for (int r = 0; r < 5; r++) {
            for (int k = 0; k < DIM; k++) {
                assertEquals(
                        wi[r][k], weights.input[r * weights.stride + k], tolerance, "input row " + r + "[" + k + "]");
                moved = Math.max(moved, Math.abs(wi[r][k] - startWi[r][k]));
                normalisedDiffers = Math.max(normalisedDiffers, Math.abs(wi[r][k] - wiNormalised[r][k]));
            }
        }
        for (int r = 0; r < 2; r++) {
            for (int k = 0; k < DIM; k++) {
                assertEquals(
                        wo[r][k], weights.output[r * weights.stride + k], tolerance, "output row " + r + "[" + k + "]");
            }
        }
        assertTrue(moved > 50 * tolerance, "the step moves the input rows: " + moved);
        // the check can tell a wrong gradient: dividing it by the row count (supervised fastText) is far off
        assertTrue(normalisedDiffers > 10 * tolerance, "normalised gradient differs by " + normalisedDiffers);
    }

    /** fastText's unsupervised update, literally, in double; {@code normalise} divides the gradient by the row count. */
    private static void reference(FastTextArchitecture a, double[][] wi, double[][] wo, boolean normalise) {
        for (int i = 0; i < LINE.length; i++) {
            if (a == FastTextArchitecture.SKIPGRAM) {
                for (int j = i - 1; j <= i + 1; j++) {
                    if (j != i && j >= 0 && j < LINE.length) {
                        update(ROWS[LINE[i]], LINE[j], wi, wo, normalise);
                    }
                }
            } else {
                int[] bow = new int[0];
                for (int j = i - 1; j <= i + 1; j++) {
                    if (j != i && j >= 0 && j < LINE.length) {
                        bow = concat(bow, ROWS[LINE[j]]);
                    }
                }
                update(bow, LINE[i], wi, wo, normalise);
            }
        }
    }

    private static void update(int[] rows, int target, double[][] wi, double[][] wo, boolean normalise) {
        double[] hidden = new double[DIM];
        for (int r : rows) {
            for (int k = 0; k < DIM; k++) {
                hidden[k] += wi[r][k] / rows.length;
            }
        }
        double[] grad = new double[DIM];
        int[] targets = {target, 1 - target};
        for (int t = 0; t < 2; t++) {
            double dot = 0;
            for (int k = 0; k < DIM; k++) {
                dot += wo[targets[t]][k] * hidden[k];
            }
            double alpha = LR * ((t == 0 ? 1 : 0) - sigmoid(dot));
            for (int k = 0; k < DIM; k++) {
                grad[k] += alpha * wo[targets[t]][k];
                wo[targets[t]][k] += alpha * hidden[k];
            }
        }
        for (int r : rows) {
            for (int k = 0; k < DIM; k++) {
                wi[r][k] += normalise ? grad[k] / rows.length : grad[k];
            }
        }
    }

    /**
     * fastText's training sigmoid (loss.cc): 0 below -8, 1 above 8, else 1/(1+e^-p) at the left end
     * p of the bin of width 1/32 that x falls in.
     */
    private static double sigmoid(double x) {
        if (x < -8) {
            return 0;
        }
        if (x > 8) {
            return 1;
        }
        double p = Math.floor((x + 8) * 32) / 32 - 8;
        return 1 / (1 + Math.exp(-p));
    }

    private static int[] concat(int[] a, int[] b) {
        int[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private static double[][] copy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }
}
