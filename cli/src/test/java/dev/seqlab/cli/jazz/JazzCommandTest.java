package dev.seqlab.cli.jazz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.seqlab.cli.CliRun;
import dev.seqlab.cli.Json;
import dev.seqlab.core.progress.ProgressListener;
import dev.seqlab.core.random.SeededRandom;
import dev.seqlab.generators.cache.CachedModel;
import dev.seqlab.generators.jazz.JazzGenerator;
import dev.seqlab.generators.jazz.corpus.RuleImproviser;
import dev.seqlab.generators.jazz.io.MidiFiles;
import dev.seqlab.generators.jazz.score.Band;
import dev.seqlab.generators.jazz.score.Score;
import dev.seqlab.generators.jazz.theory.Progression;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sound.midi.MidiSystem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JazzCommandTest {

    @AfterEach
    void clearHome() {
        System.clearProperty("seqlab.home");
    }

    /**
     * The command's contract does not depend on how well the model plays, so the cache holds a
     * model trained on a slice of the standard corpus (the full default takes a minute and a
     * half; JazzGeneratorTest covers it).
     */
    @Test
    void writesMidiWavAndPngReproducibly(@TempDir Path dir) throws Exception {
        System.setProperty("seqlab.home", dir.resolve("home").toString());
        JazzGenerator.train(JazzGenerator.corpus().subList(0, 16), ProgressListener.NONE)
                .save(CachedModel.dir(JazzGenerator.DEFAULT_MODEL));
        assertTrue(JazzGenerator.standardCached());
        Path mid = dir.resolve("solo.mid");
        Path wav = dir.resolve("solo.wav");
        Path png = dir.resolve("roll.png");
        CliRun r = CliRun.of(
                "jazz",
                "--out",
                mid.toString(),
                "--wav",
                wav.toString(),
                "--png",
                png.toString(),
                "--seed",
                "1",
                "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode doc = Json.mapper().readTree(r.out());
        assertEquals(8, doc.get("bars").asInt());
        assertTrue(MidiSystem.getSequence(mid.toFile()).getTracks().length == 4, "tempo, solo, piano, bass");
        assertTrue(Files.size(wav) > 44 && Files.size(png) > 0);
        byte[] first = Files.readAllBytes(mid);
        CliRun again = CliRun.of("jazz", "--out", mid.toString(), "--seed", "1");
        assertEquals(0, again.code(), again.err());
        assertArrayEquals(first, Files.readAllBytes(mid));
    }

    @Test
    void trainFromMidiThenPlayWithIt(@TempDir Path dir) throws Exception {
        Progression p = Progression.parse(Progression.BLUES_F);
        SeededRandom rng = new SeededRandom(4);
        Path teacher = dir.resolve("teacher.mid");
        MidiFiles.write(
                new Score(p, 24, 120, RuleImproviser.play(p, 24, rng), Band.comping(p, 24), Band.bass(p, 24, rng)),
                teacher);
        Path model = dir.resolve("model");
        CliRun t = CliRun.of("jazz", "train", "--midi", dir.toString(), "--model", model.toString());
        assertEquals(0, t.code(), t.err());
        CliRun play = CliRun.of(
                "jazz",
                "--model",
                model.toString(),
                "--out",
                dir.resolve("mine.mid").toString(),
                "--seed",
                "3");
        assertEquals(0, play.code(), play.err());
        assertTrue(Files.exists(dir.resolve("mine.mid")));
    }

    @Test
    void badInputsAreOneLineAndExit2(@TempDir Path dir) throws Exception {
        CliRun chord = CliRun.of(
                "jazz",
                "--progression",
                "Dm7 Xyz Cmaj7",
                "--out",
                dir.resolve("x.mid").toString());
        assertEquals(2, chord.code());
        assertEquals(1, chord.err().strip().lines().count(), chord.err());
        assertTrue(chord.err().contains("'Xyz'"), chord.err());
        Path bad = Files.write(dir.resolve("bad.mid"), new byte[] {1, 2, 3, 4});
        CliRun corrupt = CliRun.of(
                "jazz",
                "train",
                "--midi",
                bad.toString(),
                "--model",
                dir.resolve("m").toString());
        assertEquals(2, corrupt.code());
        assertTrue(corrupt.err().contains("not a readable MIDI file"), corrupt.err());
        CliRun none = CliRun.of(
                "jazz",
                "train",
                "--midi",
                dir.resolve("absent").toString(),
                "--model",
                dir.resolve("m").toString());
        assertEquals(2, none.code());
    }
}
