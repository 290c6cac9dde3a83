package dev.seqlab.generators.jazz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seqlab.core.io.MalformedFileException;
import dev.seqlab.core.progress.ProgressListener;
import dev.seqlab.core.random.SeededRandom;
import dev.seqlab.generators.jazz.corpus.RuleImproviser;
import dev.seqlab.generators.jazz.grammar.Abstraction;
import dev.seqlab.generators.jazz.grammar.NoteToken;
import dev.seqlab.generators.jazz.grammar.Realizer;
import dev.seqlab.generators.jazz.io.MidiFiles;
import dev.seqlab.generators.jazz.io.PianoRoll;
import dev.seqlab.generators.jazz.io.WavRenderer;
import dev.seqlab.generators.jazz.score.Band;
import dev.seqlab.generators.jazz.score.Note;
import dev.seqlab.generators.jazz.score.Score;
import dev.seqlab.generators.jazz.theory.ChordSymbol;
import dev.seqlab.generators.jazz.theory.Progression;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JazzGeneratorTest {
    private static JazzGenerator jazz;

    @BeforeAll
    static void train() {
        long t0 = System.nanoTime();
        List<List<NoteToken>> corpus = JazzGenerator.corpus();
        jazz = JazzGenerator.train(corpus, ProgressListener.NONE);
        System.out.printf(
                "jazz model: %d phrases, held-out loss %.3f nats/token, trained in %.1f s%n",
                corpus.size(), jazz.report().finalValidationLoss(), (System.nanoTime() - t0) / 1e9);
    }

    /** Share of notes starting on beats one and three that are chord or scale tones of their chord. */
    static double strongBeatConsonance(List<MidiFiles.MidiNote> melody, Progression p) {
        int strong = 0;
        int good = 0;
        for (MidiFiles.MidiNote n : melody) {
            long step = n.start() / MidiFiles.TICKS_PER_STEP;
            if (step % 8 == 0) {
                strong++;
                ChordSymbol c = p.chordAt((int) step);
                if (c.isChordTone(n.pitch()) || c.isScaleTone(n.pitch())) {
                    good++;
                }
            }
        }
        return strong == 0 ? 0 : good / (double) strong;
    }

    @Test
    void soloFilesMeetTheAcceptancePoints(@TempDir Path dir) throws Exception {
        Progression p = Progression.parse(Progression.II_V_I);
        Score s = jazz.solo(p, 8, 140, 1.0, 1);
        Path mid = dir.resolve("solo.mid");
        Path wav = dir.resolve("solo.wav");
        Path png = dir.resolve("roll.png");
        MidiFiles.write(s, mid);
        WavRenderer.write(s, wav);
        PianoRoll.write(s, png);

        // MIDI read back by javax.sound.midi: the solo track holds the melody in a playable range
        MidiFiles.MidiContent back = MidiFiles.read(mid);
        assertEquals(140, back.tempo());
        List<MidiFiles.MidiNote> melody =
                back.notes().stream().filter(n -> n.channel() == 0).toList();
        assertEquals(s.melody().size(), melody.size());
        assertTrue(melody.size() >= 16, melody.size() + " notes in 8 bars");
        assertTrue(
                melody.stream().allMatch(n -> n.pitch() >= Realizer.LOW && n.pitch() <= Realizer.HIGH),
                "solo within an alto sax's range");
        assertTrue(back.notes().stream().allMatch(n -> n.pitch() >= 28 && n.pitch() <= 96), "every part playable");
        double consonance = strongBeatConsonance(melody, p);
        System.out.printf(
                "solo: %d notes, %.0f%% of strong-beat notes are chord or scale tones%n",
                melody.size(), 100 * consonance);
        assertTrue(consonance >= 0.85, "strong-beat consonance " + consonance);

        // WAV of the expected duration: 8 bars at 140 bpm = 13.71 s, plus one second of release
        try (AudioInputStream a = AudioSystem.getAudioInputStream(wav.toFile())) {
            double seconds = a.getFrameLength() / a.getFormat().getFrameRate();
            assertEquals(8 * 4 * 60.0 / 140 + 1.0, seconds, 0.01);
        }
        assertTrue(ImageIO.read(png.toFile()).getWidth() > 8 * 16 * 10);

        // same seed, same bytes
        Score again = jazz.solo(p, 8, 140, 1.0, 1);
        Path mid2 = dir.resolve("again.mid");
        Path wav2 = dir.resolve("again.wav");
        Path png2 = dir.resolve("again.png");
        MidiFiles.write(again, mid2);
        WavRenderer.write(again, wav2);
        PianoRoll.write(again, png2);
        assertArrayEquals(Files.readAllBytes(mid), Files.readAllBytes(mid2));
        assertArrayEquals(Files.readAllBytes(wav), Files.readAllBytes(wav2));
        assertArrayEquals(Files.readAllBytes(png), Files.readAllBytes(png2));
    }

    @Test
    void theModelWasLearntNotCopied() {
        // over a blues it never saw in this key, the solo still lands on chord and scale tones
        Progression blues = Progression.parse(Progression.BLUES_F).transpose(1);
        Score s = jazz.solo(blues, 12, 120, 1.0, 9);
        int strong = 0;
        int good = 0;
        for (Note n : s.melody()) {
            if (n.start() % 8 == 0) {
                strong++;
                ChordSymbol c = blues.chordAt(n.start());
                good += c.isChordTone(n.pitch()) || c.isScaleTone(n.pitch()) ? 1 : 0;
            }
        }
        assertTrue(good >= 0.85 * strong, good + " of " + strong);
        assertTrue(
                jazz.report().finalValidationLoss() < jazz.report().trainLoss().get(0));
    }

    @Test
    void trainsFromAMidiFileAndUsesTheModel(@TempDir Path dir) throws Exception {
        Progression p = Progression.parse("Cm7 F7 Bbmaj7 Ebmaj7 Am7b5 D7alt Gm7 Gm7");
        SeededRandom rng = new SeededRandom(3);
        Score teacher =
                new Score(p, 16, 120, RuleImproviser.play(p, 16, rng), Band.comping(p, 16), Band.bass(p, 16, rng));
        Path mid = dir.resolve("teacher.mid");
        MidiFiles.write(teacher, mid);
        List<List<NoteToken>> phrases = MidiImport.phrases(mid, null);
        assertEquals(4, phrases.size());
        // the melody comes back exactly, as tokens against the inferred chords
        List<List<NoteToken>> original = Abstraction.bars(teacher.melody(), p, 16);
        long same = 0;
        long total = 0;
        for (int b = 0; b < 16; b++) {
            List<NoteToken> a = original.get(b);
            List<NoteToken> c = phrases.get(b / 4);
            total += a.size();
            same += a.stream().filter(c::contains).count();
        }
        assertTrue(same >= 0.8 * total, same + " of " + total + " tokens recovered");
        JazzGenerator g = JazzGenerator.fromMidi(List.of(mid), null, ProgressListener.NONE);
        g.save(dir.resolve("model"));
        Score s = JazzGenerator.load(dir.resolve("model")).solo(Progression.parse(Progression.II_V_I), 4, 120, 1.0, 2);
        assertTrue(!s.melody().isEmpty());
    }

    @Test
    void corruptMidiAndUnknownChordsAreClearErrors(@TempDir Path dir) throws Exception {
        Path bad = Files.write(dir.resolve("bad.mid"), new byte[] {'M', 'T', 'h', 'd', 0, 0, 0, 6, 0, 1});
        MalformedFileException e = assertThrows(MalformedFileException.class, () -> MidiFiles.read(bad));
        assertTrue(e.getMessage().contains("not a readable MIDI file"), e.getMessage());
        IllegalArgumentException u =
                assertThrows(IllegalArgumentException.class, () -> Progression.parse("Dm7 Q7 Cmaj7"));
        assertTrue(u.getMessage().contains("'Q7'"), u.getMessage());
    }
}
