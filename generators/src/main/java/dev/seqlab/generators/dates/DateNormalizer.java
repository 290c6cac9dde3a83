package dev.seqlab.generators.dates;

import dev.seqlab.attention.seq2seq.AttentionSeq2Seq;
import dev.seqlab.attention.seq2seq.Seq2SeqOptions;
import dev.seqlab.core.optim.AdamOptions;
import dev.seqlab.core.optim.GradientClipping;
import dev.seqlab.core.optim.Optimizer;
import dev.seqlab.core.progress.ProgressListener;
import dev.seqlab.core.random.SeededRandom;
import dev.seqlab.corpora.dates.DatePair;
import dev.seqlab.corpora.dates.DatePairs;
import dev.seqlab.corpora.dates.DateVocabulary;
import dev.seqlab.generators.cache.CachedModel;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns dates as people write them ("3 may 1979", "5/3/79", "tue 10 jul 2007") into ISO dates with
 * the course's attention model. An output that is not a real calendar date is reported as not
 * understood, never returned as if it were right.
 *
 * <pre>{@code
 * DateNormalizer dates = DateNormalizer.load();          // trained once (about a minute), then cached
 * DateNormalizer.Result r = dates.normalize("3 may 1979");
 * r.iso();                                               // "1979-05-03"
 * }</pre>
 */
public final class DateNormalizer {
    /** Answers whose probability is below this are reported as not understood. */
    public static final double MIN_CONFIDENCE = 0.8;

    /** The cache name of the default model; bump when its data or training change. */
    public static final String MODEL = "dates-attention-v1";

    /**
     * How the date model is trained.
     *
     * @param examples training pairs
     * @param epochs   passes over them
     * @param batch    pairs per batch
     * @param seed     data and weights
     */
    public record Training(int examples, int epochs, int batch, long seed) {

        /** Validates the options. */
        public Training {
            if (examples < 1 || epochs < 1 || batch < 1) {
                throw new IllegalArgumentException("examples, epochs and batch must be positive");
            }
        }

        /** The default recipe: 20,000 generated pairs, 6 epochs, batches of 64. */
        public static Training defaults() {
            return new Training(20_000, 6, 64, 1);
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

    private final AttentionSeq2Seq model;

    private DateNormalizer(AttentionSeq2Seq model) {
        this.model = model;
    }

    /** The default normaliser: cached, or trained and cached on first use. */
    public static DateNormalizer load() throws IOException {
        return load(ProgressListener.NONE);
    }

    /** As {@link #load()}, reporting training progress on first use. */
    public static DateNormalizer load(ProgressListener progress) throws IOException {
        return CachedModel.get(MODEL, DateNormalizer::load,
                () -> train(Training.defaults(), progress), DateNormalizer::save);
    }

    /** True when the default model is cached. */
    public static boolean cached() {
        return CachedModel.cached(MODEL);
    }

    /** Trains a normaliser on generated pairs. */
    public static DateNormalizer train(Training t, ProgressListener progress) {
        List<DatePair> pairs = DatePairs.generate(t.examples(), t.seed());
        AttentionSeq2Seq m = AttentionSeq2Seq.create(new Seq2SeqOptions(DateVocabulary.inputSize(), DateVocabulary.outputSize(),
                DateVocabulary.INPUT_LENGTH, DateVocabulary.OUTPUT_LENGTH, 32, 64, 10), t.seed());
        Optimizer adam = Optimizer.adam(AdamOptions.defaults().withLearningRate(5e-3f));
        SeededRandom rng = new SeededRandom(t.seed() * 7 + 1);
        int[] order = new int[pairs.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        int perEpoch = pairs.size() / t.batch() * t.batch();
        progress.start("Training the date model", (long) perEpoch * t.epochs(), "dates");
        for (int e = 0; e < t.epochs(); e++) {
            rng.shuffle(order);
            for (int i = 0; i + t.batch() <= pairs.size(); i += t.batch()) {
                int[][] x = new int[t.batch()][];
                int[][] y = new int[t.batch()][];
                for (int b = 0; b < t.batch(); b++) {
                    DatePair p = pairs.get(order[i + b]);
                    x[b] = DateVocabulary.encodeInput(p.human());
                    y[b] = DateVocabulary.encodeOutput(p.iso());
                }
                m.parameters().zeroGrads();
                double loss = m.trainStep(x, y);
                GradientClipping.byGlobalNorm(m.parameters(), 5.0);
                adam.step(m.parameters());
                progress.advance(t.batch());
                progress.status(String.format(Locale.ROOT, "epoch %d/%d, loss %.4f", e + 1, t.epochs(), loss));
            }
        }
        progress.finish();
        return new DateNormalizer(m);
    }

    /** Writes the model to {@code dir} (config.json + model.safetensors). */
    public void save(java.nio.file.Path dir) throws IOException {
        model.save(dir);
    }

    /** Reads a normaliser saved to {@code dir}. */
    public static DateNormalizer load(java.nio.file.Path dir) throws IOException {
        return new DateNormalizer(AttentionSeq2Seq.load(dir));
    }

    /**
     * Normalises one date.
     *
     * @throws IllegalArgumentException for empty input or input longer than 30 characters
     */
    public Result normalize(String text) {
        dev.seqlab.attention.seq2seq.Prediction p = model.predict(DateVocabulary.encodeInput(text));
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

    /** The share of {@code pairs} normalised exactly right. */
    public double accuracy(List<DatePair> pairs) {
        int right = 0;
        for (DatePair p : pairs) {
            if (normalize(p.human()).iso().equals(p.iso())) {
                right++;
            }
        }
        return right / (double) pairs.size();
    }

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
