package dev.seqlab.generators.dates;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.seqlab.attention.seq2seq.AttentionSeq2Seq;
import dev.seqlab.attention.seq2seq.Seq2SeqOptions;
import dev.seqlab.attention.transformer.TransformerOptions;
import dev.seqlab.attention.transformer.TransformerSeq2Seq;
import dev.seqlab.core.testing.GoldenFiles;
import dev.seqlab.corpora.dates.DateVocabulary;
import dev.seqlab.onnx.graph.OnnxFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Golden date-model directories (config.json + model.safetensors) of both architectures, at the
 * date vocabularies and lengths but tiny widths (attention: encoder 4, decoder 8, 4 attention
 * units; Transformer: width 8, 2 heads, feed-forward 16, one layer each side), seeded and
 * untrained, with their ONNX exports. Committed with what the code of the moment answered through
 * {@link DateNormalizer}: the answer, whether it is a date, each character's probability and the
 * attention rows (to 1e-6). Loading them today must give the same; exporting them again must give
 * the same ONNX graphs.
 *
 * <p>Rewrite (only on purpose): {@code mvn -pl generators -am test -Dtest=GoldenDateModelsTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dseqlab.golden.write=true}.
 */
class GoldenDateModelsTest {
    private static final Path DIR = GoldenFiles.dir("dates");
    private static final Path EXPECTED = DIR.resolve("expected.json");
    private static final double TOLERANCE = 1e-6;
    private static final List<String> MODELS = List.of("attention", "transformer");
    private static final List<String> INPUTS =
            List.of("3 may 1979", "Tue 10 Jul 2007", "5/3/79", "21th of August, 2016", "banana");

    @Test
    void goldenDateModelsAnswerAsWhenWritten() throws IOException {
        GoldenFiles.assertMatches(EXPECTED, observeAll(), TOLERANCE);
    }

    @Test
    void goldenDateModelsExportToTheGoldenOnnxGraphs() throws IOException {
        for (String name : MODELS) {
            DateNormalizer n = DateNormalizer.load(DIR.resolve(name));
            assertEquals(OnnxFiles.read(DIR.resolve(name + ".onnx")), n.onnx(), name + ".onnx");
        }
    }

    @Test
    @EnabledIfSystemProperty(named = GoldenFiles.WRITE_PROPERTY, matches = "true")
    void writeGoldenDateModels() throws IOException {
        int vIn = DateVocabulary.inputSize();
        int vOut = DateVocabulary.outputSize();
        int tx = DateVocabulary.INPUT_LENGTH;
        int ty = DateVocabulary.OUTPUT_LENGTH;
        AttentionSeq2Seq.create(new Seq2SeqOptions(vIn, vOut, tx, ty, 4, 8, 4), 14)
                .save(DIR.resolve("attention"));
        TransformerSeq2Seq.create(new TransformerOptions(vIn, vOut, tx, ty, 8, 2, 16, 1), 14)
                .save(DIR.resolve("transformer"));
        for (String name : MODELS) {
            DateNormalizer.load(DIR.resolve(name)).writeOnnx(DIR.resolve(name + ".onnx"));
        }
        GoldenFiles.writeExpected(EXPECTED, observeAll());
    }

    private static ObjectNode observeAll() throws IOException {
        ObjectNode all = GoldenFiles.object();
        for (String name : MODELS) {
            DateNormalizer n = DateNormalizer.load(DIR.resolve(name));
            ObjectNode model = all.putObject(name);
            model.put("architecture", n.architecture().name());
            ArrayNode answers = model.putArray("answers");
            for (String input : INPUTS) {
                DateNormalizer.Result r = n.normalize(input);
                ObjectNode a = answers.addObject();
                a.put("input", r.input())
                        .put("iso", r.iso())
                        .put("valid", r.valid())
                        .put("probability", r.probability());
                ArrayNode probs = a.putArray("probabilities");
                for (double p : r.probabilities()) {
                    probs.add(p);
                }
                ArrayNode attention = a.putArray("attention");
                for (float[] row : r.attention()) {
                    ArrayNode weights = attention.addArray();
                    for (float w : row) {
                        weights.add(w);
                    }
                }
            }
        }
        return all;
    }
}
