package dev.seqlab.generators.jazz;

import dev.seqlab.core.io.AtomicFiles;
import dev.seqlab.core.io.MalformedFileException;
import dev.seqlab.core.progress.ProgressListener;
import dev.seqlab.core.random.SeededRandom;
import dev.seqlab.core.sample.TokenSampler;
import dev.seqlab.generators.cache.CachedModel;
import dev.seqlab.generators.jazz.corpus.RuleImproviser;
import dev.seqlab.generators.jazz.grammar.Abstraction;
import dev.seqlab.generators.jazz.grammar.NoteToken;
import dev.seqlab.generators.jazz.grammar.Realizer;
import dev.seqlab.generators.jazz.score.Band;
import dev.seqlab.generators.jazz.score.Score;
import dev.seqlab.generators.jazz.theory.Progression;
import dev.seqlab.rnn.lm.CharLanguageModel;
import dev.seqlab.rnn.lm.CharModelOptions;
import dev.seqlab.rnn.lm.CharModelTrainer;
import dev.seqlab.rnn.lm.TrainOptions;
import dev.seqlab.rnn.lm.TrainingData;
import dev.seqlab.rnn.lm.TrainingReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes jazz solos: an LSTM over chord-relative note tokens (see
 * {@link dev.seqlab.generators.jazz.grammar}) sampled phrase by phrase and realised over any
 * progression, with a walking bass and piano comping.
 *
 * <pre>{@code
 * JazzGenerator jazz = JazzGenerator.standard(ProgressListener.NONE);   // trained once, cached
 * Score solo = jazz.solo(Progression.parse("Dm7 G7 Cmaj7 Cmaj7"), 8, 140, 1.0, 1);
 * MidiFiles.write(solo, Path.of("solo.mid"));
 * }</pre>
 */
public final class JazzGenerator {
    /** The cache directory name of the default model; bump when its corpus or training change. */
    public static final String DEFAULT_MODEL = "jazz-v1";
    /** The model every jazz generator uses. */
    public static final CharModelOptions MODEL = CharModelOptions.lstm(128);
    /** How jazz models train. */
    public static final TrainOptions TRAINING = new TrainOptions(40, 32, 1, 5e-3f, 5.0, 0f, 1.0, 1, 0.1, 3, null);

    private static final String TOKENS_FILE = "tokens.txt";

    private final CharLanguageModel model;
    private final TokenAlphabet alphabet;
    private final TrainingReport report;

    private JazzGenerator(CharLanguageModel model, TokenAlphabet alphabet, TrainingReport report) {
        this.model = model;
        this.alphabet = alphabet;
        this.report = report;
    }

    /**
     * The default generator: loaded from {@code $SEQLAB_HOME/models/jazz-v1}, or trained on the
     * rule-based corpus and cached there on first use.
     */
    public static JazzGenerator standard(ProgressListener progress) throws IOException {
        return CachedModel.get(
                DEFAULT_MODEL, JazzGenerator::load, () -> train(corpus(), progress), JazzGenerator::save);
    }

    /** True when the default model is already cached. */
    public static boolean standardCached() {
        return CachedModel.cached(DEFAULT_MODEL);
    }

    /**
     * The training corpus: the rule-based improviser over the standard progressions in all twelve
     * keys, three choruses of eight bars each, cut into four-bar phrases.
     */
    public static List<List<NoteToken>> corpus() {
        List<List<NoteToken>> phrases = new ArrayList<>();
        SeededRandom rng = new SeededRandom(2024);
        for (String text : RuleImproviser.standardProgressions()) {
            for (int key = 0; key < 12; key++) {
                Progression p = Progression.parse(text).transpose(key);
                int bars = Math.max(8, p.bars());
                for (int chorus = 0; chorus < 3; chorus++) {
                    List<List<NoteToken>> perBar = Abstraction.bars(RuleImproviser.play(p, bars, rng), p, bars);
                    for (int b = 0; b + 4 <= perBar.size(); b += 4) {
                        List<NoteToken> ph = new ArrayList<>();
                        for (int k = b; k < b + 4; k++) {
                            ph.addAll(perBar.get(k));
                        }
                        phrases.add(ph);
                    }
                }
            }
        }
        return phrases;
    }

    /** A generator trained on {@code phrases}. */
    public static JazzGenerator train(List<List<NoteToken>> phrases, ProgressListener progress) {
        if (phrases.isEmpty()) {
            throw new IllegalArgumentException("no phrases to learn from");
        }
        TokenAlphabet alphabet = TokenAlphabet.of(phrases);
        List<String> lines = new ArrayList<>();
        for (List<NoteToken> ph : phrases) {
            lines.add(alphabet.encode(ph));
        }
        TrainingData data = TrainingData.lines(lines);
        CharLanguageModel m = CharLanguageModel.create(data.vocabulary(), MODEL, TRAINING.seed());
        TrainingReport r = CharModelTrainer.train(m, data, TRAINING, progress);
        return new JazzGenerator(m, alphabet, r);
    }

    /**
     * A generator trained on the melodies of MIDI files.
     *
     * @param melodyTrack the track holding the melody in every file, or null to choose the
     *                    highest-pitched track with enough notes
     */
    public static JazzGenerator fromMidi(List<Path> files, Integer melodyTrack, ProgressListener progress)
            throws IOException {
        List<List<NoteToken>> phrases = new ArrayList<>();
        for (Path f : files) {
            phrases.addAll(MidiImport.phrases(f, melodyTrack));
        }
        return train(phrases, progress);
    }

    /** Loads a generator {@link #save}d to {@code dir}. */
    public static JazzGenerator load(Path dir) throws IOException {
        CharLanguageModel m = CharLanguageModel.load(dir);
        Path tokens = dir.resolve(TOKENS_FILE);
        if (!Files.exists(tokens)) {
            throw new MalformedFileException(tokens, 0, "missing: " + dir + " is not a seqlab jazz model");
        }
        TokenAlphabet a;
        try {
            a = new TokenAlphabet(Files.readAllLines(tokens, StandardCharsets.UTF_8));
            for (String t : a.tokens()) {
                NoteToken.parse(t);
            }
        } catch (IllegalArgumentException e) {
            throw new MalformedFileException(tokens, 0, e.getMessage());
        }
        return new JazzGenerator(m, a, null);
    }

    /** Writes the model and its token alphabet to {@code dir}. */
    public void save(Path dir) throws IOException {
        model.save(dir);
        byte[] bytes = (String.join("\n", alphabet.tokens()) + "\n").getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(dir.resolve(TOKENS_FILE), out -> out.write(bytes));
    }

    /** How training went, or null for a loaded generator. */
    public TrainingReport report() {
        return report;
    }

    /**
     * A solo of {@code bars} bars over {@code progression} (repeated as needed) with bass and
     * comping. The same seed gives the same score.
     */
    public Score solo(Progression progression, int bars, int tempo, double temperature, long seed) {
        if (bars < 1 || bars > 1024) {
            throw new IllegalArgumentException("bars must be 1..1024, got " + bars);
        }
        SeededRandom rng = new SeededRandom(seed);
        Realizer realizer = new Realizer(progression, bars);
        TokenSampler sampler = new TokenSampler(temperature, 0, 1.0);
        CharLanguageModel.State state = model.start();
        float[] logits = state.next(-1);
        int guard = 0;
        while (!realizer.done() && guard++ < bars * 200) {
            int id = sampler.draw(logits, rng);
            NoteToken t = alphabet.decode(model.vocabulary().charAt(id));
            if (t == null) {
                // end of a phrase: start the next one fresh, as in training
                state = model.start();
                logits = state.next(-1);
                continue;
            }
            realizer.add(t);
            logits = state.next(id);
        }
        return new Score(
                progression,
                bars,
                tempo,
                realizer.notes(),
                Band.comping(progression, bars),
                Band.bass(progression, bars, new SeededRandom(seed ^ 0xBA55L)));
    }
}
