package dev.seqlab.classify.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.seqlab.classify.data.LabelledText;
import dev.seqlab.classify.options.ClassifyOptions;
import dev.seqlab.core.io.AtomicFiles;
import dev.seqlab.core.io.MalformedFileException;
import dev.seqlab.core.io.model.ModelFiles;
import dev.seqlab.core.io.safetensors.SafeTensors;
import dev.seqlab.core.tensor.Tensor;
import dev.seqlab.embeddings.WordVectors;
import dev.seqlab.embeddings.tribuo.AveragedWordVectorExtractor;
import dev.seqlab.onnx.graph.OnnxFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.evaluation.LabelEvaluation;
import org.tribuo.classification.evaluation.LabelEvaluator;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * The course's Emojify v1: a sentence is the average of its known word vectors (unknown words
 * skipped, {@link AveragedWordVectorExtractor}), classified by Tribuo's linear model trained with
 * SGD on the multinomial logistic loss (AdaGrad steps, example weights for class weights). With
 * word features (the default) the linear model also reads, as fastText's supervised mode does, the
 * sentence's words and runs of up to {@code wordNgrams} words (the start and end of the sentence
 * counting as the words {@code <s>} and {@code </s>}), each its count over the sentence's length.
 *
 * <p>Saved as {@code model.tribuo} (Tribuo's own protobuf serialisation, loaded back for
 * prediction) and {@code model.safetensors} ({@code weights [classes, d]} and {@code bias [classes]}
 * in the label order of config.json, for any other tool; with word features also
 * {@code word_weights [classes, words]} for the lines of {@code words.txt}, a word or a run of
 * words separated by spaces). The model reads averaged vectors, so predicting needs the same word
 * vectors as training; the ONNX export's input is Tribuo's feature vector, {@code [batch, d]} for
 * the average alone, with word features also one column per line of {@code words.txt} (Tribuo's
 * order: feature names sorted).
 */
public final class AverageModel implements ClassifierModel {
    /** Tribuo's serialisation of the model. */
    public static final String TRIBUO_FILE = "model.tribuo";
    /** The words of the word features, in the column order of {@code word_weights}. */
    public static final String WORDS_FILE = "words.txt";

    private static final String VECTOR_PREFIX = "wv-";
    private static final String WORD_PREFIX = "word:";
    /** Where a sentence starts and ends, in word n-grams (so "<s> to" is a sentence starting "to"). */
    private static final String START = "<s>";

    private static final String END = "</s>";

    private final LinearSGDModel model;
    private final AveragedWordVectorExtractor<Label> extractor;
    private final SentenceTokens tokens;
    private final WordVectors vectors;
    private final List<String> labels;
    private final ClassifyOptions options;
    private final boolean wordFeatures;

    private AverageModel(
            LinearSGDModel model, WordVectors vectors, SentenceTokens tokens, List<String> labels, ClassifyOptions o) {
        this.model = model;
        this.options = o;
        this.wordFeatures = o.wordFeatures();
        this.vectors = vectors;
        this.tokens = tokens;
        this.labels = List.copyOf(labels);
        this.extractor =
                new AveragedWordVectorExtractor<>(vectors, "word vectors", tokens.tokenizer(), tokens.lowercase());
    }

    /**
     * Trains on {@code rows} whose class ids are {@code y} (indexes into {@code labels}).
     *
     * @param weights per-row loss weights, or null
     */
    public static AverageModel train(
            List<LabelledText> rows,
            int[] y,
            float[] weights,
            List<String> labels,
            WordVectors vectors,
            ClassifyOptions o) {
        SentenceTokens tokens = new SentenceTokens(o.lowercase());
        AverageModel shell = new AverageModel(null, vectors, tokens, labels, o);
        MutableDataset<Label> data = shell.dataset(rows, y, weights);
        LinearSGDTrainer trainer = new LinearSGDTrainer(
                new LogMulticlass(),
                new AdaGrad(o.effectiveLearningRate(), 0.1),
                o.epochs(),
                -1,
                o.batchSize(),
                o.seed());
        LinearSGDModel m = (LinearSGDModel) trainer.train(data);
        return new AverageModel(m, vectors, tokens, labels, o);
    }

    /**
     * The model saved in {@code dir}, predicting with {@code vectors}.
     *
     * @throws MalformedFileException if model.tribuo is not a linear SGD classifier or its classes
     *                                or dimension differ from config.json's
     */
    public static AverageModel load(Path dir, WordVectors vectors, ClassifyOptions o, List<String> labels)
            throws IOException {
        Path file = dir.resolve(TRIBUO_FILE);
        Model<?> m;
        try {
            m = Model.deserializeFromFile(file);
        } catch (RuntimeException e) {
            throw new MalformedFileException(file, 0, "not a Tribuo model (" + e.getMessage() + ")", e);
        }
        if (!(m instanceof LinearSGDModel lm)) {
            throw new MalformedFileException(
                    file, 0, "holds a " + m.getClass().getSimpleName() + ", not a LinearSGDModel");
        }
        long dims = lm.getFeatureIDMap().keySet().stream()
                .filter(n -> n.startsWith(VECTOR_PREFIX))
                .count();
        if (dims != vectors.dimension()) {
            throw new IllegalArgumentException("the word vectors have dimension " + vectors.dimension()
                    + " but the model in " + dir + " was trained on " + dims);
        }
        for (String l : labels) {
            if (lm.getOutputIDInfo().getID(new Label(l)) < 0) {
                throw new MalformedFileException(file, 0, "has no class '" + l + "' named in config.json");
            }
        }
        return new AverageModel(lm, vectors, new SentenceTokens(o.lowercase()), labels, o);
    }

    private MutableDataset<Label> dataset(List<LabelledText> rows, int[] y, float[] weights) {
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> data =
                new MutableDataset<>(new SimpleDataSourceProvenance("seqlab classify sentences", factory), factory);
        for (int i = 0; i < rows.size(); i++) {
            Example<Label> ex = example(new Label(labels.get(y[i])), rows.get(i).text());
            if (weights != null) {
                ex.setWeight(weights[i]);
            }
            data.add(ex);
        }
        return data;
    }

    /**
     * The averaged vector of {@code text} ({@link AveragedWordVectorExtractor}), and with word
     * features one {@code word:TOKEN} feature per distinct token, with longer word n-grams also one
     * {@code word:W1 W2} feature per distinct run of words (the sentence's start and end count as
     * the words {@code <s>} and {@code </s>}), each its count over the sentence's token count.
     */
    private Example<Label> example(Label label, String text) {
        Example<Label> ex = extractor.extract(label, text);
        if (!wordFeatures) {
            return ex;
        }
        List<String> words = tokens.of(text);
        Map<String, Integer> counts = wordCounts(words);
        List<Feature> features = new ArrayList<>(ex.size() + counts.size());
        for (Feature f : ex) {
            features.add(f);
        }
        counts.forEach((name, n) -> features.add(new Feature(name, n / (double) words.size())));
        return new ArrayExample<>(label, features);
    }

    /** How often each word, and each run of up to {@code wordNgrams} words, occurs in {@code words}. */
    private Map<String, Integer> wordCounts(List<String> words) {
        Map<String, Integer> counts = new TreeMap<>();
        for (String w : words) {
            counts.merge(WORD_PREFIX + w, 1, Integer::sum);
        }
        if (options.wordNgrams() > 1) {
            List<String> padded = new ArrayList<>(words.size() + 2);
            padded.add(START);
            padded.addAll(words);
            padded.add(END);
            for (int n = 2; n <= options.wordNgrams(); n++) {
                for (int i = 0; i + n <= padded.size(); i++) {
                    counts.merge(WORD_PREFIX + String.join(" ", padded.subList(i, i + n)), 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    /** The Tribuo model. */
    public LinearSGDModel tribuoModel() {
        return model;
    }

    /**
     * Tribuo's evaluation of this model on {@code rows} whose class ids are {@code y}.
     */
    public LabelEvaluation evaluate(List<LabelledText> rows, int[] y) {
        return new LabelEvaluator().evaluate(model, dataset(rows, y, null));
    }

    @Override
    public float[][] probabilities(List<String> texts) {
        List<Example<Label>> examples = new ArrayList<>(texts.size());
        Label unknown = LabelFactory.UNKNOWN_LABEL;
        for (String t : texts) {
            examples.add(example(unknown, t));
        }
        List<Prediction<Label>> predictions = model.predict(examples);
        float[][] p = new float[texts.size()][labels.size()];
        for (int i = 0; i < p.length; i++) {
            Map<String, Label> scores = predictions.get(i).getOutputScores();
            for (int c = 0; c < labels.size(); c++) {
                p[i][c] = (float) scores.get(labels.get(c)).getScore();
            }
        }
        return p;
    }

    @Override
    public void save(Path dir, ObjectNode config) throws IOException {
        ImmutableOutputInfo<Label> outputs = model.getOutputIDInfo();
        ImmutableFeatureMap features = model.getFeatureIDMap();
        DenseMatrix w = model.getWeightsCopy();
        int d = vectors.dimension();
        String[] names = AveragedWordVectorExtractor.featureNames(d);
        float[] weights = new float[labels.size() * d];
        float[] bias = new float[labels.size()];
        for (int c = 0; c < labels.size(); c++) {
            int row = outputs.getID(new Label(labels.get(c)));
            for (int j = 0; j < d; j++) {
                weights[c * d + j] = (float) w.get(row, features.getID(names[j]));
            }
            bias[c] = (float) w.get(row, features.size());
        }
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        tensors.put("weights", Tensor.of(weights, labels.size(), d));
        tensors.put("bias", Tensor.of(bias, labels.size()));
        if (wordFeatures) {
            List<String> words = new ArrayList<>();
            List<Integer> ids = new ArrayList<>();
            for (String name : new TreeSet<>(features.keySet())) {
                if (name.startsWith(WORD_PREFIX)) {
                    words.add(name.substring(WORD_PREFIX.length()));
                    ids.add(features.getID(name));
                }
            }
            float[] ww = new float[labels.size() * words.size()];
            for (int c = 0; c < labels.size(); c++) {
                int row = outputs.getID(new Label(labels.get(c)));
                for (int j = 0; j < ids.size(); j++) {
                    ww[c * words.size() + j] = (float) w.get(row, ids.get(j));
                }
            }
            tensors.put("word_weights", Tensor.of(ww, labels.size(), words.size()));
            byte[] list = (String.join("\n", words) + "\n").getBytes(StandardCharsets.UTF_8);
            AtomicFiles.write(dir.resolve(WORDS_FILE), out -> out.write(list));
        }
        SafeTensors.write(
                dir.resolve(ModelFiles.WEIGHTS),
                tensors,
                Map.of("architecture", config.path("architecture").asText()));
        model.serializeToFile(dir.resolve(TRIBUO_FILE));
    }

    @Override
    public void exportOnnx(Path file) throws IOException {
        OnnxFiles.write(model.exportONNXModel("dev.seqlab.classify", 1), file);
    }

    @Override
    public OovCount oov(List<String> texts) {
        return OovCount.of(texts, tokens, w -> vectors.indexOf(w) >= 0);
    }

    @Override
    public List<Double> epochLosses() {
        return List.of();
    }
}
