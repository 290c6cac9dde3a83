package dev.seqlab.classify.golden;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.seqlab.classify.Prediction;
import dev.seqlab.classify.SyntheticSentences;
import dev.seqlab.classify.TextClassifier;
import dev.seqlab.classify.options.Architecture;
import dev.seqlab.classify.options.ClassifyOptions;
import dev.seqlab.core.testing.GoldenFiles;
import dev.seqlab.embeddings.WordVectors;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Golden text-classifier model directories (an {@code average} one with word features: config.json,
 * model.safetensors, model.tribuo, words.txt; an {@code lstm} one: config.json, model.safetensors,
 * vocabulary.txt), trained on the synthetic set, committed with the top-3 classes and probabilities
 * they gave for five sentences. Loading them today must give the same.
 *
 * <p>Rewrite (only on purpose): {@code mvn -pl classify -am test -Dtest=GoldenTextClassifiersTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dseqlab.golden.write=true}.
 */
class GoldenTextClassifiersTest {
    private static final Path DIR = GoldenFiles.dir("textclassifier");
    private static final Path EXPECTED = DIR.resolve("expected.json");
    private static final WordVectors VECTORS = SyntheticSentences.vectors();
    private static final List<String> SENTENCES =
            List.of("happy smile w3", "Bread and soup!", "race w1 w2 team", "zzyzx", "glad w4 rice");
    private static final List<String> MODELS = List.of("average", "lstm");

    @Test
    void goldenModelsGiveThePredictionsTheyGaveWhenWritten() throws IOException {
        GoldenFiles.assertMatches(EXPECTED, observeAll(), 1e-6);
    }

    @Test
    @EnabledIfSystemProperty(named = GoldenFiles.WRITE_PROPERTY, matches = "true")
    void writeGoldenModels() throws IOException {
        var rows = SyntheticSentences.rows(120, 5);
        TextClassifier.train(
                        rows,
                        VECTORS,
                        ClassifyOptions.defaults().withWordFeatures(true).withEpochs(5))
                .save(DIR.resolve("average"));
        TextClassifier.train(
                        rows,
                        VECTORS,
                        ClassifyOptions.defaults()
                                .withArch(Architecture.LSTM)
                                .withHidden(6)
                                .withEpochs(3))
                .save(DIR.resolve("lstm"));
        GoldenFiles.writeExpected(EXPECTED, observeAll());
    }

    private static ObjectNode observeAll() throws IOException {
        ObjectNode all = GoldenFiles.object();
        for (String name : MODELS) {
            TextClassifier c = TextClassifier.load(DIR.resolve(name), VECTORS);
            ArrayNode rows = all.putArray(name);
            for (Prediction p : c.predict(SENTENCES, 3)) {
                ArrayNode top = rows.addArray();
                for (Prediction.ClassScore s : p.top()) {
                    top.addObject().put("label", s.label()).put("probability", s.probability());
                }
            }
        }
        return all;
    }
}
