package dev.seqlab.rnn.lm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.seqlab.core.io.MalformedFileException;
import dev.seqlab.core.io.model.ModelFiles;
import dev.seqlab.core.options.ModelConfig;
import dev.seqlab.core.param.Parameters;
import dev.seqlab.core.random.SeededRandom;
import dev.seqlab.core.tensor.Tensor;
import dev.seqlab.rnn.cell.CellKind;
import dev.seqlab.rnn.layer.Dense;
import dev.seqlab.rnn.layer.RecurrentLayer;
import dev.seqlab.rnn.layer.RecurrentOptions;
import dev.seqlab.rnn.layer.RecurrentOutput;
import dev.seqlab.rnn.layer.SoftmaxCrossEntropy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A character-level language model: {@code x_t} (one-hot, or zero before the first character)
 * → recurrent stack → {@code logits_t = h_t·Wᵀ + b} → softmax over the next character.
 *
 * <pre>{@code
 * CharLanguageModel m = CharLanguageModel.create(CharVocabulary.of(text), CharModelOptions.lstm(128), 1);
 * CharModelTrainer.train(m, TrainingData.text(text), TrainOptions.defaults(), ProgressListener.NONE);
 * String s = CharSampler.sample(m, "The ", SamplingOptions.defaults(200), new SeededRandom(7));
 * m.save(Path.of("model"));
 * }</pre>
 */
public final class CharLanguageModel {
    /** The {@code architecture} value in config.json. */
    public static final String ARCHITECTURE = "seqlab-char-lm";

    private final CharVocabulary vocab;
    private final CharModelOptions options;
    private final RecurrentLayer rnn;
    private final Dense head;
    private final Parameters params = new Parameters();

    private CharLanguageModel(CharVocabulary vocab, CharModelOptions options, SeededRandom rng) {
        this.vocab = vocab;
        this.options = options;
        int v = vocab.size();
        this.rnn = RecurrentLayer.create(
                "rnn",
                RecurrentOptions.of(options.cell(), v, options.hidden())
                        .withLayers(options.layers())
                        .withDropout(options.dropout()),
                rng);
        this.head = new Dense("head", options.hidden(), v);
        head.initialize(rng);
        params.addAll(rnn.parameters());
        params.addAll(head.parameters());
    }

    /** A new model with weights drawn from {@code seed}. */
    public static CharLanguageModel create(CharVocabulary vocab, CharModelOptions options, long seed) {
        return new CharLanguageModel(vocab, options, new SeededRandom(seed));
    }

    /** The characters the model reads and writes. */
    public CharVocabulary vocabulary() {
        return vocab;
    }

    /** The architecture. */
    public CharModelOptions options() {
        return options;
    }

    /** All trainable parameters (recurrent stack, then the output layer). */
    public Parameters parameters() {
        return params;
    }

    /** The recurrent stack (its weights are the model's; changing them changes the model). */
    public RecurrentLayer recurrent() {
        return rnn;
    }

    /** The output layer, hidden state to one logit per character. */
    public Dense head() {
        return head;
    }

    /** One-hot encoding {@code [T, B, V]} of time-major ids (-1 gives a zero row). */
    Tensor oneHot(int[] ids, int steps, int batch) {
        int v = vocab.size();
        Tensor x = Tensor.zeros(steps, batch, v);
        float[] d = x.data();
        for (int r = 0; r < ids.length; r++) {
            if (ids[r] >= 0) {
                d[r * v + ids[r]] = 1f;
            }
        }
        return x;
    }

    /**
     * Forward and backward on one batch: adds the gradients of the mean cross-entropy to the
     * parameters (the caller zeroes them) and returns that mean, in nats per character.
     *
     * @param dropoutRng draws dropout masks (ignored without dropout)
     */
    public double trainStep(CharBatch batch, SeededRandom dropoutRng) {
        return run(batch, true, dropoutRng);
    }

    /** The mean cross-entropy on one batch without dropout or gradients, in nats per character. */
    public double loss(CharBatch batch) {
        return run(batch, false, null);
    }

    private double run(CharBatch batch, boolean train, SeededRandom rng) {
        int steps = batch.steps();
        int b = batch.batch();
        int v = vocab.size();
        int h = options.hidden();
        int rows = steps * b;
        Tensor x = oneHot(batch.inputs(), steps, b);
        RecurrentOutput out = rnn.forward(x, batch.lengths(), null, null, train, rng);
        float[] logits = new float[rows * v];
        head.forward(rows, out.outputs().data(), 0, logits, 0);
        if (!train) {
            return SoftmaxCrossEntropy.lossAndGradient(rows, v, logits, batch.targets(), -1, null);
        }
        float[] dLogits = new float[rows * v];
        double loss = SoftmaxCrossEntropy.lossAndGradient(rows, v, logits, batch.targets(), -1, dLogits);
        Tensor dOut = Tensor.zeros(steps, b, h);
        head.backward(rows, out.outputs().data(), 0, dLogits, 0, dOut.data(), 0);
        rnn.backward(out.cache(), dOut, null, null, false); // the one-hot inputs need no gradient
        return loss;
    }

    /** The running state of generation: the recurrent states after the characters read so far. */
    public final class State {
        private Tensor h;
        private Tensor c;

        private State() {}

        /**
         * Reads one character id (-1: the start of a sequence, no character) and returns the
         * logits of the next character.
         */
        public float[] next(int id) {
            RecurrentOutput o = rnn.forward(oneHot(new int[] {id}, 1, 1), null, h, c, false, null);
            h = o.lastHidden();
            c = o.lastCell();
            float[] logits = new float[vocab.size()];
            head.forward(1, o.outputs().data(), 0, logits, 0);
            return logits;
        }

        /** A copy of this state (for beam search). */
        public State copy() {
            State s = new State();
            s.h = h == null ? null : h.copy();
            s.c = c == null ? null : c.copy();
            return s;
        }
    }

    /** A fresh generation state (zero recurrent states). */
    public State start() {
        return new State();
    }

    /** Writes {@code dir/config.json} and {@code dir/model.safetensors} (each atomically). */
    public void save(Path dir) throws IOException {
        ModelFiles.save(
                dir,
                ModelConfig.of(ARCHITECTURE, options)
                        .put("linear_before_reset", true)
                        .put(
                                "gate_order",
                                options.cell() == CellKind.LSTM ? "iofc" : options.cell() == CellKind.GRU ? "zrh" : "-")
                        .put("vocabulary", vocab.chars()),
                params);
    }

    /**
     * Fails before the model is allocated when config.json describes more weights than
     * model.safetensors can hold (at least one byte each): a config of 8192 hidden units in 16
     * LSTM layers would otherwise allocate 34 GB.
     */
    private static void checkWeightsCanHold(Path dir, CharModelOptions o, int vocabulary) throws IOException {
        long h = o.hidden();
        long weights = h * vocabulary
                + o.cell().gates() * h * (vocabulary + h)
                + (o.layers() - 1L) * o.cell().gates() * h * (2 * h);
        Path file = dir.resolve(ModelFiles.WEIGHTS);
        long bytes = Files.size(file);
        if (weights > bytes) {
            throw new MalformedFileException(
                    dir.resolve(ModelFiles.CONFIG),
                    0,
                    "describes a model of at least " + weights + " weights, more than " + file.getFileName() + " ("
                            + bytes + " bytes) holds");
        }
    }

    /**
     * Reads a model {@link #save}d to {@code dir}.
     *
     * @throws NoSuchFileException    if the directory or a file is missing
     * @throws MalformedFileException if config.json is not a seqlab char model's or the weights do not fit it
     */
    public static CharLanguageModel load(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new NoSuchFileException(dir.toString(), null, "no model directory");
        }
        String arch = ModelFiles.architecture(dir);
        if (!ARCHITECTURE.equals(arch)) {
            throw new MalformedFileException(
                    dir.resolve(ModelFiles.CONFIG), 0, "not a seqlab character model (architecture '" + arch + "')");
        }
        JsonNode cfg = ModelFiles.readConfig(dir, ARCHITECTURE);
        CharModelOptions options = ModelConfig.options(
                dir, cfg, CharModelOptions.defaults(), "linear_before_reset", "gate_order", "vocabulary");
        CharVocabulary vocab;
        try {
            vocab = CharVocabulary.ofChars(cfg.path("vocabulary").asText());
        } catch (IllegalArgumentException e) {
            throw new MalformedFileException(dir.resolve(ModelFiles.CONFIG), 0, e.getMessage());
        }
        checkWeightsCanHold(dir, options, vocab.size());
        CharLanguageModel m = new CharLanguageModel(vocab, options, new SeededRandom(0));
        ModelFiles.loadWeights(dir, m.params);
        return m;
    }
}
