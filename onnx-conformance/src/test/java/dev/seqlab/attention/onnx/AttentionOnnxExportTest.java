package dev.seqlab.attention.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.seqlab.attention.seq2seq.AttentionSeq2Seq;
import dev.seqlab.attention.seq2seq.Seq2SeqOptions;
import dev.seqlab.core.random.SeededRandom;
import dev.seqlab.corpora.dates.DateVocabulary;
import dev.seqlab.onnx.HostTensor;
import dev.seqlab.onnx.runtime.OnnxModel;
import dev.seqlab.onnx.runtime.SessionOptions;
import dev.seqlab.rnn.onnx.RecurrentOnnxImport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The attention seq2seq model exported to ONNX and run in ONNX Runtime: logits, probabilities and
 * attention weights agree with seqlab's own {@link AttentionSeq2Seq#forward} within 1e-5, on
 * batches whose inputs have different lengths, padding inside them, and no tokens at all.
 */
class AttentionOnnxExportTest {
    private static final Set<String> STANDARD = Set.of(
            "Gather",
            "Equal",
            "Not",
            "Where",
            "ReduceMax",
            "Max",
            "Cast",
            "Unsqueeze",
            "Less",
            "Transpose",
            "Reshape",
            "LSTM",
            "MatMul",
            "Add",
            "Tanh",
            "Softmax",
            "Concat",
            "Gemm");

    @Test
    void smallModelMatchesOnnxRuntime(@TempDir Path dir) throws Exception {
        Seq2SeqOptions o = Seq2SeqOptions.defaults()
                .withVocabularies(7, 5)
                .withLengths(6, 4)
                .withEncoderHidden(3)
                .withDecoderHidden(5)
                .withAttentionUnits(4);
        AttentionSeq2Seq m = AttentionSeq2Seq.create(o, 3);
        Seq2SeqOnnxChecks.perturb(
                m.parameters(), new SeededRandom(4), 0.5); // no bias left at zero, the forget bias off 1
        int[][] x = {
            {1, 2, 3, 4, 5, 6}, // full length
            {6, 5, 0, 0, 0, 0}, // length 2
            {3, 0, 4, 0, 0, 0}, // padding inside: length 3
            {0, 0, 0, 0, 0, 0}, // nothing: length 1, as seqlab reads it
            {0, 0, 0, 0, 0, 2}, // only the last position
        };
        check(m, x, dir, "small");
    }

    @Test
    void dateSizedModelMatchesOnnxRuntime(@TempDir Path dir) throws Exception {
        Seq2SeqOptions o = Seq2SeqOptions.defaults()
                .withVocabularies(DateVocabulary.inputSize(), DateVocabulary.outputSize())
                .withLengths(DateVocabulary.INPUT_LENGTH, DateVocabulary.OUTPUT_LENGTH);
        AttentionSeq2Seq m = AttentionSeq2Seq.create(o, 1);
        Seq2SeqOnnxChecks.perturb(m.parameters(), new SeededRandom(2), 0.2);
        int[][] x = Seq2SeqOnnxChecks.dateInputs();
        check(m, x, dir, "date-sized");
        check(m, new int[][] {x[0]}, dir, "date-sized, batch of 1");
    }

    private static void check(AttentionSeq2Seq m, int[][] x, Path dir, String what) throws Exception {
        Seq2SeqOptions o = m.options();
        int batch = x.length;
        int tx = o.inputLength();
        int ty = o.outputLength();
        int vo = o.outputVocabulary();
        Path file = dir.resolve("seq2seq.onnx");
        AttentionOnnxExport.write(m, Map.of("test.key", "value"), file);
        try (var listing = Files.list(dir)) {
            assertEquals(1, listing.count(), "no temporary file left behind");
        }
        Seq2SeqOnnxChecks.assertStandard(AttentionOnnxExport.seq2seq(m), STANDARD);

        // seqlab: batch-major [B, Ty, V] logits and [B, Ty, Tx] weights from the per-step lists
        AttentionSeq2Seq.Pass pass = m.forward(x);
        float[] logits = new float[batch * ty * vo];
        float[] weights = new float[batch * ty * tx];
        for (int t = 0; t < ty; t++) {
            float[] l = pass.logits().get(t);
            float[] w = pass.attention().get(t).data();
            for (int b = 0; b < batch; b++) {
                System.arraycopy(l, b * vo, logits, (b * ty + t) * vo, vo);
                System.arraycopy(w, b * tx, weights, (b * ty + t) * tx, tx);
            }
        }
        try (OnnxModel ort = OnnxModel.open(file, SessionOptions.threads(1))) {
            Map<String, HostTensor> r = ort.run(Map.of(AttentionOnnxExport.TOKENS, Seq2SeqOnnxChecks.tokens(x)));
            HostTensor ortLogits = r.get(AttentionOnnxExport.LOGITS);
            HostTensor ortAttention = r.get(AttentionOnnxExport.ATTENTION);
            Seq2SeqOnnxChecks.assertShape(ortLogits, batch, ty, vo);
            Seq2SeqOnnxChecks.assertShape(ortAttention, batch, ty, tx);
            Seq2SeqOnnxChecks.assertClose(logits, ortLogits.floats(), what + " logits");
            Seq2SeqOnnxChecks.assertClose(
                    softmax(logits, vo),
                    r.get(AttentionOnnxExport.PROBABILITIES).floats(),
                    what + " probabilities");
            float[] a = ortAttention.floats();
            Seq2SeqOnnxChecks.assertClose(weights, a, what + " attention");
            Seq2SeqOnnxChecks.assertMaskedDistributions(a, x, ty, what);
            // seqlab's own graph interpreter, the LSTMs on seqlab's cells, computes the same file
            Map<String, HostTensor> imported =
                    RecurrentOnnxImport.read(file).run(Map.of(AttentionOnnxExport.TOKENS, Seq2SeqOnnxChecks.tokens(x)));
            Seq2SeqOnnxChecks.assertClose(
                    ortLogits.floats(),
                    imported.get(AttentionOnnxExport.LOGITS).floats(),
                    what + " logits: interpreter vs ORT");
            Seq2SeqOnnxChecks.assertClose(
                    a, imported.get(AttentionOnnxExport.ATTENTION).floats(), what + " attention: interpreter vs ORT");
        }
    }

    private static float[] softmax(float[] logits, int cols) {
        float[] p = new float[logits.length];
        for (int r = 0; r < logits.length / cols; r++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < cols; j++) {
                max = Math.max(max, logits[r * cols + j]);
            }
            double sum = 0;
            for (int j = 0; j < cols; j++) {
                sum += Math.exp(logits[r * cols + j] - max);
            }
            for (int j = 0; j < cols; j++) {
                p[r * cols + j] = (float) (Math.exp(logits[r * cols + j] - max) / sum);
            }
        }
        return p;
    }
}
