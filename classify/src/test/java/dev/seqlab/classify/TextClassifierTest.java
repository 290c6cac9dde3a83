package dev.seqlab.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.ModelProto;
import dev.seqlab.classify.data.LabelledText;
import dev.seqlab.classify.eval.ClassMetrics;
import dev.seqlab.classify.eval.Evaluation;
import dev.seqlab.classify.model.AverageModel;
import dev.seqlab.classify.model.RecurrentModel;
import dev.seqlab.classify.model.SentenceTokens;
import dev.seqlab.classify.options.Architecture;
import dev.seqlab.classify.options.ClassWeighting;
import dev.seqlab.classify.options.ClassifyOptions;
import dev.seqlab.core.io.model.ModelFiles;
import dev.seqlab.embeddings.WordVectors;
import dev.seqlab.embeddings.tribuo.AveragedWordVectorExtractor;
import dev.seqlab.onnx.HostTensor;
import dev.seqlab.onnx.graph.OnnxFiles;
import dev.seqlab.onnx.interpret.GraphInterpreter;
import dev.seqlab.onnx.interpret.OperatorRegistry;
import dev.seqlab.rnn.onnx.RecurrentOnnxImport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.classification.Label;

class TextClassifierTest {
    private static final WordVectors VECTORS = SyntheticSentences.vectors();
    private static final List<LabelledText> TRAIN = SyntheticSentences.rows(300, 1);
    private static final List<LabelledText> TEST = SyntheticSentences.rows(150, 2);

    /** The course's v1: the averaged vectors alone. */
    private static final ClassifyOptions AVERAGE =
            ClassifyOptions.defaults().withWordFeatures(false).withEpochs(10);
    /** average at its defaults: with word and word-pair features. */
    private static final ClassifyOptions AVERAGE_DEFAULTS = ClassifyOptions.defaults();

    private static final ClassifyOptions LSTM = ClassifyOptions.defaults()
            .withArch(Architecture.LSTM)
            .withHidden(16)
            .withEpochs(12)
            .withLearningRate(0.02f);

    @TempDir
    Path dir;

    private static double majority(List<LabelledText> rows) {
        return rows.stream()
                        .collect(Collectors.groupingBy(LabelledText::label, Collectors.counting()))
                        .values()
                        .stream()
                        .mapToLong(Long::longValue)
                        .max()
                        .orElseThrow()
                / (double) rows.size();
    }

    @Test
    void averageLearnsTheTopicsFarAboveTheMajorityClass() {
        TextClassifier c = TextClassifier.train(TRAIN, VECTORS, AVERAGE);
        double acc = c.evaluate(TEST).accuracy();
        double base = majority(TEST);
        assertTrue(base < 0.6, "majority " + base);
        assertTrue(acc > 0.9, "average test accuracy " + acc + " (majority " + base + ")");
        assertEquals(SyntheticSentences.LABELS.stream().sorted().toList(), c.labels());
        assertTrue(c.summary().oov().unknown() > 0, "the unknown word is counted");
        assertEquals(0, c.summary().oov().sentencesWithoutKnownWords());
    }

    @Test
    void averageWithWordFeaturesLearnsAWeightPerTrainingWord() throws Exception {
        TextClassifier c = TextClassifier.train(TRAIN, VECTORS, AVERAGE.withWordFeatures(true));
        assertTrue(c.evaluate(TEST).accuracy() > 0.9);
        c.save(dir.resolve("w"));
        List<String> words = Files.readAllLines(dir.resolve("w").resolve(AverageModel.WORDS_FILE));
        assertTrue(words.contains("happy") && words.contains("zzyzx"), words.toString());
        TextClassifier back = TextClassifier.load(dir.resolve("w"), VECTORS);
        List<String> texts = TEST.stream().map(LabelledText::text).toList();
        assertEquals(c.predict(texts, 2), back.predict(texts, 2));
    }

    @Test
    void averageAtItsDefaultsLearnsWordsAndWordPairsWithTheSentencesEnds() throws Exception {
        assertTrue(AVERAGE_DEFAULTS.wordFeatures() && AVERAGE_DEFAULTS.wordNgrams() == 2);
        TextClassifier c = TextClassifier.train(TRAIN, VECTORS, AVERAGE_DEFAULTS);
        double acc = c.evaluate(TEST).accuracy();
        assertTrue(acc > 0.9, "average (defaults) test accuracy " + acc + " (majority " + majority(TEST) + ")");
        c.save(dir.resolve("p"));
        List<String> features = Files.readAllLines(dir.resolve("p").resolve(AverageModel.WORDS_FILE));
        String first = TRAIN.get(0).text().split(" ")[0].toLowerCase(Locale.ROOT);
        assertTrue(features.contains("happy"), "a word");
        assertTrue(features.contains("<s> " + first), "the pair starting the first sentence, <s> " + first);
        assertTrue(features.stream().anyMatch(f -> f.endsWith(" </s>")), "a pair ending a sentence");
        assertTrue(features.stream().noneMatch(f -> f.split(" ").length > 2), "no runs longer than 2");
        TextClassifier back = TextClassifier.load(dir.resolve("p"), VECTORS);
        assertEquals(2, back.options().wordNgrams());
        List<String> texts = TEST.stream().map(LabelledText::text).toList();
        assertEquals(c.predict(texts, 3), back.predict(texts, 3));
    }

    @Test
    void lstmLearnsTheTopicsFarAboveTheMajorityClass() {
        TextClassifier c = TextClassifier.train(TRAIN, VECTORS, LSTM);
        double acc = c.evaluate(TEST).accuracy();
        assertTrue(acc > 0.9, "lstm test accuracy " + acc + " (majority " + majority(TEST) + ")");
        List<Double> losses = c.summary().epochLosses();
        assertEquals(12, losses.size());
        assertTrue(losses.get(losses.size() - 1) < losses.get(0) / 2, "loss falls: " + losses);
    }

    @Test
    void bilstmWithFineTuningAndClassWeightsLearnsToo() {
        TextClassifier c = TextClassifier.train(
                TRAIN,
                VECTORS,
                LSTM.withArch(Architecture.BILSTM).withFineTune(true).withClassWeights(ClassWeighting.BALANCED));
        assertTrue(c.evaluate(TEST).accuracy() > 0.9);
    }

    @Test
    void sameSeedGivesTheSameModelBytesForBothArchitectures() throws Exception {
        for (ClassifyOptions o : List.of(AVERAGE, AVERAGE_DEFAULTS, LSTM.withEpochs(3))) {
            String name = o.arch() + "-" + o.wordFeatures();
            Path a = dir.resolve(name + "-a");
            Path b = dir.resolve(name + "-b");
            TextClassifier.train(TRAIN, VECTORS, o).save(a);
            TextClassifier.train(TRAIN, VECTORS, o).save(b);
            // model.tribuo is left out: Tribuo's provenance records when the model was trained
            // (its weights are those of model.safetensors, compared here)
            List<String> files = o.arch() == Architecture.AVERAGE
                    ? o.wordFeatures()
                            ? List.of(ModelFiles.CONFIG, ModelFiles.WEIGHTS, AverageModel.WORDS_FILE)
                            : List.of(ModelFiles.CONFIG, ModelFiles.WEIGHTS)
                    : List.of(ModelFiles.CONFIG, ModelFiles.WEIGHTS, RecurrentModel.VOCABULARY_FILE);
            for (String f : files) {
                assertArrayEquals(
                        Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), o.arch() + " " + f);
            }
            Path c = dir.resolve(name + "-c");
            TextClassifier.train(TRAIN, VECTORS, o.withSeed(7)).save(c);
            assertNotEquals(
                    List.of(Files.readAllBytes(a.resolve(ModelFiles.WEIGHTS))).hashCode(),
                    List.of(Files.readAllBytes(c.resolve(ModelFiles.WEIGHTS))).hashCode(),
                    "another seed, another model");
        }
    }

    @Test
    void aReloadedModelPredictsTheSame() throws Exception {
        List<String> texts = TEST.stream().map(LabelledText::text).toList();
        for (ClassifyOptions o : List.of(AVERAGE, AVERAGE_DEFAULTS, LSTM.withEpochs(3))) {
            TextClassifier c = TextClassifier.train(TRAIN, VECTORS, o);
            Path m = dir.resolve(o.arch().name() + "-" + o.wordFeatures());
            c.save(m);
            TextClassifier back = TextClassifier.load(m, VECTORS);
            assertEquals(c.options(), back.options());
            assertEquals(c.labels(), back.labels());
            List<Prediction> p1 = c.predict(texts, 3);
            List<Prediction> p2 = back.predict(texts, 3);
            assertEquals(p1, p2, o.arch().name());
            Evaluation e1 = c.evaluate(TEST);
            Evaluation e2 = back.evaluate(TEST);
            assertEquals(e1.classes(), e2.classes());
            assertArrayEquals(e1.confusion(), e2.confusion());
        }
    }

    @Test
    void averageIsScoredByTribuoAndAgreesWithSeqlabsCount() {
        TextClassifier c = TextClassifier.train(TRAIN, VECTORS, AVERAGE);
        Evaluation tribuo = c.evaluate(TEST);
        List<String> predicted = c.predict(TEST.stream().map(LabelledText::text).toList(), 1).stream()
                .map(Prediction::label)
                .toList();
        int[] truth = TEST.stream().mapToInt(r -> c.labels().indexOf(r.label())).toArray();
        int[] guess = predicted.stream().mapToInt(c.labels()::indexOf).toArray();
        Evaluation ours = Evaluation.of(c.labels(), truth, guess);
        assertEquals(ours.accuracy(), tribuo.accuracy(), 1e-12);
        assertEquals(ours.macroF1(), tribuo.macroF1(), 1e-12);
        for (int i = 0; i < ours.classes().size(); i++) {
            ClassMetrics a = ours.classes().get(i);
            ClassMetrics b = tribuo.classes().get(i);
            assertEquals(a.precision(), b.precision(), 1e-12);
            assertEquals(a.recall(), b.recall(), 1e-12);
            assertEquals(a.support(), b.support());
            assertArrayEquals(ours.confusion()[i], tribuo.confusion()[i]);
        }
    }

    @Test
    void bothArchitecturesExportOnnx() throws Exception {
        TextClassifier avg = TextClassifier.train(TRAIN, VECTORS, AVERAGE);
        Path a = dir.resolve("average.onnx");
        avg.exportOnnx(a);
        ModelProto am = OnnxFiles.read(a);
        assertEquals(1, am.getGraph().getInputCount());
        TextClassifier lstm = TextClassifier.train(TRAIN, VECTORS, LSTM.withEpochs(1));
        Path l = dir.resolve("lstm.onnx");
        lstm.exportOnnx(l);
        ModelProto lm = OnnxFiles.read(l);
        assertEquals("tokens", lm.getGraph().getInput(0).getName());
        // the exported graph, run by seqlab's ONNX interpreter on padded ids, gives the model's probabilities
        RecurrentModel rm = (RecurrentModel) lstm.model();
        List<String> texts = List.of("happy smile w3", "bread w1 w2 soup zzyzx");
        int[] first = rm.ids(texts.get(0));
        int[] second = rm.ids(texts.get(1));
        int steps = Math.max(first.length, second.length);
        long[] ids = new long[2 * steps];
        for (int t = 0; t < first.length; t++) {
            ids[t] = first[t];
        }
        for (int t = 0; t < second.length; t++) {
            ids[steps + t] = second[t];
        }
        float[] onnx = RecurrentOnnxImport.fromProto(lm, l)
                .run(Map.of("tokens", HostTensor.longs(ids, 2, steps)))
                .get("probabilities")
                .floats();
        List<Prediction> native3 = lstm.predict(texts, 3);
        for (int i = 0; i < 2; i++) {
            for (Prediction.ClassScore sc : native3.get(i).top()) {
                int c = lstm.labels().indexOf(sc.label());
                assertEquals(sc.probability(), onnx[i * 3 + c], 1e-5, texts.get(i) + " " + sc.label());
            }
        }
    }

    @Test
    void averageWithWordFeaturesExportsOnnxReadingTheWordsThenTheAverage() throws Exception {
        TextClassifier c = TextClassifier.train(TRAIN, VECTORS, AVERAGE_DEFAULTS);
        c.save(dir.resolve("m"));
        Path file = dir.resolve("m.onnx");
        c.exportOnnx(file);
        List<String> features = Files.readAllLines(dir.resolve("m").resolve(AverageModel.WORDS_FILE));
        AveragedWordVectorExtractor<Label> averages = new AveragedWordVectorExtractor<>(VECTORS, "synthetic");
        SentenceTokens tokens = new SentenceTokens(true);
        List<String> texts = List.of("happy smile w3 zzyzx", "Bread w1 w2 soup!");
        int width = features.size() + VECTORS.dimension();
        float[] x = new float[texts.size() * width];
        for (int i = 0; i < texts.size(); i++) {
            List<String> words = tokens.of(texts.get(i));
            List<String> padded = new ArrayList<>(List.of("<s>"));
            padded.addAll(words);
            padded.add("</s>");
            List<String> grams = new ArrayList<>(words);
            for (int t = 0; t + 1 < padded.size(); t++) {
                grams.add(padded.get(t) + " " + padded.get(t + 1));
            }
            for (String g : grams) {
                int col = features.indexOf(g);
                if (col >= 0) {
                    x[i * width + col] += 1f / words.size();
                }
            }
            double[] avg = averages.average(texts.get(i));
            for (int j = 0; j < avg.length; j++) {
                x[i * width + features.size() + j] = (float) avg[j];
            }
        }
        GraphInterpreter g = GraphInterpreter.prepare(OnnxFiles.read(file), OperatorRegistry.standard(), file);
        float[] onnx = g.run(Map.of(g.inputs().get(0).name(), HostTensor.floats(x, texts.size(), width)))
                .get(g.outputs().get(0).name())
                .floats();
        List<Prediction> expected = c.predict(texts, 3);
        var outputs = ((AverageModel) c.model()).tribuoModel().getOutputIDInfo();
        for (int i = 0; i < texts.size(); i++) {
            for (Prediction.ClassScore sc : expected.get(i).top()) {
                int k = outputs.getID(new Label(sc.label()));
                assertEquals(sc.probability(), onnx[i * 3 + k], 1e-5, texts.get(i) + " " + sc.label());
            }
        }
    }

    @Test
    void modelFilesAreThoseDocumented() throws Exception {
        TextClassifier.train(TRAIN, VECTORS, AVERAGE).save(dir.resolve("a"));
        assertTrue(Files.exists(dir.resolve("a").resolve(AverageModel.TRIBUO_FILE)));
        TextClassifier.train(TRAIN, VECTORS, LSTM.withEpochs(1)).save(dir.resolve("l"));
        assertEquals(VECTORS.words(), Files.readAllLines(dir.resolve("l").resolve(RecurrentModel.VOCABULARY_FILE)));
    }

    @Test
    void refusesASingleClassAndVectorsOfAnotherDimension() throws Exception {
        List<LabelledText> one = List.of(LabelledText.of("happy day", "joy"), LabelledText.of("glad", "joy"));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> TextClassifier.train(one, VECTORS, AVERAGE));
        assertTrue(e.getMessage().contains("only one class ('joy')"), e.getMessage());
        TextClassifier.train(TRAIN, VECTORS, LSTM.withEpochs(1)).save(dir.resolve("m"));
        e = assertThrows(
                IllegalArgumentException.class,
                () -> TextClassifier.load(dir.resolve("m"), SyntheticSentences.vectors(5)));
        assertTrue(e.getMessage().contains("dimension 5") && e.getMessage().contains("8-dimensional"), e.getMessage());
    }
}
