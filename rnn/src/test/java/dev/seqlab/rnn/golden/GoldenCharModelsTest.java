package dev.seqlab.rnn.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.seqlab.core.progress.ProgressListener;
import dev.seqlab.core.random.SeededRandom;
import dev.seqlab.core.testing.GoldenFiles;
import dev.seqlab.onnx.graph.OnnxFiles;
import dev.seqlab.rnn.cell.CellKind;
import dev.seqlab.rnn.classify.ClassifierOptions;
import dev.seqlab.rnn.classify.SequenceClassifier;
import dev.seqlab.rnn.lm.CharBeamSearch;
import dev.seqlab.rnn.lm.CharLanguageModel;
import dev.seqlab.rnn.lm.CharModelOptions;
import dev.seqlab.rnn.lm.CharModelTrainer;
import dev.seqlab.rnn.lm.CharSampler;
import dev.seqlab.rnn.lm.SamplingOptions;
import dev.seqlab.rnn.lm.TrainOptions;
import dev.seqlab.rnn.lm.TrainingData;
import dev.seqlab.rnn.onnx.RecurrentOnnxExport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Golden char-LM model directories (config.json + model.safetensors: a two-layer LSTM and a GRU,
 * trained for some seconds on a generated text), their ONNX exports, and a sequence classifier's ONNX
 * export, committed with what the code of the moment gave: the logits after each character of a
 * prime (to 1e-6), seeded samples (plain and with temperature, top-k and top-p), beam-search
 * completions with log-probabilities, and the classifier's probabilities. Loading the directories
 * today must give the same; exporting them again must give the same ONNX graphs.
 *
 * <p>The CLI module reads the ONNX files back through {@code seqlab text sample --onnx} (its golden
 * test), so the importer is checked the way users call it.
 *
 * <p>Rewrite (only on purpose): {@code mvn -pl rnn -am test -Dtest=GoldenCharModelsTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dseqlab.golden.write=true}.
 */
class GoldenCharModelsTest {
    private static final Path DIR = GoldenFiles.dir("charlm");
    private static final Path EXPECTED = DIR.resolve("expected.json");
    private static final Path CLASSIFIER_ONNX = DIR.resolve("classifier.onnx");
    private static final double TOLERANCE = 1e-6;
    private static final String PRIME = "the ";
    /** Two-layer LSTM and one-layer GRU, as small as still says something. */
    private static final List<String> MODELS = List.of("lstm", "gru");
    /** The classifier's shape: 20 tokens, bidirectional LSTM, 3 classes. */
    private static final ClassifierOptions CLASSIFIER = new ClassifierOptions(20, 4, CellKind.LSTM, 6, 1, true, 0f, 3);

    private static final long CLASSIFIER_SEED = 14;
    private static final List<int[]> SEQUENCES =
            List.of(new int[] {1, 2, 3, 4}, new int[] {5, 6, 7, 0}, new int[] {19, 1, 11, 12});

    @Test
    void goldenModelsGiveTheOutputsTheyGaveWhenWritten() throws IOException {
        GoldenFiles.assertMatches(EXPECTED, observeAll(), TOLERANCE);
    }

    @Test
    void goldenModelsExportToTheGoldenOnnxGraphs() throws IOException {
        for (String name : MODELS) {
            CharLanguageModel m = CharLanguageModel.load(DIR.resolve(name));
            assertEquals(OnnxFiles.read(DIR.resolve(name + ".onnx")), RecurrentOnnxExport.charModel(m), name + ".onnx");
        }
        SequenceClassifier c = SequenceClassifier.create(CLASSIFIER, CLASSIFIER_SEED);
        assertEquals(OnnxFiles.read(CLASSIFIER_ONNX), RecurrentOnnxExport.classifier(c), "classifier.onnx");
    }

    @Test
    @EnabledIfSystemProperty(named = GoldenFiles.WRITE_PROPERTY, matches = "true")
    void writeGoldenModels() throws IOException {
        StringBuilder text = new StringBuilder();
        SeededRandom rng = new SeededRandom(14);
        String[] words = {"the", "cat", "sat", "on", "mat", "a", "dog", "ran", "to", "sea", "and", "sun"};
        while (text.length() < 8000) {
            text.append(words[rng.nextInt(words.length)]).append(rng.nextInt(8) == 0 ? ".\n" : " ");
        }
        TrainingData data = TrainingData.text(text.toString());
        List<CharModelOptions> options =
                List.of(new CharModelOptions(CellKind.LSTM, 12, 2, 0f), new CharModelOptions(CellKind.GRU, 8, 1, 0f));
        for (int i = 0; i < MODELS.size(); i++) {
            CharLanguageModel m = CharLanguageModel.create(data.vocabulary(), options.get(i), 14);
            CharModelTrainer.train(m, data, TrainOptions.defaults().withEpochs(40), ProgressListener.NONE);
            m.save(DIR.resolve(MODELS.get(i)));
            RecurrentOnnxExport.writeCharModel(m, DIR.resolve(MODELS.get(i) + ".onnx"));
        }
        RecurrentOnnxExport.writeClassifier(SequenceClassifier.create(CLASSIFIER, CLASSIFIER_SEED), CLASSIFIER_ONNX);
        Files.createDirectories(DIR);
        GoldenFiles.writeExpected(EXPECTED, observeAll());
    }

    private static ObjectNode observeAll() throws IOException {
        ObjectNode all = GoldenFiles.object();
        for (String name : MODELS) {
            all.set(name, observe(CharLanguageModel.load(DIR.resolve(name))));
        }
        SequenceClassifier c = SequenceClassifier.create(CLASSIFIER, CLASSIFIER_SEED);
        ArrayNode probs = all.putArray("classifier_probabilities");
        for (float p : c.probabilities(SEQUENCES)) {
            probs.add(p);
        }
        return all;
    }

    private static ObjectNode observe(CharLanguageModel m) {
        ObjectNode o = GoldenFiles.object();
        o.put("vocabulary", m.vocabulary().chars());
        ArrayNode logits = o.putArray("logits_after_prime");
        CharLanguageModel.State s = m.start();
        int id = -1;
        for (int t = 0; t <= PRIME.length(); t++) {
            ArrayNode step = logits.addArray();
            for (float x : s.next(id)) {
                step.add(x);
            }
            if (t < PRIME.length()) {
                id = m.vocabulary().id(PRIME.charAt(t));
            }
        }
        ArrayNode samples = o.putArray("samples");
        for (long seed : new long[] {1, 2}) {
            samples.add(CharSampler.sample(m, PRIME, SamplingOptions.defaults(60), new SeededRandom(seed)));
        }
        samples.add(CharSampler.sample(m, PRIME, new SamplingOptions(60, 0.7, 3, 0.9, true), new SeededRandom(3)));
        ArrayNode beams = o.putArray("beam_search");
        for (CharBeamSearch.Candidate c : CharBeamSearch.search(m, PRIME, 3, 20, false)) {
            beams.addObject().put("text", c.text()).put("log_probability", c.logProb());
        }
        return o;
    }
}
