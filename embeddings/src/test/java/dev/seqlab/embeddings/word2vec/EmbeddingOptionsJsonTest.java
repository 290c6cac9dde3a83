package dev.seqlab.embeddings.word2vec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.seqlab.core.options.OptionsJson;
import dev.seqlab.embeddings.AnalogyMethod;
import dev.seqlab.embeddings.eval.AnalogyEvaluationOptions;
import dev.seqlab.embeddings.eval.WordPairOptions;
import dev.seqlab.embeddings.glove.GloVeOptions;
import dev.seqlab.embeddings.io.LoadOptions;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The embeddings options records read and write themselves through {@link OptionsJson}. */
class EmbeddingOptionsJsonTest {

    @Test
    void word2vecAndGloVeRoundTrip() {
        Word2VecOptions w = Word2VecOptions.cbow()
                .withCbowMean(false)
                .withDim(30)
                .withWindow(3)
                .withObjective(0, true)
                .withVocabulary(2, 100)
                .withSample(0)
                .withEpochs(2)
                .withThreads(3)
                .withSeed(7);
        assertEquals("cbow", OptionsJson.toTree(w).get("architecture").asText());
        assertEquals(w, OptionsJson.fromJson(OptionsJson.toJson(w), Word2VecOptions.defaults()));
        GloVeOptions g = GloVeOptions.defaults()
                .withDim(20)
                .withWeighting(10, 0.5)
                .withLearningRate(0.1)
                .withIterations(3)
                .withMemoryBytes(1 << 20)
                .withWorkDirectory(Path.of("work"));
        assertEquals("work", OptionsJson.toTree(g).get("work_directory").asText());
        assertEquals(g, OptionsJson.fromJson(OptionsJson.toJson(g), GloVeOptions.defaults()));
    }

    @Test
    void loadingAndEvaluationOptionsRoundTrip() {
        LoadOptions l = LoadOptions.defaults().withLimit(5).withLowercase(true).withThreads(2);
        assertEquals(l, OptionsJson.fromJson(OptionsJson.toJson(l), LoadOptions.defaults()));
        AnalogyEvaluationOptions a = AnalogyEvaluationOptions.defaults()
                .withMethod(AnalogyMethod.MUL)
                .withDummy4unknown(true);
        assertEquals(a, OptionsJson.fromJson(OptionsJson.toJson(a), AnalogyEvaluationOptions.defaults()));
        WordPairOptions p = WordPairOptions.defaults().withDelimiter(";").withCaseInsensitive(false);
        assertEquals(p, OptionsJson.fromJson(OptionsJson.toJson(p), WordPairOptions.defaults()));
        assertEquals(
                WordPairOptions.defaults().withRestrictVocab(10),
                OptionsJson.fromJson("{\"restrict_vocab\": 10}", WordPairOptions.defaults()));
    }
}
