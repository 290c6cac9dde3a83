package dev.seqlab.generators.dates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import dev.seqlab.attention.onnx.AttentionOnnxExport;
import dev.seqlab.attention.seq2seq.AttentionSeq2Seq;
import dev.seqlab.attention.transformer.TransformerSeq2Seq;
import dev.seqlab.core.progress.ProgressListener;
import dev.seqlab.corpora.dates.DateVocabulary;
import dev.seqlab.onnx.HostTensor;
import dev.seqlab.onnx.graph.OnnxFiles;
import dev.seqlab.onnx.runtime.OnnxModel;
import dev.seqlab.onnx.runtime.SessionOptions;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Date normalisers of both architectures trained for a moment, exported to ONNX: ONNX Runtime, given
 * ids made only from the file's metadata, picks the same characters with the same probabilities and
 * attention as {@link DateNormalizer#normalize}.
 */
class DateNormalizerOnnxTest {
    /** Enough pairs for the Transformer to write digits and dashes in a few seconds of training. */
    private static final int TRANSFORMER_EXAMPLES = 1024;

    private static final String[] DATES = {"3 may 1979", "Tue 10 Jul 2007", "5/3/79", "21th of August, 2016", "banana"};

    @Test
    void exportedModelAnswersAsTheNormalizer(@TempDir Path dir) throws Exception {
        DateNormalizer n =
                DateNormalizer.train(DateNormalizer.Training.defaults().withSize(256, 1), ProgressListener.NONE);
        assertEquals(DateNormalizer.Architecture.ATTENTION, n.architecture());
        assertAnswersAsTheNormalizer(n, dir, AttentionSeq2Seq.ARCHITECTURE);
    }

    @Test
    void exportedTransformerAnswersAsTheNormalizer(@TempDir Path dir) throws Exception {
        assertTrue(DateNormalizer.exportable(DateNormalizer.Architecture.TRANSFORMER));
        DateNormalizer n = DateNormalizer.train(
                DateNormalizer.Training.defaults(DateNormalizer.Architecture.TRANSFORMER)
                        .withSize(TRANSFORMER_EXAMPLES, 1),
                ProgressListener.NONE);
        assertEquals(DateNormalizer.Architecture.TRANSFORMER, n.architecture());
        assertAnswersAsTheNormalizer(n, dir, TransformerSeq2Seq.ARCHITECTURE);
    }

    private static void assertAnswersAsTheNormalizer(DateNormalizer n, Path dir, String architecture) throws Exception {
        Path file = dir.resolve("dates.onnx");
        n.writeOnnx(file);
        ModelProto proto = n.onnx();
        Map<String, String> meta = new HashMap<>();
        for (StringStringEntryProto e : proto.getMetadataPropsList()) {
            meta.put(e.getKey(), e.getValue());
        }
        assertEquals(architecture, meta.get(AttentionOnnxExport.ARCHITECTURE_KEY));
        assertEquals(proto, OnnxFiles.read(file), "the file holds the graph onnx() returns");
        String inChars = meta.get(DateNormalizer.ONNX_INPUT_CHARACTERS);
        String outChars = meta.get(DateNormalizer.ONNX_OUTPUT_CHARACTERS);
        int tx = DateVocabulary.INPUT_LENGTH;
        int ty = DateVocabulary.OUTPUT_LENGTH;
        int vo = outChars.length();
        // ids as a user of the file would make them, from its metadata alone
        long[] tokens = new long[DATES.length * tx];
        for (int b = 0; b < DATES.length; b++) {
            String t = DATES[b].strip().toLowerCase(Locale.ROOT).replace(",", "");
            for (int i = 0; i < t.length(); i++) {
                int at = inChars.indexOf(t.charAt(i));
                tokens[b * tx + i] = at < 0 ? 1 : at + 2;
            }
        }
        double worstP = 0;
        double worstA = 0;
        try (OnnxModel ort = OnnxModel.open(file, SessionOptions.threads(1))) {
            Map<String, HostTensor> r =
                    ort.run(Map.of(AttentionOnnxExport.TOKENS, HostTensor.longs(tokens, DATES.length, tx)));
            float[] probs = r.get(AttentionOnnxExport.PROBABILITIES).floats();
            float[] att = r.get(AttentionOnnxExport.ATTENTION).floats();
            for (int b = 0; b < DATES.length; b++) {
                DateNormalizer.Result expected = n.normalize(DATES[b]);
                StringBuilder iso = new StringBuilder();
                for (int s = 0; s < ty; s++) {
                    int best = 0;
                    for (int k = 1; k < vo; k++) {
                        if (probs[(b * ty + s) * vo + k] > probs[(b * ty + s) * vo + best]) {
                            best = k;
                        }
                    }
                    iso.append(outChars.charAt(best));
                    worstP = Math.max(worstP, Math.abs(expected.probabilities()[s] - probs[(b * ty + s) * vo + best]));
                    for (int t = 0; t < tx; t++) {
                        worstA = Math.max(worstA, Math.abs(expected.attention()[s][t] - att[(b * ty + s) * tx + t]));
                    }
                }
                assertEquals(expected.iso(), iso.toString(), DATES[b]);
            }
        }
        System.out.printf(
                "date normaliser ONNX (%s): max |diff| probabilities %.2e, attention %.2e%n",
                n.architecture().name().toLowerCase(Locale.ROOT), worstP, worstA);
        assertEquals(0, worstP, 1e-5);
        assertEquals(0, worstA, 1e-5);
    }
}
