package dev.seqlab.embeddings.tribuo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seqlab.embeddings.WordVectors;
import dev.seqlab.embeddings.fixtures.Vectors;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.evaluation.LabelEvaluator;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * The course's "Emojify v1" idea with Tribuo: a sentence is the average of its word vectors and a
 * logistic regression picks one of five emoji. The 150 sentences are the project's own
 * ({@code emoji-sentences.tsv}). Pretrained vectors cannot be downloaded in a test, so the vectors
 * are built here: each word listed in {@code topic-words.tsv} is its topic's random direction plus
 * noise, every other word is pure noise. That stands in for what trained vectors know about
 * word meaning; what is tested is the pipeline (extractor → Tribuo dataset → trainer → evaluation)
 * and that the representation carries the meaning to words the classifier never saw.
 */
class EmojifyTest {
    private static final int DIM = 50;

    record Sentence(String text, String label) {}

    @Test
    void logisticRegressionOnAveragedVectorsBeatsTheMajorityClass() throws IOException {
        List<Sentence> sentences = read("emoji-sentences.tsv");
        assertEquals(150, sentences.size());
        WordVectors vectors = topicVectors(sentences);
        var extractor = new AveragedWordVectorExtractor<Label>(vectors, "synthetic topic vectors");

        List<Sentence> shuffled = new ArrayList<>(sentences);
        Collections.shuffle(shuffled, new Random(20));
        List<Sentence> train = shuffled.subList(0, 105);
        List<Sentence> test = shuffled.subList(105, 150);

        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> trainSet =
                new MutableDataset<>(new SimpleDataSourceProvenance("emoji train", factory), factory);
        for (Sentence s : train) {
            trainSet.add(extractor.extract(new Label(s.label()), s.text()));
        }
        MutableDataset<Label> testSet =
                new MutableDataset<>(new SimpleDataSourceProvenance("emoji test", factory), factory);
        for (Sentence s : test) {
            testSet.add(extractor.extract(new Label(s.label()), s.text()));
        }
        Model<Label> model = new LogisticRegressionTrainer().train(trainSet);
        double accuracy = new LabelEvaluator().evaluate(model, testSet).accuracy();

        Map<String, Integer> trainCounts = new TreeMap<>();
        train.forEach(s -> trainCounts.merge(s.label(), 1, Integer::sum));
        String majority = Collections.max(trainCounts.entrySet(), Map.Entry.comparingByValue())
                .getKey();
        double majorityAccuracy =
                test.stream().filter(s -> s.label().equals(majority)).count() / (double) test.size();
        System.out.printf(
                "Emojify v1 with Tribuo: held-out accuracy %.3f, majority class '%s' %.3f%n",
                accuracy, majority, majorityAccuracy);
        assertTrue(accuracy > majorityAccuracy, "accuracy " + accuracy + " vs majority " + majorityAccuracy);
        assertTrue(accuracy >= 0.8, "accuracy " + accuracy);

        // sentences made only of words that occur in no sentence: only the vectors can place them
        Map<String, String> unseen = Map.of(
                "beloved passion affection", "love",
                "cricket golf tournament", "sports",
                "delighted cheer", "happy",
                "grief unhappy", "sad",
                "spaghetti", "food");
        for (Map.Entry<String, String> e : unseen.entrySet()) {
            Label predicted = model.predict(extractor.extract(LabelFactory.UNKNOWN_LABEL, e.getKey()))
                    .getOutput();
            assertEquals(e.getValue(), predicted.getLabel(), e.getKey());
        }
    }

    static List<Sentence> read(String resource) throws IOException {
        List<Sentence> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(
                new InputStreamReader(EmojifyTest.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                out.add(new Sentence(f[0], f[1]));
            }
        }
        return out;
    }

    /** Topic direction + noise for the listed words, noise for every other word of the sentences. */
    static WordVectors topicVectors(List<Sentence> sentences) throws IOException {
        Map<String, String> topicOf = new HashMap<>();
        for (Sentence s : read("topic-words.tsv")) {
            topicOf.put(s.text(), s.label());
        }
        TreeSet<String> vocabulary = new TreeSet<>(topicOf.keySet());
        for (Sentence s : sentences) {
            vocabulary.addAll(List.of(s.text().split(" ")));
        }
        SplittableRandom rnd = new SplittableRandom(2016);
        Map<String, double[]> topics = new TreeMap<>();
        for (String t : new TreeSet<>(topicOf.values())) {
            topics.put(t, unit(gaussian(rnd, 1.0)));
        }
        List<String> words = new ArrayList<>(vocabulary);
        float[][] v = new float[words.size()][DIM];
        for (int i = 0; i < words.size(); i++) {
            String topic = topicOf.get(words.get(i));
            double[] noise = gaussian(rnd, topic == null ? 1.0 / Math.sqrt(DIM) : 0.7 / Math.sqrt(DIM));
            for (int j = 0; j < DIM; j++) {
                v[i][j] = (float) ((topic == null ? 0 : topics.get(topic)[j]) + noise[j]);
            }
        }
        return Vectors.of(words, v);
    }

    private static double[] gaussian(SplittableRandom rnd, double sigma) {
        double[] g = new double[DIM];
        for (int j = 0; j < DIM; j++) {
            // Box–Muller from two uniforms
            double u = 1 - rnd.nextDouble();
            double w = rnd.nextDouble();
            g[j] = sigma * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * w);
        }
        return g;
    }

    private static double[] unit(double[] x) {
        double n = 0;
        for (double y : x) {
            n += y * y;
        }
        for (int j = 0; j < x.length; j++) {
            x[j] /= Math.sqrt(n);
        }
        return x;
    }
}
