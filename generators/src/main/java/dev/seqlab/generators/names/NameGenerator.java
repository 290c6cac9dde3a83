package dev.seqlab.generators.names;

import dev.seqlab.core.io.AtomicFiles;
import dev.seqlab.core.io.InputFiles;
import dev.seqlab.core.io.MalformedFileException;
import dev.seqlab.core.progress.ProgressListener;
import dev.seqlab.core.random.SeededRandom;
import dev.seqlab.corpora.datasets.DinosaurNames;
import dev.seqlab.generators.cache.CachedModel;
import dev.seqlab.rnn.lm.CharLanguageModel;
import dev.seqlab.rnn.lm.CharModelOptions;
import dev.seqlab.rnn.lm.CharModelTrainer;
import dev.seqlab.rnn.lm.CharSampler;
import dev.seqlab.rnn.lm.SamplingOptions;
import dev.seqlab.rnn.lm.TrainOptions;
import dev.seqlab.rnn.lm.TrainingData;
import dev.seqlab.rnn.lm.TrainingReport;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Invents names in the style of a list, as the course's "Dinosaurus Island": a one-layer
 * character LSTM reads each (lower-cased) name from an empty start and learns to predict its
 * letters and its end.
 *
 * <pre>{@code
 * NameGenerator dinos = NameGenerator.dinosaurs(ProgressListener.NONE);   // trained once, then cached
 * List<String> names = dinos.generate(10, 1.0, 42);                      // new names, capitalised
 * }</pre>
 *
 * <p>Thread-safe: a generator does not change once trained or loaded, and {@link #generate}
 * may be called from several threads at once (each call has its own recurrent state and its
 * own random stream from its seed, so a seed gives the same names on any thread).
 */
public final class NameGenerator {
    /** The cache directory name of the default dinosaur model; bump when its data or training change. */
    public static final String DINOSAUR_MODEL = "dinos-v1";
    /** The longest name generated, in characters. */
    public static final int MAX_LENGTH = 25;
    /** The fewest letters a generated name has: a shorter sample ("T") is drawn again. */
    public static final int MIN_LETTERS = 3;
    /** How many samples {@link #generate} may draw per name asked for before it gives up. */
    public static final int ATTEMPTS_PER_NAME = 200;
    /** The architecture every name model uses. */
    public static final CharModelOptions MODEL = CharModelOptions.lstm(64);
    /** How name models are trained: at most 30 epochs, 10% held out, stop after 5 without improvement. */
    public static final TrainOptions TRAINING = new TrainOptions(30, 16, 1, 1e-2f, 5.0, 0f, 1.0, 1, 0.1, 5, null);

    private static final String NAMES_FILE = "names.txt";

    private final CharLanguageModel model;
    private final Set<String> known;
    private final TrainingReport report;

    private NameGenerator(CharLanguageModel model, Set<String> known, TrainingReport report) {
        this.model = model;
        this.known = known;
        this.report = report;
    }

    /**
     * The dinosaur-name generator: loaded from {@code $SEQLAB_HOME/models/dinos-v1}, or trained
     * (a few seconds) and cached there on first use. A damaged cache is retrained.
     */
    public static NameGenerator dinosaurs(ProgressListener progress) throws IOException {
        return CachedModel.get(
                DINOSAUR_MODEL, NameGenerator::load, () -> train(DinosaurNames.all(), progress), NameGenerator::save);
    }

    /** True when the default dinosaur model is already cached (the next call is fast). */
    public static boolean dinosaursCached() {
        return CachedModel.cached(DINOSAUR_MODEL);
    }

    /**
     * Trains a generator on {@code names} (one name per element; blank ones ignored; compared and
     * learnt in lower case).
     *
     * @throws IllegalArgumentException if no name contains a letter
     */
    public static NameGenerator train(List<String> names, ProgressListener progress) {
        List<String> clean = clean(names);
        TrainingData data = TrainingData.lines(clean);
        CharLanguageModel m = CharLanguageModel.create(data.vocabulary(), MODEL, TRAINING.seed());
        TrainingReport r = CharModelTrainer.train(m, data, TRAINING, progress);
        return new NameGenerator(m, new LinkedHashSet<>(clean), r);
    }

    /**
     * Reads a names list for {@link #train}: UTF-8 text, one name per line, blank lines ignored,
     * names compared in lower case.
     *
     * @throws java.nio.file.NoSuchFileException  if the file does not exist
     * @throws java.nio.file.FileSystemException  if it is a directory, a device or a pipe
     * @throws MalformedFileException naming the file if it is not UTF-8 text
     * @throws IllegalArgumentException as {@link #train} does, if it holds no name with a letter
     */
    public static List<String> readNames(Path file) throws IOException {
        InputFiles.requireRegularFile(file, "a names list");
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new MalformedFileException(file, 0, "is not UTF-8 text (expected one name per line)", e);
        }
        return clean(lines);
    }

    static List<String> clean(List<String> names) {
        List<String> clean = new ArrayList<>();
        boolean letters = false;
        for (String n : names) {
            String s = n.strip().toLowerCase(Locale.ROOT);
            if (s.isEmpty()) {
                continue;
            }
            letters |= s.codePoints().anyMatch(Character::isLetter);
            clean.add(s);
        }
        if (clean.isEmpty()) {
            throw new IllegalArgumentException("the names list is empty");
        }
        if (!letters) {
            throw new IllegalArgumentException("the names list has no letters in it: expected one name per line");
        }
        return clean;
    }

    /** Loads a generator {@link #save}d to {@code dir}. */
    public static NameGenerator load(Path dir) throws IOException {
        CharLanguageModel m = CharLanguageModel.load(dir);
        Path namesFile = dir.resolve(NAMES_FILE);
        Set<String> known = new LinkedHashSet<>();
        if (Files.exists(namesFile)) {
            known.addAll(Files.readAllLines(namesFile, StandardCharsets.UTF_8));
        }
        return new NameGenerator(m, known, null);
    }

    /** Writes the model and the list it learnt from (to tell new names from known ones) to {@code dir}. */
    public void save(Path dir) throws IOException {
        model.save(dir);
        byte[] names = (String.join("\n", known) + "\n").getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(dir.resolve(NAMES_FILE), out -> out.write(names));
    }

    /** How training went, or null for a loaded generator. */
    public TrainingReport report() {
        return report;
    }

    /** The underlying character model. */
    public CharLanguageModel model() {
        return model;
    }

    /**
     * {@code count} distinct new names (not in the training list), capitalised, each with at
     * least {@link #MIN_LETTERS} letters and at most {@link #MAX_LENGTH} characters. The same
     * seed gives the same names.
     *
     * @throws IllegalStateException if the model cannot produce that many such names in
     *     {@link #ATTEMPTS_PER_NAME} samples per name
     */
    public List<String> generate(int count, double temperature, long seed) {
        return generate(count, temperature, seed, true);
    }

    /**
     * As {@link #generate(int, double, long)}; with {@code onlyNew} false, names from the
     * training list may appear too.
     */
    public List<String> generate(int count, double temperature, long seed, boolean onlyNew) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, got " + count);
        }
        SeededRandom rng = new SeededRandom(seed);
        SamplingOptions o = SamplingOptions.defaults(MAX_LENGTH + 1)
                .withTemperature(temperature)
                .withStopAtNewline(true);
        Set<String> out = new LinkedHashSet<>();
        long attempts = (long) ATTEMPTS_PER_NAME * count;
        for (long attempt = 0; out.size() < count && attempt < attempts; attempt++) {
            String s = CharSampler.sample(model, "", o, rng).strip();
            if (wellFormed(s) && !(onlyNew && known.contains(s))) {
                out.add(s);
            }
        }
        if (out.size() < count) {
            throw new IllegalStateException(
                    "the model produced only " + out.size() + " distinct " + (onlyNew ? "new " : "")
                            + "names with at least " + MIN_LETTERS + " letters and at most " + MAX_LENGTH
                            + " characters in " + attempts + " samples, not the "
                            + count + " asked for (try fewer names or another temperature)");
        }
        List<String> names = new ArrayList<>();
        for (String s : out) {
            names.add(capitalise(s));
        }
        return names;
    }

    /** Whether a sampled name is long enough (in letters) and short enough (in characters) to print. */
    static boolean wellFormed(String name) {
        return name.length() <= MAX_LENGTH
                && name.codePoints().filter(Character::isLetter).count() >= MIN_LETTERS;
    }

    /** Whether {@code name} (any case) is in the training list. */
    public boolean isKnown(String name) {
        return known.contains(name.toLowerCase(Locale.ROOT));
    }

    static String capitalise(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean start = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append(start ? Character.toUpperCase(c) : c);
            start = c == ' ' || c == '-';
        }
        return sb.toString();
    }
}
