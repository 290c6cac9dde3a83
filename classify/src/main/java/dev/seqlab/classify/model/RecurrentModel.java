package dev.seqlab.classify.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.seqlab.classify.data.LabelledText;
import dev.seqlab.classify.options.Architecture;
import dev.seqlab.classify.options.ClassifyOptions;
import dev.seqlab.core.io.AtomicFiles;
import dev.seqlab.core.io.MalformedFileException;
import dev.seqlab.core.io.model.ModelFiles;
import dev.seqlab.core.io.safetensors.SafeTensors;
import dev.seqlab.core.progress.ProgressListener;
import dev.seqlab.core.train.TrainingOptions;
import dev.seqlab.core.train.TrainingResult;
import dev.seqlab.embeddings.WordVectors;
import dev.seqlab.rnn.cell.CellKind;
import dev.seqlab.rnn.classify.ClassifierOptions;
import dev.seqlab.rnn.classify.SequenceClassifier;
import dev.seqlab.rnn.onnx.RecurrentOnnxExport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The course's Emojify v2: a sentence's tokens as ids into a table holding the word vectors,
 * through an LSTM (one way or both) whose last state goes into a softmax — seqlab's
 * {@link SequenceClassifier}, trained with core's training loop (Adam, clipping, weighted loss
 * for class weights). Id 0 is padding, id 1 every unknown word (a zero vector, or a learned one
 * when fine-tuning), ids 2… the vectors' words in their order.
 *
 * <p>Saved as {@code model.safetensors} (every parameter, the embedding table included) and
 * {@code vocabulary.txt} (the words of ids 2…, one per line); needs no word vectors to predict.
 * The ONNX export reads padded id sequences {@code tokens [batch, time]} (int64).
 */
public final class RecurrentModel implements ClassifierModel {
    /** The vocabulary file (the word of id i+2 on line i+1). */
    public static final String VOCABULARY_FILE = "vocabulary.txt";
    /** The id of padding. */
    public static final int PADDING = 0;
    /** The id of every unknown word. */
    public static final int UNKNOWN = 1;

    private static final int BATCH = 256;

    private final SequenceClassifier net;
    private final List<String> words;
    private final Map<String, Integer> ids;
    private final SentenceTokens tokens;
    private final List<Double> losses;

    private RecurrentModel(SequenceClassifier net, List<String> words, SentenceTokens tokens, List<Double> losses) {
        this.net = net;
        this.words = List.copyOf(words);
        this.ids = new HashMap<>(words.size() * 2);
        for (int i = 0; i < words.size(); i++) {
            ids.putIfAbsent(words.get(i), i + 2);
        }
        this.tokens = tokens;
        this.losses = List.copyOf(losses);
    }

    /** The network's shape for these options, vocabulary size and vector width. */
    static ClassifierOptions network(ClassifyOptions o, int words, int dim, int classes) {
        return ClassifierOptions.defaults()
                .withVocabulary(words + 2)
                .withEmbeddingDim(dim)
                .withCell(CellKind.LSTM)
                .withHidden(o.hidden())
                .withLayers(1)
                .withBidirectional(o.arch() == Architecture.BILSTM)
                .withDropout(0f)
                .withClasses(classes);
    }

    /**
     * Trains on {@code rows} whose class ids are {@code y}.
     *
     * @param weights per-row loss weights, or null
     */
    public static RecurrentModel train(
            List<LabelledText> rows,
            int[] y,
            float[] weights,
            int classes,
            WordVectors vectors,
            ClassifyOptions o,
            ProgressListener progress) {
        int d = vectors.dimension();
        SequenceClassifier net = SequenceClassifier.create(network(o, vectors.size(), d, classes), o.seed());
        float[] table = new float[(vectors.size() + 2) * d];
        float[] matrix = vectors.copyOfMatrix();
        System.arraycopy(matrix, 0, table, 2 * d, matrix.length);
        net.setEmbeddings(table, !o.fineTune());
        RecurrentModel m = new RecurrentModel(net, vectors.words(), new SentenceTokens(o.lowercase()), List.of());
        List<int[]> seqs = new ArrayList<>(rows.size());
        for (LabelledText r : rows) {
            seqs.add(m.ids(r.text()));
        }
        TrainingOptions t = TrainingOptions.defaults()
                .withEpochs(o.epochs())
                .withBatchSize(o.batchSize())
                .withLearningRate(o.effectiveLearningRate())
                .withSeed(o.seed());
        TrainingResult r = net.fit(seqs, y, weights, t, progress);
        return new RecurrentModel(net, vectors.words(), m.tokens, r.trainLoss());
    }

    /**
     * The model saved in {@code dir}.
     *
     * @throws MalformedFileException if vocabulary.txt or model.safetensors does not fit the shape
     */
    public static RecurrentModel load(Path dir, ClassifyOptions o, int dim, int classes) throws IOException {
        Path vocab = dir.resolve(VOCABULARY_FILE);
        List<String> words = Files.readAllLines(vocab, StandardCharsets.UTF_8);
        if (words.isEmpty()) {
            throw new MalformedFileException(vocab, 0, "is empty: the model has no vocabulary");
        }
        SequenceClassifier net = SequenceClassifier.create(network(o, words.size(), dim, classes), o.seed());
        ModelFiles.loadWeights(dir, net.parameters());
        return new RecurrentModel(net, words, new SentenceTokens(o.lowercase()), List.of());
    }

    /** The network. */
    public SequenceClassifier network() {
        return net;
    }

    /** The token ids of {@code text} (one unknown id when it has no token). */
    public int[] ids(String text) {
        List<String> t = tokens.of(text);
        if (t.isEmpty()) {
            return new int[] {UNKNOWN};
        }
        int[] out = new int[t.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ids.getOrDefault(t.get(i), UNKNOWN);
        }
        return out;
    }

    @Override
    public float[][] probabilities(List<String> texts) {
        int c = net.options().classes();
        float[][] p = new float[texts.size()][];
        for (int from = 0; from < texts.size(); from += BATCH) {
            int to = Math.min(texts.size(), from + BATCH);
            List<int[]> batch = new ArrayList<>(to - from);
            for (int i = from; i < to; i++) {
                batch.add(ids(texts.get(i)));
            }
            float[] flat = net.probabilities(batch);
            for (int i = from; i < to; i++) {
                p[i] = new float[c];
                System.arraycopy(flat, (i - from) * c, p[i], 0, c);
            }
        }
        return p;
    }

    @Override
    public void save(Path dir, ObjectNode config) throws IOException {
        SafeTensors.write(
                dir.resolve(ModelFiles.WEIGHTS),
                net.parameters().values(),
                Map.of("architecture", config.path("architecture").asText()));
        byte[] vocab = (String.join("\n", words) + "\n").getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(dir.resolve(VOCABULARY_FILE), out -> out.write(vocab));
    }

    @Override
    public void exportOnnx(Path file) throws IOException {
        RecurrentOnnxExport.writeClassifier(net, file);
    }

    @Override
    public OovCount oov(List<String> texts) {
        return OovCount.of(texts, tokens, ids::containsKey);
    }

    @Override
    public List<Double> epochLosses() {
        return losses;
    }
}
