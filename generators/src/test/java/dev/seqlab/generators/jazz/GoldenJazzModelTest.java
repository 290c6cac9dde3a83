package dev.seqlab.generators.jazz;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.seqlab.core.io.AtomicFiles;
import dev.seqlab.core.progress.ProgressListener;
import dev.seqlab.core.testing.GoldenFiles;
import dev.seqlab.generators.jazz.grammar.NoteToken;
import dev.seqlab.generators.jazz.score.Note;
import dev.seqlab.generators.jazz.score.Score;
import dev.seqlab.generators.jazz.theory.Progression;
import dev.seqlab.rnn.cell.CellKind;
import dev.seqlab.rnn.lm.CharLanguageModel;
import dev.seqlab.rnn.lm.CharModelOptions;
import dev.seqlab.rnn.lm.CharModelTrainer;
import dev.seqlab.rnn.lm.TrainingData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A golden jazz model directory (a char-LM's config.json and model.safetensors plus tokens.txt, the
 * token alphabet), trained for a moment on the rule-based corpus at width 16 instead of the
 * standard 128 so the files stay small, committed with the solos the code of the moment drew from
 * it (every note of melody, comping and bass for two seeds and two temperatures). Loading it today
 * must give the same scores.
 *
 * <p>Rewrite (only on purpose): {@code mvn -pl generators -am test -Dtest=GoldenJazzModelTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dseqlab.golden.write=true}.
 */
class GoldenJazzModelTest {
    private static final Path DIR = GoldenFiles.dir("jazz");
    private static final Path MODEL = DIR.resolve("model");
    private static final Path EXPECTED = DIR.resolve("expected.json");

    @Test
    void goldenJazzModelPlaysAsWhenWritten() throws IOException {
        GoldenFiles.assertMatches(EXPECTED, observe(), 0);
    }

    /**
     * Trains as {@link JazzGenerator#train} does but narrower, and writes the directory as
     * {@link JazzGenerator#save} does (its constructor is private to keep models consistent).
     */
    @Test
    @EnabledIfSystemProperty(named = GoldenFiles.WRITE_PROPERTY, matches = "true")
    void writeGoldenJazzModel() throws IOException {
        List<List<NoteToken>> phrases = JazzGenerator.corpus();
        TokenAlphabet alphabet = TokenAlphabet.of(phrases);
        List<String> lines = new ArrayList<>();
        for (List<NoteToken> ph : phrases) {
            lines.add(alphabet.encode(ph));
        }
        TrainingData data = TrainingData.lines(lines);
        CharLanguageModel m =
                CharLanguageModel.create(data.vocabulary(), new CharModelOptions(CellKind.LSTM, 16, 1, 0f), 14);
        CharModelTrainer.train(m, data, JazzGenerator.TRAINING.withEpochs(3), ProgressListener.NONE);
        m.save(MODEL);
        byte[] tokens = (String.join("\n", alphabet.tokens()) + "\n").getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(MODEL.resolve("tokens.txt"), out -> out.write(tokens));
        GoldenFiles.writeExpected(EXPECTED, observe());
    }

    private static ObjectNode observe() throws IOException {
        JazzGenerator g = JazzGenerator.load(MODEL);
        ObjectNode all = GoldenFiles.object();
        ArrayNode solos = all.putArray("solos");
        for (double temperature : new double[] {1.0, 0.6}) {
            for (long seed : new long[] {1, 2}) {
                Score s = g.solo(Progression.parse(Progression.II_V_I), 4, 140, temperature, seed);
                ObjectNode o = solos.addObject();
                o.put("temperature", temperature).put("seed", seed).put("steps", s.steps());
                o.set("melody", notes(s.melody()));
                o.set("comping", notes(s.comping()));
                o.set("bass", notes(s.bass()));
            }
        }
        return all;
    }

    /** Each note as {@code [start, duration, pitch, velocity]}. */
    private static ArrayNode notes(List<Note> notes) {
        ArrayNode a = GoldenFiles.object().arrayNode();
        for (Note n : notes) {
            a.addArray().add(n.start()).add(n.duration()).add(n.pitch()).add(n.velocity());
        }
        return a;
    }
}
