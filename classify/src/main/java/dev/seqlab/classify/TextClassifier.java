package dev.seqlab.classify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.seqlab.classify.data.LabelledText;
import dev.seqlab.classify.eval.Evaluation;
import dev.seqlab.classify.eval.TribuoEvaluation;
import dev.seqlab.classify.model.AverageModel;
import dev.seqlab.classify.model.ClassWeights;
import dev.seqlab.classify.model.ClassifierModel;
import dev.seqlab.classify.model.OovCount;
import dev.seqlab.classify.model.RecurrentModel;
import dev.seqlab.classify.options.Architecture;
import dev.seqlab.classify.options.ClassifyOptions;
import dev.seqlab.core.io.AtomicFiles;
import dev.seqlab.core.io.MalformedFileException;
import dev.seqlab.core.io.model.ModelFiles;
import dev.seqlab.core.options.ModelConfig;
import dev.seqlab.core.progress.ProgressListener;
import dev.seqlab.embeddings.WordVectors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A sentence classifier on word vectors: train it on labelled sentences, predict, evaluate, save
 * it as a model directory ({@code config.json}, {@code model.safetensors}, and the architecture's
 * own files) and export it as ONNX.
 *
 * <pre>{@code
 * TextClassifier c = TextClassifier.train(rows, vectors, ClassifyOptions.defaults().withArch(Architecture.LSTM));
 * c.save(Path.of("model"));
 * List<Prediction> p = TextClassifier.load(Path.of("model"), vectors).predict(List.of("what a day"), 3);
 * }</pre>
 *
 * <p>Classes are the distinct labels of the training rows in string order.
 */
public final class TextClassifier {
    /** The architecture name in config.json. */
    public static final String ARCHITECTURE = "seqlab-text-classifier";

    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * What a config.json that names no word n-grams meant when written: single words only (the
     * field came later; models saved before keep predicting as they did, whatever today's default).
     */
    private static final ClassifyOptions WRITTEN_BEFORE_NGRAMS =
            ClassifyOptions.defaults().withWordNgrams(1);

    private final ClassifyOptions options;
    private final List<String> labels;
    private final int dimension;
    private final Path vectorsFile;
    private final ClassifierModel model;
    private final TrainingSummary summary;

    private TextClassifier(
            ClassifyOptions options,
            List<String> labels,
            int dimension,
            Path vectorsFile,
            ClassifierModel model,
            TrainingSummary summary) {
        this.options = options;
        this.labels = List.copyOf(labels);
        this.dimension = dimension;
        this.vectorsFile = vectorsFile;
        this.model = model;
        this.summary = summary;
    }

    /**
     * Trains a classifier of {@code options.arch()} on {@code rows} with {@code vectors}.
     *
     * @throws IllegalArgumentException if there are no rows, a row has no label or all share one class
     */
    public static TextClassifier train(List<LabelledText> rows, WordVectors vectors, ClassifyOptions options) {
        return train(rows, vectors, null, options, ProgressListener.NONE);
    }

    /**
     * As {@link #train(List, WordVectors, ClassifyOptions)}, recording where the vectors came from
     * (an {@code average} model reads them again to predict) and reporting progress.
     *
     * @param vectorsFile the vectors' file, recorded in config.json (may be null)
     */
    public static TextClassifier train(
            List<LabelledText> rows,
            WordVectors vectors,
            Path vectorsFile,
            ClassifyOptions options,
            ProgressListener progress) {
        List<String> labels = labels(rows);
        Map<String, Integer> index = index(labels);
        int[] y = new int[rows.size()];
        long[] counts = new long[labels.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = index.get(rows.get(i).label());
            counts[y[i]]++;
        }
        float[] weights = ClassWeights.of(options.classWeights(), y, labels.size());
        long start = System.nanoTime();
        ClassifierModel m = options.arch() == Architecture.AVERAGE
                ? AverageModel.train(rows, y, weights, labels, vectors, options)
                : RecurrentModel.train(rows, y, weights, labels.size(), vectors, options, progress);
        double seconds = (System.nanoTime() - start) / 1e9;
        Path source = vectorsFile == null ? null : vectorsFile.toAbsolutePath();
        TextClassifier c = new TextClassifier(options, labels, vectors.dimension(), source, m, null);
        List<String> texts = rows.stream().map(LabelledText::text).toList();
        double accuracy = c.evaluate(rows).accuracy();
        List<Long> classCounts = new ArrayList<>();
        for (long n : counts) {
            classCounts.add(n);
        }
        TrainingSummary s =
                new TrainingSummary(rows.size(), classCounts, seconds, accuracy, m.oov(texts), m.epochLosses());
        return new TextClassifier(options, labels, vectors.dimension(), source, m, s);
    }

    /** The distinct labels of {@code rows} in string order, checked to be at least two. */
    public static List<String> labels(List<LabelledText> rows) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no labelled sentences to train on");
        }
        TreeSet<String> set = new TreeSet<>();
        for (LabelledText r : rows) {
            if (r.label() == null || r.label().isBlank()) {
                throw new IllegalArgumentException(
                        (r.line() > 0 ? "line " + r.line() + ": " : "") + "a training sentence has no label");
            }
            set.add(r.label());
        }
        if (set.size() < 2) {
            throw new IllegalArgumentException("only one class ('" + set.first() + "') among " + rows.size()
                    + " sentences: a classifier needs at least two");
        }
        return List.copyOf(set);
    }

    private static Map<String, Integer> index(List<String> labels) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            index.put(labels.get(i), i);
        }
        return index;
    }

    /**
     * The model saved in {@code dir}; an {@code average} model reads the vectors file its config
     * names.
     */
    public static TextClassifier load(Path dir) throws IOException {
        return load(dir, null);
    }

    /**
     * The model saved in {@code dir}, an {@code average} one predicting with {@code vectors} (null:
     * the vectors file its config.json names).
     *
     * @throws IllegalArgumentException if {@code vectors} have another dimension than the model's
     * @throws MalformedFileException   if the directory's files do not fit together
     */
    public static TextClassifier load(Path dir, WordVectors vectors) throws IOException {
        JsonNode cfg = ModelFiles.readConfig(dir, ARCHITECTURE);
        ClassifyOptions o = ModelConfig.options(dir, cfg, WRITTEN_BEFORE_NGRAMS, "labels", "dimension", "vectors");
        Path config = dir.resolve(ModelFiles.CONFIG);
        List<String> labels = new ArrayList<>();
        cfg.path("labels").forEach(n -> labels.add(n.asText()));
        if (labels.size() < 2 || new TreeSet<>(labels).size() != labels.size()) {
            throw new MalformedFileException(config, 0, "'labels' must list at least two distinct classes");
        }
        int dim = cfg.path("dimension").asInt(0);
        if (dim < 1) {
            throw new MalformedFileException(config, 0, "'dimension' must be a positive integer");
        }
        Path source = cfg.hasNonNull("vectors") ? Path.of(cfg.get("vectors").asText()) : null;
        if (vectors != null && vectors.dimension() != dim) {
            throw new IllegalArgumentException("the word vectors have dimension " + vectors.dimension()
                    + " but the model in " + dir + " was trained on " + dim + "-dimensional vectors");
        }
        ClassifierModel m;
        if (o.arch() == Architecture.AVERAGE) {
            WordVectors wv = vectors;
            if (wv == null) {
                if (source == null) {
                    throw new MalformedFileException(
                            config, 0, "names no word vectors file: give the vectors the model was trained on");
                }
                wv = WordVectors.load(source);
                if (wv.dimension() != dim) {
                    throw new MalformedFileException(
                            config,
                            0,
                            "names " + source + ", of dimension " + wv.dimension() + ", but the model was trained on "
                                    + dim + "-dimensional vectors");
                }
            }
            m = AverageModel.load(dir, wv, o, labels);
        } else {
            m = RecurrentModel.load(dir, o, dim, labels.size());
        }
        return new TextClassifier(o, labels, dim, source, m, null);
    }

    /** Writes the model to {@code dir} (created if missing). */
    public void save(Path dir) throws IOException {
        Files.createDirectories(dir);
        ObjectNode config = ModelConfig.of(ARCHITECTURE, options);
        ArrayNode ls = config.putArray("labels");
        labels.forEach(ls::add);
        config.put("dimension", dimension);
        if (vectorsFile != null) {
            config.put("vectors", vectorsFile.toString());
        }
        model.save(dir, config);
        byte[] json = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(config);
        AtomicFiles.write(dir.resolve(ModelFiles.CONFIG), out -> out.write(json));
    }

    /** Writes the model as ONNX (see the architecture's class for its inputs). */
    public void exportOnnx(Path file) throws IOException {
        model.exportOnnx(file);
    }

    /** The {@code top} most probable classes of each text, best first. */
    public List<Prediction> predict(List<String> texts, int top) {
        if (top < 1) {
            throw new IllegalArgumentException("top must be at least 1, got " + top);
        }
        float[][] p = model.probabilities(texts);
        List<Prediction> out = new ArrayList<>(texts.size());
        for (float[] row : p) {
            List<Prediction.ClassScore> scores = new ArrayList<>(labels.size());
            for (int c = 0; c < row.length; c++) {
                scores.add(new Prediction.ClassScore(labels.get(c), row[c]));
            }
            scores.sort(Comparator.comparingDouble(Prediction.ClassScore::probability)
                    .reversed());
            out.add(new Prediction(scores.subList(0, Math.min(top, scores.size()))));
        }
        return out;
    }

    /** The most probable class of {@code text}. */
    public Prediction predict(String text) {
        return predict(List.of(text), 1).get(0);
    }

    /**
     * The scores on labelled {@code rows}: Tribuo's evaluation for {@code average}, seqlab's for
     * the recurrent models.
     *
     * @throws IllegalArgumentException naming the line of a row whose label the model does not know
     */
    public Evaluation evaluate(List<LabelledText> rows) {
        Map<String, Integer> index = index(labels);
        int[] truth = new int[rows.size()];
        for (int i = 0; i < truth.length; i++) {
            LabelledText r = rows.get(i);
            Integer id = r.label() == null ? null : index.get(r.label());
            if (id == null) {
                throw new IllegalArgumentException((r.line() > 0 ? "line " + r.line() + ": " : "") + "class '"
                        + r.label() + "' is not one the model knows " + labels);
            }
            truth[i] = id;
        }
        if (model instanceof AverageModel a) {
            return TribuoEvaluation.of(a.evaluate(rows, truth), labels);
        }
        float[][] p = model.probabilities(rows.stream().map(LabelledText::text).toList());
        int[] predicted = new int[p.length];
        for (int i = 0; i < p.length; i++) {
            int best = 0;
            for (int c = 1; c < p[i].length; c++) {
                if (p[i][c] > p[i][best]) {
                    best = c;
                }
            }
            predicted[i] = best;
        }
        return Evaluation.of(labels, truth, predicted);
    }

    /** The unknown words among {@code texts}. */
    public OovCount oov(List<String> texts) {
        return model.oov(texts);
    }

    /** How it was trained. */
    public ClassifyOptions options() {
        return options;
    }

    /** The classes, in order. */
    public List<String> labels() {
        return labels;
    }

    /** The word vectors' dimension. */
    public int dimension() {
        return dimension;
    }

    /** What training did, or null for a loaded model. */
    public TrainingSummary summary() {
        return summary;
    }

    /** The architecture's model. */
    public ClassifierModel model() {
        return model;
    }
}
