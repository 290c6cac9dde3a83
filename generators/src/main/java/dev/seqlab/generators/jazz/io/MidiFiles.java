package dev.seqlab.generators.jazz.io;

import dev.seqlab.core.io.AtomicFiles;
import dev.seqlab.core.io.InputFiles;
import dev.seqlab.core.io.MalformedFileException;
import dev.seqlab.generators.jazz.score.Note;
import dev.seqlab.generators.jazz.score.Score;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;

/** Standard MIDI files (type 1) for scores, and reading any MIDI file's notes back. */
public final class MidiFiles {
    /** Ticks per quarter note in the files seqlab writes. */
    public static final int RESOLUTION = 480;
    /** Ticks per sixteenth-note step. */
    public static final int TICKS_PER_STEP = RESOLUTION / 4;
    /** Larger files are refused before they are read. */
    private static final long MAX_BYTES = 64L << 20;
    /** General MIDI programs (0-based): alto sax, acoustic grand piano, acoustic bass. */
    static final int SAX = 65;

    static final int PIANO = 0;
    static final int BASS = 32;

    private MidiFiles() {}

    /** Writes {@code score} as a type-1 MIDI file: a tempo track, then solo, piano and bass tracks. */
    public static void write(Score score, Path file) throws IOException {
        Sequence seq = toSequence(score);
        AtomicFiles.write(file, out -> MidiSystem.write(seq, 1, out));
    }

    static Sequence toSequence(Score score) {
        try {
            Sequence seq = new Sequence(Sequence.PPQ, RESOLUTION);
            Track meta = seq.createTrack();
            int mpq = 60_000_000 / score.tempo();
            meta.add(new MidiEvent(
                    new MetaMessage(0x51, new byte[] {(byte) (mpq >> 16), (byte) (mpq >> 8), (byte) mpq}, 3), 0));
            meta.add(new MidiEvent(new MetaMessage(0x58, new byte[] {4, 2, 24, 8}, 4), 0));
            byte[] title = ("seqlab jazz over " + score.progression()).getBytes(StandardCharsets.UTF_8);
            meta.add(new MidiEvent(new MetaMessage(0x03, title, title.length), 0));
            addTrack(seq, "Solo (alto sax)", 0, SAX, score.melody());
            addTrack(seq, "Piano", 1, PIANO, score.comping());
            addTrack(seq, "Bass", 2, BASS, score.bass());
            return seq;
        } catch (InvalidMidiDataException e) {
            throw new IllegalStateException("building a MIDI sequence failed", e);
        }
    }

    private static void addTrack(Sequence seq, String name, int channel, int program, List<Note> notes)
            throws InvalidMidiDataException {
        Track t = seq.createTrack();
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        t.add(new MidiEvent(new MetaMessage(0x03, n, n.length), 0));
        t.add(new MidiEvent(new ShortMessage(ShortMessage.PROGRAM_CHANGE, channel, program, 0), 0));
        for (Note note : notes) {
            long on = (long) note.start() * TICKS_PER_STEP;
            long off = (long) note.end() * TICKS_PER_STEP - 1;
            t.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, channel, note.pitch(), note.velocity()), on));
            t.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_OFF, channel, note.pitch(), 0), off));
        }
    }

    /**
     * A note read from a MIDI file, in ticks.
     *
     * @param track    the track index
     * @param channel  MIDI channel 0..15 (9 is percussion)
     * @param start    start tick
     * @param end      end tick
     * @param pitch    MIDI note number
     * @param velocity note-on velocity
     */
    public record MidiNote(int track, int channel, long start, long end, int pitch, int velocity) {}

    /**
     * The notes of a MIDI file and its timing.
     *
     * @param notes      all notes of all tracks, by start
     * @param resolution ticks per quarter note
     * @param tempo      the first tempo in quarter notes per minute (120 when the file has none)
     * @param tracks     the number of tracks
     */
    public record MidiContent(List<MidiNote> notes, int resolution, int tempo, int tracks) {}

    /**
     * Fails when a chunk of a standard MIDI file announces more bytes than follow it: the JDK's
     * reader allocates what a track header announces before reading it (up to 4 GB).
     */
    private static void checkChunks(Path file, byte[] b) throws MalformedFileException {
        if (b.length < 4 || b[0] != 'M' || b[1] != 'T' || b[2] != 'h' || b[3] != 'd') {
            return; // not a standard MIDI file: the JDK's reader says so
        }
        int pos = 0;
        while (pos + 8 <= b.length) {
            long length = ByteBuffer.wrap(b, pos + 4, 4).getInt() & 0xffffffffL;
            long left = b.length - pos - 8L;
            if (length > left) {
                String type = new String(b, pos, 4, StandardCharsets.ISO_8859_1);
                throw new MalformedFileException(
                        file,
                        0,
                        "not a readable MIDI file (the chunk '" + type + "' at byte " + pos + " announces " + length
                                + " bytes, but only " + left + " follow: truncated or damaged)");
            }
            pos += 8 + (int) length;
        }
    }

    /**
     * Reads the notes of a MIDI file.
     *
     * @throws NoSuchFileException    if it does not exist
     * @throws MalformedFileException if it is not a readable MIDI file or uses SMPTE timing
     */
    public static MidiContent read(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString());
        }
        InputFiles.requireRegularFile(file, "a MIDI file");
        if (Files.size(file) > MAX_BYTES) {
            throw new MalformedFileException(
                    file,
                    0,
                    "is " + Files.size(file) + " bytes, larger than the " + (MAX_BYTES >> 20)
                            + " MB of any MIDI file seqlab reads");
        }
        byte[] bytes = Files.readAllBytes(file);
        checkChunks(file, bytes);
        Sequence seq;
        try (InputStream in = new ByteArrayInputStream(bytes)) {
            seq = MidiSystem.getSequence(in);
        } catch (InvalidMidiDataException e) {
            throw new MalformedFileException(file, 0, "not a readable MIDI file (" + e.getMessage() + ")");
        } catch (IOException | RuntimeException e) {
            throw new MalformedFileException(file, 0, "not a readable MIDI file (" + e + ")");
        }
        if (seq.getDivisionType() != Sequence.PPQ) {
            throw new MalformedFileException(file, 0, "uses SMPTE time; seqlab reads files timed in beats (PPQ)");
        }
        List<MidiNote> notes = new ArrayList<>();
        int tempo = 0;
        Track[] tracks = seq.getTracks();
        for (int ti = 0; ti < tracks.length; ti++) {
            long[][] open = new long[16][128];
            int[][] vel = new int[16][128];
            for (long[] row : open) {
                Arrays.fill(row, -1);
            }
            for (int i = 0; i < tracks[ti].size(); i++) {
                MidiEvent ev = tracks[ti].get(i);
                MidiMessage m = ev.getMessage();
                if (m instanceof MetaMessage mm && mm.getType() == 0x51 && mm.getData().length == 3 && tempo == 0) {
                    byte[] d = mm.getData();
                    int mpq = ((d[0] & 0xFF) << 16) | ((d[1] & 0xFF) << 8) | (d[2] & 0xFF);
                    tempo = mpq > 0 ? (int) Math.round(60_000_000.0 / mpq) : 0;
                }
                if (!(m instanceof ShortMessage sm)) {
                    continue;
                }
                int ch = sm.getChannel();
                int key = sm.getData1();
                boolean on = sm.getCommand() == ShortMessage.NOTE_ON && sm.getData2() > 0;
                boolean off = sm.getCommand() == ShortMessage.NOTE_OFF
                        || sm.getCommand() == ShortMessage.NOTE_ON && sm.getData2() == 0;
                if ((on || off) && (key > 127 || sm.getData2() > 127)) {
                    // the JDK's reader passes data bytes of 128..255 on; MIDI allows 0..127
                    throw new MalformedFileException(
                            file,
                            0,
                            "track " + ti + ", tick " + ev.getTick() + ": note " + key + " with velocity "
                                    + sm.getData2() + " is outside MIDI's 0..127");
                }
                if (on || off) {
                    if (open[ch][key] >= 0) {
                        notes.add(new MidiNote(ti, ch, open[ch][key], ev.getTick(), key, vel[ch][key]));
                        open[ch][key] = -1;
                    }
                    if (on) {
                        open[ch][key] = ev.getTick();
                        vel[ch][key] = sm.getData2();
                    }
                }
            }
        }
        notes.sort(Comparator.comparingLong(MidiNote::start).thenComparingInt(MidiNote::pitch));
        return new MidiContent(notes, seq.getResolution(), tempo > 0 ? tempo : 120, tracks.length);
    }
}
