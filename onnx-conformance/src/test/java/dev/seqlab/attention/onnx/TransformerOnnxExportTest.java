package dev.seqlab.attention.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seqlab.attention.transformer.TransformerOptions;
import dev.seqlab.attention.transformer.TransformerSeq2Seq;
import dev.seqlab.core.optim.AdamOptions;
import dev.seqlab.core.optim.Optimizer;
import dev.seqlab.core.param.Parameter;
import dev.seqlab.core.random.SeededRandom;
import dev.seqlab.corpora.dates.DateVocabulary;
import dev.seqlab.onnx.HostTensor;
import dev.seqlab.onnx.graph.OnnxFiles;
import dev.seqlab.onnx.interpret.GraphInterpreter;
import dev.seqlab.onnx.interpret.OperatorRegistry;
import dev.seqlab.onnx.runtime.OnnxModel;
import dev.seqlab.onnx.runtime.SessionOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Transformer seq2seq model exported to ONNX and run in ONNX Runtime: the greedy path's ids,
 * logits, probabilities and head-averaged cross-attention agree with seqlab's own
 * {@link TransformerSeq2Seq#greedy} within 1e-5, for one and two layers, one to five heads, widths
 * that are not multiples of 8, and batches whose inputs have different lengths, padding inside them
 * and no tokens at all.
 */
class TransformerOnnxExportTest {
    private static final Set<String> STANDARD = Set.of(
            "Gather",
            "Equal",
            "Not",
            "Where",
            "ReduceMax",
            "Max",
            "Unsqueeze",
            "Less",
            "Mul",
            "Add",
            "MatMul",
            "Reshape",
            "Transpose",
            "Softmax",
            "ReduceMean",
            "Sub",
            "Sqrt",
            "Div",
            "Relu",
            "Concat",
            "ArgMax");

    private static final int[][] SMALL_INPUTS = {
        {1, 2, 3, 4, 5, 6}, // full length
        {6, 5, 0, 0, 0, 0}, // length 2
        {3, 0, 4, 0, 0, 0}, // padding inside: length 3
        {0, 0, 0, 0, 0, 0}, // nothing: length 1, as seqlab reads it
        {0, 0, 0, 0, 0, 2}, // only the last position
    };

    @Test
    void oneLayerTwoHeadsMatchesOnnxRuntime(@TempDir Path dir) throws Exception {
        TransformerSeq2Seq m = TransformerSeq2Seq.create(new TransformerOptions(7, 5, 6, 4, 6, 2, 10, 1), 3);
        Seq2SeqOnnxChecks.perturb(m.parameters(), new SeededRandom(4), 0.5); // biases, β off 0; γ off 1; padding row
        check(m, SMALL_INPUTS, dir, "1 layer, d 6, 2 heads");
        check(m, new int[][] {SMALL_INPUTS[2]}, dir, "1 layer, d 6, 2 heads, batch of 1");
    }

    @Test
    void twoLayersOtherHeadCountsMatchOnnxRuntime(@TempDir Path dir) throws Exception {
        int[][] shapes = {{9, 3}, {10, 5}, {5, 1}}; // d, heads
        for (int[] s : shapes) {
            TransformerSeq2Seq m =
                    TransformerSeq2Seq.create(new TransformerOptions(7, 6, 6, 5, s[0], s[1], 7, 2), s[0]);
            Seq2SeqOnnxChecks.perturb(m.parameters(), new SeededRandom(s[1]), 0.4);
            check(m, SMALL_INPUTS, dir, "2 layers, d " + s[0] + ", " + s[1] + " heads");
        }
    }

    /**
     * Random weights tend to repeat one symbol, which would not show a graph that feeds back the
     * wrong symbols; a model trained for a moment to reverse its input picks a different symbol at
     * nearly every step, so each step's input really is the previous steps' choices.
     */
    @Test
    void modelTrainedToReverseFollowsTheSameVaryingPath(@TempDir Path dir) throws Exception {
        TransformerSeq2Seq m = TransformerSeq2Seq.create(new TransformerOptions(7, 7, 5, 5, 12, 3, 24, 1), 8);
        Optimizer adam = Optimizer.adam(AdamOptions.defaults().withLearningRate(1e-2f));
        SeededRandom rng = new SeededRandom(9);
        for (int step = 0; step < 150; step++) {
            int[][] x = new int[16][5];
            int[][] y = new int[16][5];
            for (int b = 0; b < 16; b++) {
                for (int t = 0; t < 5; t++) {
                    x[b][t] = 1 + rng.nextInt(6);
                }
                for (int t = 0; t < 5; t++) {
                    y[b][t] = x[b][4 - t];
                }
            }
            m.parameters().zeroGrads();
            m.trainStep(x, y);
            adam.step(m.parameters());
        }
        int[][] x = {{1, 2, 3, 4, 5}, {6, 1, 5, 2, 4}, {3, 3, 1, 6, 2}, {2, 6, 4, 0, 0}};
        int[][] ids = m.greedy(x).ids();
        int changes = 0;
        for (int[] row : ids) {
            for (int t = 1; t < row.length; t++) {
                changes += row[t] != row[t - 1] ? 1 : 0;
            }
        }
        assertTrue(changes >= 8, "the greedy paths vary: " + Arrays.deepToString(ids));
        check(m, x, dir, "trained to reverse");
    }

    /**
     * With small γ every layer norm after the first sees rows of small variance (the residual sum of
     * a small input and what the bias-free sublayers make of it), where ε is not negligible: an ε
     * other than seqlab's moves the outputs far beyond the tolerance. The last norm keeps γ = 1 so
     * the logits keep their usual scale (no near-ties for the greedy choice).
     */
    @Test
    void layerNormsOfSmallVarianceMatchOnnxRuntime(@TempDir Path dir) throws Exception {
        TransformerSeq2Seq m = TransformerSeq2Seq.create(new TransformerOptions(7, 5, 6, 4, 6, 2, 10, 2), 11);
        for (Parameter p : m.parameters()) {
            if (p.name().endsWith(".gamma") && !p.name().equals("decoder.1.norm3.gamma")) {
                float[] g = p.value().data();
                for (int i = 0; i < g.length; i++) {
                    g[i] = 0.01f * (i + 1);
                }
            }
        }
        check(m, SMALL_INPUTS, dir, "small-variance layer norms");
    }

    @Test
    void dateSizedModelMatchesOnnxRuntime(@TempDir Path dir) throws Exception {
        TransformerOptions o = new TransformerOptions(
                DateVocabulary.inputSize(),
                DateVocabulary.outputSize(),
                DateVocabulary.INPUT_LENGTH,
                DateVocabulary.OUTPUT_LENGTH,
                64,
                4,
                128,
                2);
        TransformerSeq2Seq m = TransformerSeq2Seq.create(o, 1);
        Seq2SeqOnnxChecks.perturb(m.parameters(), new SeededRandom(2), 0.2);
        int[][] x = Seq2SeqOnnxChecks.dateInputs();
        check(m, x, dir, "date-sized Transformer");
        check(m, new int[][] {x[1]}, dir, "date-sized Transformer, batch of 1");
    }

    private static void check(TransformerSeq2Seq m, int[][] x, Path dir, String what) throws Exception {
        TransformerOptions o = m.options();
        int batch = x.length;
        int tx = o.inputLength();
        int ty = o.outputLength();
        int vo = o.outputVocabulary();
        Path file = dir.resolve("transformer.onnx");
        TransformerOnnxExport.write(m, file);
        try (var listing = Files.list(dir)) {
            assertEquals(1, listing.count(), "no temporary file left behind");
        }
        Seq2SeqOnnxChecks.assertStandard(TransformerOnnxExport.seq2seq(m), STANDARD);

        TransformerSeq2Seq.Greedy expected = m.greedy(x);
        try (OnnxModel ort = OnnxModel.open(file, SessionOptions.threads(1))) {
            Map<String, HostTensor> r = ort.run(Map.of(TransformerOnnxExport.TOKENS, Seq2SeqOnnxChecks.tokens(x)));
            HostTensor logits = r.get(TransformerOnnxExport.LOGITS);
            HostTensor probabilities = r.get(TransformerOnnxExport.PROBABILITIES);
            HostTensor attention = r.get(TransformerOnnxExport.ATTENTION);
            Seq2SeqOnnxChecks.assertShape(logits, batch, ty, vo);
            Seq2SeqOnnxChecks.assertShape(probabilities, batch, ty, vo);
            Seq2SeqOnnxChecks.assertShape(attention, batch, ty, tx);
            // the path first: every later step is conditioned on it
            float[] p = probabilities.floats();
            for (int b = 0; b < batch; b++) {
                int[] ids = new int[ty];
                for (int t = 0; t < ty; t++) {
                    for (int k = 1; k < vo; k++) {
                        if (p[(b * ty + t) * vo + k] > p[(b * ty + t) * vo + ids[t]]) {
                            ids[t] = k;
                        }
                    }
                }
                assertArrayEquals(expected.ids()[b], ids, what + ": greedy path of input " + b);
            }
            Seq2SeqOnnxChecks.assertClose(expected.logits(), logits.floats(), what + " logits");
            Seq2SeqOnnxChecks.assertClose(expected.probabilities(), p, what + " probabilities");
            Seq2SeqOnnxChecks.assertClose(expected.attention(), attention.floats(), what + " attention");
            Seq2SeqOnnxChecks.assertMaskedDistributions(attention.floats(), x, ty, what);
        }
        // seqlab's own graph interpreter (standard operators only) computes the same file
        Map<String, HostTensor> g = GraphInterpreter.prepare(OnnxFiles.read(file), OperatorRegistry.standard(), file)
                .run(Map.of(TransformerOnnxExport.TOKENS, Seq2SeqOnnxChecks.tokens(x)));
        Seq2SeqOnnxChecks.assertClose(
                expected.logits(), g.get(TransformerOnnxExport.LOGITS).floats(), what + " logits: interpreter");
        Seq2SeqOnnxChecks.assertClose(
                expected.probabilities(),
                g.get(TransformerOnnxExport.PROBABILITIES).floats(),
                what + " probabilities: interpreter");
        Seq2SeqOnnxChecks.assertClose(
                expected.attention(),
                g.get(TransformerOnnxExport.ATTENTION).floats(),
                what + " attention: interpreter");
    }
}
