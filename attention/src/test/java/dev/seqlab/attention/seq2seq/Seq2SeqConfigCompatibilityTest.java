package dev.seqlab.attention.seq2seq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seqlab.attention.files.Seq2SeqModelFiles;
import dev.seqlab.attention.model.Prediction;
import dev.seqlab.attention.model.Seq2SeqModel;
import dev.seqlab.attention.transformer.TransformerOptions;
import dev.seqlab.attention.transformer.TransformerSeq2Seq;
import dev.seqlab.core.io.MalformedFileException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seq2seq model directories written by the code before config.json went through the options
 * records (test resources {@code config-v1/}) still load, predict the same, and are written again
 * byte for byte.
 */
class Seq2SeqConfigCompatibilityTest {
    private static final int[] INPUT = {1, 2, 3, 4, 0, 0};

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(Seq2SeqConfigCompatibilityTest.class
                        .getResource("/config-v1/" + name + "/config.json")
                        .toURI())
                .getParent();
    }

    private static void assertSamePrediction(Path dir, Prediction p) throws Exception {
        List<String> expected = Files.readAllLines(dir.resolve("expected-prediction.txt"));
        assertEquals(expected.get(0), Arrays.toString(p.ids()));
        String[] want = expected.get(1).replaceAll("[\\[\\]]", "").split(", ");
        for (int t = 0; t < want.length; t++) {
            // written by the plain-Java kernels; SIMD ones may differ in the last bits
            assertEquals(Double.parseDouble(want[t]), p.probabilities()[t], 1e-6);
        }
    }

    /** Loads the fixture {@code name} as it was written, checks its prediction, and writes it again to {@code tmp}. */
    private static void assertLoadsPredictsAndWritesTheSame(String name, Path tmp) throws Exception {
        Path dir = fixture(name);
        Seq2SeqModel m = Seq2SeqModelFiles.load(dir);
        assertSamePrediction(dir, m.predict(INPUT));
        m.save(tmp);
        assertEquals(Files.readString(dir.resolve("config.json")), Files.readString(tmp.resolve("config.json")));
    }

    @Test
    void oldAttentionModelLoadsAndPredictsTheSame(@TempDir Path tmp) throws Exception {
        assertLoadsPredictsAndWritesTheSame("attention-seq2seq", tmp);
        assertEquals(
                Seq2SeqOptions.defaults()
                        .withVocabularies(5, 4)
                        .withLengths(6, 3)
                        .withEncoderHidden(2)
                        .withDecoderHidden(3)
                        .withAttentionUnits(2),
                AttentionSeq2Seq.load(tmp).options());
    }

    @Test
    void oldTransformerLoadsAndPredictsTheSame(@TempDir Path tmp) throws Exception {
        assertLoadsPredictsAndWritesTheSame("transformer", tmp);
        assertEquals(
                TransformerOptions.defaults()
                        .withVocabularies(5, 4)
                        .withLengths(6, 3)
                        .withWidth(4, 2)
                        .withFf(5)
                        .withLayers(1),
                TransformerSeq2Seq.load(tmp).options());
    }

    @Test
    void aBadValueIsNamedWithTheFile(@TempDir Path tmp) throws Exception {
        AttentionSeq2Seq.load(fixture("attention-seq2seq")).save(tmp);
        Path cfg = tmp.resolve("config.json");
        Files.writeString(cfg, Files.readString(cfg).replace("\"decoder_hidden\" : 3", "\"decoder_hidden\" : 0"));
        MalformedFileException e = assertThrows(MalformedFileException.class, () -> AttentionSeq2Seq.load(tmp));
        assertTrue(
                e.getMessage().contains("decoderHidden must be at least 1, got 0")
                        && e.getMessage().contains(cfg.toString()),
                e.getMessage());
    }
}
