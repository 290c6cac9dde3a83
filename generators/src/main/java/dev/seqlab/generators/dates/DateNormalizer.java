package dev.seqlab.generators.dates;

import ai.onnx.proto.OnnxMl.ModelProto;
import dev.seqlab.attention.files.Seq2SeqModelFiles;
import dev.seqlab.attention.model.Prediction;
import dev.seqlab.attention.model.Seq2SeqModel;
import dev.seqlab.attention.onnx.AttentionOnnxExport;
import dev.seqlab.attention.onnx.TransformerOnnxExport;
import dev.seqlab.attention.seq2seq.AttentionSeq2Seq;
import dev.seqlab.attention.seq2seq.Seq2SeqOptions;
import dev.seqlab.attention.train.Seq2SeqTrainer;
import dev.seqlab.attention.transformer.TransformerOptions;
import dev.seqlab.attention.transformer.TransformerSeq2Seq;
import dev.seqlab.core.checkpoint.TrainingStoppedException;
import dev.seqlab.core.io.MalformedFileException;
import dev.seqlab.core.optim.ClipPolicy;
import dev.seqlab.core.progress.ProgressListener;
import dev.seqlab.core.train.RunControl;
import dev.seqlab.core.train.TrainingOptions;
import dev.seqlab.core.train.TrainingResult;
import dev.seqlab.corpora.dates.DatePair;
import dev.seqlab.corpora.dates.DatePairs;
import dev.seqlab.corpora.dates.DateVocabulary;
import dev.seqlab.generators.cache.CachedModel;
import dev.seqlab.onnx.graph.OnnxFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns dates as people write them ("3 may 1979", "5/3/79", "tue 10 jul 2007") into ISO dates with
 * the course's attention model or a small Transformer. An output that is not a real calendar date is reported as not
 * understood, never returned as if it were right.
 *
 * <pre>{@code
 * DateNormalizer dates = DateNormalizer.load();          // trained once (about two minutes), then cached
 * DateNormalizer.Result r = dates.normalize("3 may 1979");
 * r.iso();                                               // "1979-05-03"
 * }</pre>
 *
 * <p>Thread-safe: a normaliser does not change once trained or loaded, and {@link #normalize}
 * may be called from several threads at once (each call keeps its own decoding state).
 */
public final class DateNormalizer {
    /** Answers whose probability is below this are reported as not understood. */
    public static final double MIN_CONFIDENCE = 0.8;

    private static final Logger LOG = LoggerFactory.getLogger(DateNormalizer.class);

    /** The two models the normaliser can use. */
    public enum Architecture {
        /** The course's: bidirectional LSTM encoder, additive attention, post-attention LSTM. */
        ATTENTION("dates-attention-v3"),
        /** A small Transformer: d 64, 4 heads, feed-forward 128, 2 encoder and 2 decoder layers. */
        TRANSFORMER("dates-transformer-v3");

        private final String cacheName;

        Architecture(String cacheName) {
            this.cacheName = cacheName;
        }

        /** The cache directory name of this architecture's default model; bump when its recipe changes. */
        public String cacheName() {
            return cacheName;
        }
    }

    /** The cache name of the default (attention) model. */
    public static final String MODEL = Architecture.ATTENTION.cacheName();

    /**
     * How a date model is trained: which model, how many generated pairs, when to stop, and the
     * loop's options (the recipe itself is {@link Seq2SeqTrainer}'s).
     *
     * @param architecture       which model
     * @param examples           training pairs, generated from {@code options.seed()} (which also draws the weights)
     * @param validationShare    validation pairs per training pair, in [0, 1) (0: none): that many
     *                           pairs ({@link #validationExamples()}) are measured after every epoch,
     *                           generated from a seed of their own ({@link #validationSeed()}) and never
     *                           written as a training pair is
     * @param targetExactMatch   training stops after the first epoch whose validation exact match reaches
     *                           this, in (0, 1]; {@code options.patience()} epochs without a better one stop it too
     * @param options            epochs (at most), batch size, learning rate and its per-epoch decay,
     *                           clipping, patience, seed
     */
    public record Training(
            Architecture architecture,
            int examples,
            double validationShare,
            double targetExactMatch,
            TrainingOptions options) {

        /** Validates with messages naming the offending value. */
        public Training {
            if (architecture == null) {
                throw new IllegalArgumentException("architecture is required (attention or transformer)");
            }
            if (examples < 1) {
                throw new IllegalArgumentException("training pairs must be at least 1, got " + examples);
            }
            if (!(validationShare >= 0 && validationShare < 1)) {
                throw new IllegalArgumentException("validation share must be in [0, 1), got " + validationShare);
            }
            if (!(targetExactMatch > 0 && targetExactMatch <= 1)) {
                throw new IllegalArgumentException("target exact match must be in (0, 1], got " + targetExactMatch);
            }
            if (options == null) {
                throw new IllegalArgumentException("training options are required");
            }
        }

        /**
         * The default recipe of the attention model: 40,000 pairs, at most 8 epochs, batches of 64,
         * Adam 5e-3 × 0.8 per epoch, clip 5; after every epoch 2,000 validation pairs (5%), stopping once
         * 99.9% of them come out exactly right or after 2 epochs without a better exact match.
         */
        public static Training defaults() {
            return new Training(
                    Architecture.ATTENTION,
                    40_000,
                    0.05,
                    0.999,
                    TrainingOptions.defaults()
                            .withEpochs(8)
                            .withBatchSize(64)
                            .withLearningRate(5e-3f)
                            .withLrDecay(0.8)
                            .withClip(ClipPolicy.globalNorm(5.0))
                            .withPatience(2)
                            .withSeed(1));
        }

        /**
         * The default recipe of {@code a}; the Transformer: 30,000 pairs, at most 6 epochs, Adam
         * 1.5e-3 × 0.7 per epoch, clip 1, validated and stopped as the attention model.
         */
        public static Training defaults(Architecture a) {
            Training attention = defaults();
            return a == Architecture.ATTENTION
                    ? attention
                    : new Training(
                            Architecture.TRANSFORMER,
                            30_000,
                            attention.validationShare(),
                            attention.targetExactMatch(),
                            attention
                                    .options()
                                    .withEpochs(6)
                                    .withLearningRate(1.5e-3f)
                                    .withLrDecay(0.7)
                                    .withClip(ClipPolicy.globalNorm(1.0)));
        }

        /** These options with other sizes (for quick tests); the validation share stays. */
        public Training withSize(int examples, int epochs) {
            return new Training(architecture, examples, validationShare, targetExactMatch, options.withEpochs(epochs));
        }

        /** The number of validation pairs: the share of the training pairs, rounded (0: no validation). */
        public int validationExamples() {
            return (int) Math.round(examples * validationShare);
        }

        /** The seed of the validation pairs: {@code seed·1,000,003 + 17}, apart from the training pairs'. */
        public long validationSeed() {
            return seed() * 1_000_003 + 17;
        }

        /** The seed of the pairs, the weights and (derived) the batch order. */
        public long seed() {
            return options.seed();
        }
    }

    /**
     * One normalised date.
     *
     * @param input         what was given
     * @param iso           the model's answer, {@code yyyy-mm-dd}
     * @param valid         whether the answer is a real calendar date
     * @param probabilities the probability of each output character
     * @param attention     for each output character, the weights over the input characters
     */
    public record Result(String input, String iso, boolean valid, double[] probabilities, float[][] attention) {

        /** The probability of the whole answer (the product over its characters). */
        public double probability() {
            double p = 1;
            for (double x : probabilities) {
                p *= x;
            }
            return p;
        }

        /**
         * True when the answer can be trusted: a real calendar date the model gives at least
         * {@link #MIN_CONFIDENCE} probability ("banana" gets a date-shaped answer with low probability).
         */
        public boolean understood() {
            return valid && probability() >= MIN_CONFIDENCE;
        }
    }

    private final Seq2SeqModel model;

    private DateNormalizer(Seq2SeqModel model) {
        this.model = model;
    }

    /** The default normaliser: cached, or trained and cached on first use. */
    public static DateNormalizer load() throws IOException {
        return load(ProgressListener.NONE);
    }

    /** As {@link #load()}, reporting training progress on first use. */
    public static DateNormalizer load(ProgressListener progress) throws IOException {
        return load(Architecture.ATTENTION, progress);
    }

    /** The default normaliser of architecture {@code a}: cached, or trained and cached on first use. */
    public static DateNormalizer load(Architecture a, ProgressListener progress) throws IOException {
        return CachedModel.get(
                a.cacheName(), DateNormalizer::load, () -> train(Training.defaults(a), progress), DateNormalizer::save);
    }

    /**
     * As {@link #load(Architecture, ProgressListener)}, but first-use training stops when
     * {@code stopRequested} says so (checked between batches), leaving a checkpoint in the cache
     * directory ({@link CachedModel#checkpoint}); the next call resumes from it and ends with the
     * model an uninterrupted run would have cached. A checkpoint that cannot be used is deleted
     * with a warning and training starts afresh.
     *
     * @throws TrainingStoppedException when stopped, the checkpoint written
     */
    public static DateNormalizer load(Architecture a, ProgressListener progress, BooleanSupplier stopRequested)
            throws IOException, TrainingStoppedException {
        Path checkpoint = CachedModel.checkpoint(a.cacheName());
        return CachedModel.get(
                a.cacheName(),
                DateNormalizer::load,
                () -> firstUse(a, progress, RunControl.checkpointTo(checkpoint).withStopRequested(stopRequested)),
                (n, dir) -> {
                    n.save(dir);
                    Files.deleteIfExists(checkpoint);
                });
    }

    /** True when the training of {@code a}'s default model was stopped and will resume on the next load. */
    public static boolean resumable(Architecture a) {
        return Files.isRegularFile(CachedModel.checkpoint(a.cacheName()));
    }

    private static DateNormalizer firstUse(Architecture a, ProgressListener progress, RunControl control)
            throws IOException, TrainingStoppedException {
        Files.createDirectories(control.checkpoint().getParent());
        if (Files.isRegularFile(control.checkpoint())) {
            try {
                return train(Training.defaults(a), progress, control.resuming());
            } catch (UncheckedIOException e) {
                if (!(e.getCause() instanceof MalformedFileException)) {
                    throw e;
                }
                LOG.warn(
                        "training the {} date model afresh: {}",
                        a.cacheName(),
                        e.getCause().getMessage());
                Files.delete(control.checkpoint());
            }
        }
        return train(Training.defaults(a), progress, control);
    }

    /** True when the default attention model is cached. */
    public static boolean cached() {
        return cached(Architecture.ATTENTION);
    }

    /** True when the default model of {@code a} is cached. */
    public static boolean cached(Architecture a) {
        return CachedModel.cached(a.cacheName());
    }

    /** Trains a normaliser on generated pairs. */
    public static DateNormalizer train(Training t, ProgressListener progress) {
        Seq2SeqModel m = create(t);
        fit(m, t, progress, RunControl.none());
        return new DateNormalizer(m);
    }

    /**
     * As {@link #train(Training, ProgressListener)}, with checkpoints, resume and a stop request as
     * {@code control} says; the same training and seed give the same weights whether or not the
     * run was stopped and resumed.
     *
     * @throws TrainingStoppedException when {@code control}'s stop request stopped it, its checkpoint written
     */
    public static DateNormalizer train(Training t, ProgressListener progress, RunControl control)
            throws TrainingStoppedException {
        Seq2SeqModel m = create(t);
        TrainingResult r = fit(m, t, progress, control);
        if (r.stopRequested()) {
            throw new TrainingStoppedException(
                    control.checkpoint(),
                    r.steps(),
                    (long) r.batchesPerEpoch() * t.options().epochs(),
                    "batches");
        }
        return new DateNormalizer(m);
    }

    /** A fresh model of {@code t}'s architecture, its weights drawn from {@code t}'s seed. */
    private static Seq2SeqModel create(Training t) {
        return t.architecture() == Architecture.ATTENTION
                ? AttentionSeq2Seq.create(
                        new Seq2SeqOptions(
                                DateVocabulary.inputSize(),
                                DateVocabulary.outputSize(),
                                DateVocabulary.INPUT_LENGTH,
                                DateVocabulary.OUTPUT_LENGTH,
                                32,
                                64,
                                10),
                        t.seed())
                : TransformerSeq2Seq.create(
                        new TransformerOptions(
                                DateVocabulary.inputSize(),
                                DateVocabulary.outputSize(),
                                DateVocabulary.INPUT_LENGTH,
                                DateVocabulary.OUTPUT_LENGTH,
                                64,
                                4,
                                128,
                                2),
                        t.seed());
    }

    /** Trains {@code m} on {@code t}'s generated pairs, validated as {@code t} says. */
    private static TrainingResult fit(Seq2SeqModel m, Training t, ProgressListener progress, RunControl control) {
        List<DatePair> pairs = DatePairs.generate(t.examples(), t.seed());
        int[][] x = inputs(pairs);
        int[][] y = outputs(pairs);
        if (t.validationExamples() == 0) {
            return Seq2SeqTrainer.train(m, x, y, t.options(), progress, control);
        }
        Set<String> seen = new HashSet<>();
        pairs.forEach(p -> seen.add(p.human()));
        List<DatePair> held = DatePairs.generate(2 * t.validationExamples() + 100, t.validationSeed()).stream()
                .filter(p -> !seen.contains(p.human()))
                .limit(t.validationExamples())
                .toList();
        TrainingResult r = Seq2SeqTrainer.train(
                m,
                x,
                y,
                new Seq2SeqTrainer.Validation(inputs(held), outputs(held), t.targetExactMatch()),
                t.options(),
                progress,
                control);
        if (!r.stopRequested() && !r.validationLoss().isEmpty()) {
            LOG.info(
                    "{} date model: {} of at most {} epochs, exact match {} on {} validation pairs (epoch {} kept)",
                    t.architecture(),
                    r.trainLoss().size(),
                    t.options().epochs(),
                    String.format(Locale.ROOT, "%.4f", 1 - r.finalValidationLoss()),
                    held.size(),
                    r.bestEpoch());
        }
        return r;
    }

    private static int[][] inputs(List<DatePair> pairs) {
        int[][] x = new int[pairs.size()][];
        for (int i = 0; i < x.length; i++) {
            x[i] = DateVocabulary.encodeInput(pairs.get(i).human());
        }
        return x;
    }

    private static int[][] outputs(List<DatePair> pairs) {
        int[][] y = new int[pairs.size()][];
        for (int i = 0; i < y.length; i++) {
            y[i] = DateVocabulary.encodeOutput(pairs.get(i).iso());
        }
        return y;
    }

    /** Writes the model to {@code dir} (config.json + model.safetensors). */
    public void save(Path dir) throws IOException {
        model.save(dir);
    }

    /** Reads a normaliser saved to {@code dir}. */
    public static DateNormalizer load(Path dir) throws IOException {
        return new DateNormalizer(Seq2SeqModelFiles.load(dir));
    }

    /** Metadata key of the input characters in an exported ONNX model (see {@link DateVocabulary#inputCharacters()}). */
    public static final String ONNX_INPUT_CHARACTERS = "seqlab.dates.input_characters";
    /** Metadata key of the output characters in an exported ONNX model (see {@link DateVocabulary#outputCharacters()}). */
    public static final String ONNX_OUTPUT_CHARACTERS = "seqlab.dates.output_characters";

    /** The architecture of this normaliser's model. */
    public Architecture architecture() {
        return model instanceof AttentionSeq2Seq ? Architecture.ATTENTION : Architecture.TRANSFORMER;
    }

    /** True when {@link #onnx()} can export models of architecture {@code a}: both architectures can. */
    public static boolean exportable(Architecture a) {
        return a == Architecture.ATTENTION || a == Architecture.TRANSFORMER;
    }

    /**
     * The model as one standard ONNX graph, the same interface for both architectures (attention:
     * {@link AttentionOnnxExport}; Transformer: {@link TransformerOnnxExport}, its greedy decoding
     * unrolled): input {@code tokens} int64 {@code [batch, 30]}, outputs {@code logits},
     * {@code probabilities} {@code [batch, 10, 11]} and {@code attention} {@code [batch, 10, 30]}
     * (for the Transformer, the last decoder layer's cross-attention averaged over heads, as
     * {@link #normalize} reports it). The metadata adds how to make the ids:
     * {@value #ONNX_INPUT_CHARACTERS} (input id = position + 2 in that string after lower-casing,
     * stripping and removing commas; 0 pads to 30, 1 is any other character) and
     * {@value #ONNX_OUTPUT_CHARACTERS} (output id = position).
     *
     * @throws IllegalArgumentException if the model's sizes are not the date vocabularies' and lengths
     */
    public ModelProto onnx() {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put(ONNX_INPUT_CHARACTERS, DateVocabulary.inputCharacters());
        meta.put(ONNX_OUTPUT_CHARACTERS, DateVocabulary.outputCharacters());
        meta.put(
                "seqlab.dates.input_preprocessing",
                "strip, lower-case, remove commas; ids: 0 = padding (to " + DateVocabulary.INPUT_LENGTH
                        + "), 1 = unknown, character i of the input characters = i + 2");
        if (model instanceof AttentionSeq2Seq m) {
            var o = m.options();
            requireDateSizes(o.inputVocabulary(), o.outputVocabulary(), o.inputLength(), o.outputLength());
            return AttentionOnnxExport.seq2seq(m, meta);
        }
        TransformerSeq2Seq m = (TransformerSeq2Seq) model;
        var o = m.options();
        requireDateSizes(o.inputVocabulary(), o.outputVocabulary(), o.inputLength(), o.outputLength());
        return TransformerOnnxExport.seq2seq(m, meta);
    }

    private static void requireDateSizes(int vIn, int vOut, int tx, int ty) {
        if (vIn != DateVocabulary.inputSize()
                || vOut != DateVocabulary.outputSize()
                || tx != DateVocabulary.INPUT_LENGTH
                || ty != DateVocabulary.OUTPUT_LENGTH) {
            throw new IllegalArgumentException("not a date model: it reads " + tx + " of " + vIn
                    + " symbols and writes " + ty + " of " + vOut + ", dates need "
                    + DateVocabulary.INPUT_LENGTH + " of " + DateVocabulary.inputSize() + " and "
                    + DateVocabulary.OUTPUT_LENGTH + " of " + DateVocabulary.outputSize());
        }
    }

    /** Writes {@link #onnx()} to {@code file} atomically. */
    public void writeOnnx(Path file) throws IOException {
        OnnxFiles.write(onnx(), file);
    }

    /**
     * Normalises one date.
     *
     * @throws IllegalArgumentException for empty input or input longer than 30 characters
     */
    public Result normalize(String text) {
        Prediction p = model.predict(DateVocabulary.encodeInput(text));
        String iso = DateVocabulary.decodeOutput(p.ids());
        boolean valid;
        try {
            LocalDate.parse(iso);
            valid = true;
        } catch (DateTimeParseException e) {
            valid = false;
        }
        return new Result(text, iso, valid, p.probabilities(), p.attention());
    }

    /**
     * The share of {@code pairs} normalised exactly right: the answer {@link #normalize} gives, decoded
     * {@value #ACCURACY_BATCH} pairs at a time.
     */
    public double accuracy(List<DatePair> pairs) {
        int right = 0;
        for (int from = 0; from < pairs.size(); from += ACCURACY_BATCH) {
            List<DatePair> chunk = pairs.subList(from, Math.min(pairs.size(), from + ACCURACY_BATCH));
            int[][] x = new int[chunk.size()][];
            for (int i = 0; i < x.length; i++) {
                x[i] = DateVocabulary.encodeInput(chunk.get(i).human());
            }
            int[][] ids = model.decode(x);
            for (int i = 0; i < x.length; i++) {
                if (DateVocabulary.decodeOutput(ids[i]).equals(chunk.get(i).iso())) {
                    right++;
                }
            }
        }
        return right / (double) pairs.size();
    }

    /** How many pairs {@link #accuracy} decodes at once. */
    private static final int ACCURACY_BATCH = 256;

    /** The input characters as the model sees them (lower case, commas removed), for labelling maps. */
    public static List<String> inputLabels(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT).replace(",", "");
        List<String> labels = new ArrayList<>();
        for (char c : t.toCharArray()) {
            labels.add(c == ' ' ? "␣" : String.valueOf(c));
        }
        return labels;
    }
}
