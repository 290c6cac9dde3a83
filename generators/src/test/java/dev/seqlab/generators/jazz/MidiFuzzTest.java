package dev.seqlab.generators.jazz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seqlab.core.io.MalformedFileException;
import dev.seqlab.core.testing.Fuzzer;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutated MIDI files into the jazz reader: only MalformedFileException naming the file, bounded
 * memory, no hang; and the files the fuzzer found that broke those rules.
 */
class MidiFuzzTest {
    @TempDir
    Path dir;

    /** A melody track and a chord track, with a tempo: what the jazz reader learns from. */
    private static byte[] song(long lastNoteOff) throws Exception {
        Sequence seq = new Sequence(Sequence.PPQ, 480);
        Track melody = seq.createTrack();
        melody.add(new MidiEvent(new MetaMessage(0x51, new byte[] {0x07, (byte) 0xa1, 0x20}, 3), 0));
        int[] pitches = {72, 74, 76, 79, 77, 76, 74, 72, 71, 72, 76, 79};
        for (int i = 0; i < pitches.length; i++) {
            melody.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, 0, pitches[i], 90), i * 240L));
            long off = i == pitches.length - 1 && lastNoteOff > 0 ? lastNoteOff : i * 240L + 200;
            melody.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_OFF, 0, pitches[i], 0), off));
        }
        Track chords = seq.createTrack();
        int[] chord = {48, 52, 55, 59};
        for (int bar = 0; bar < 2; bar++) {
            for (int p : chord) {
                chords.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, 1, p + bar * 5, 70), bar * 1920L));
                chords.add(
                        new MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, 1, p + bar * 5, 0), bar * 1920L + 1800));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MidiSystem.write(seq, 1, out);
        return out.toByteArray();
    }

    private Path write(byte[] b) throws Exception {
        Path file = dir.resolve("song.mid");
        Files.write(file, b);
        return file;
    }

    private MalformedFileException refused(byte[] b) throws Exception {
        Path file = write(b);
        return assertThrows(MalformedFileException.class, () -> MidiImport.phrases(file, null));
    }

    @Test
    void theSeedIsLearnt() throws Exception {
        assertFalse(MidiImport.phrases(write(song(0)), null).isEmpty());
    }

    /** Found by fuzzing: the JDK allocated the 754,974,775 bytes a track header announced. */
    @Test
    void trackAnnouncingMoreBytesThanTheFileHoldsFailsBeforeAllocating() throws Exception {
        byte[] b = song(0);
        int second = indexOf(b, "MTrk", indexOf(b, "MTrk", 0) + 1);
        ByteBuffer.wrap(b).putInt(second + 4, 0x2d000037);
        MalformedFileException e = refused(b);
        assertTrue(e.getMessage().contains("announces 754974775 bytes"), e.getMessage());
    }

    /** Found by fuzzing: a velocity byte of 144 reached the score as an IllegalArgumentException. */
    @Test
    void dataBytesBeyond127AreMalformed() throws Exception {
        byte[] b = song(0);
        int noteOn = indexOf(b, new String(new byte[] {(byte) 0x90, 72, 90}, StandardCharsets.ISO_8859_1), 0);
        b[noteOn + 2] = (byte) 144;
        assertTrue(refused(b).getMessage().contains("velocity 144"));
        b[noteOn + 2] = 90;
        b[noteOn + 1] = (byte) 200; // a key of 200 indexed past the 128 notes of a channel
        assertTrue(refused(b).getMessage().contains("note 200"));
    }

    /** Found by fuzzing: a note lasting 2,236,988 steps made the reader build chords for every bar. */
    @Test
    void pieceBeyondTheLengthLimitIsMalformed() throws Exception {
        MalformedFileException e = refused(song(480L * 4 * (MidiImport.MAX_BARS + 1)));
        assertTrue(e.getMessage().contains("beyond " + MidiImport.MAX_BARS + " bars"), e.getMessage());
    }

    private static int indexOf(byte[] b, String s, int from) {
        byte[] t = s.getBytes(StandardCharsets.ISO_8859_1);
        outer:
        for (int i = from; i + t.length <= b.length; i++) {
            for (int k = 0; k < t.length; k++) {
                if (b[i + k] != t[k]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError(s + " not found");
    }

    @Test
    void midiFiles() throws Exception {
        Fuzzer.run(
                new Fuzzer.Target(
                        "MIDI (jazz reader)",
                        List.of(song(0)),
                        "fuzz.mid",
                        file -> MidiImport.phrases(file, null),
                        List.of(MalformedFileException.class)),
                dir,
                31,
                Fuzzer.CASES);
    }
}
