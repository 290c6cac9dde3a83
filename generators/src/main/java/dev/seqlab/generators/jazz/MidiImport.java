package dev.seqlab.generators.jazz;

import dev.seqlab.core.io.MalformedFileException;
import dev.seqlab.generators.jazz.grammar.Abstraction;
import dev.seqlab.generators.jazz.grammar.NoteToken;
import dev.seqlab.generators.jazz.io.MidiFiles;
import dev.seqlab.generators.jazz.io.MidiFiles.MidiContent;
import dev.seqlab.generators.jazz.io.MidiFiles.MidiNote;
import dev.seqlab.generators.jazz.score.Note;
import dev.seqlab.generators.jazz.theory.ChordQuality;
import dev.seqlab.generators.jazz.theory.Progression;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Learns from a user's MIDI file: picks the melody track (the highest-pitched non-drum track with
 * enough notes, or the one given), quantises it to sixteenths and makes it monophonic (the top
 * voice wins), infers a chord for every half bar from the other tracks' pitch classes (from the
 * melody itself when it plays alone), and writes the melody as grammar phrases of four bars.
 */
final class MidiImport {
    private static final String[] NAMES = {"C", "Db", "D", "Eb", "E", "F", "Gb", "G", "Ab", "A", "Bb", "B"};
    private static final ChordQuality[] QUALITIES = {
        ChordQuality.MAJOR7,
        ChordQuality.DOMINANT7,
        ChordQuality.MINOR7,
        ChordQuality.HALF_DIMINISHED,
        ChordQuality.DIMINISHED7
    };
    private static final String[] SUFFIXES = {"maj7", "7", "m7", "m7b5", "dim7"};
    /** Longer pieces (over an hour at 120 bpm) are taken as a sign of a damaged file. */
    static final int MAX_BARS = 2_000;

    private MidiImport() {}

    /** Phrases of {@code file}; {@code melodyTrack} null chooses automatically. */
    static List<List<NoteToken>> phrases(Path file, Integer melodyTrack) throws IOException {
        MidiContent c = MidiFiles.read(file);
        double stepTicks = c.resolution() / 4.0;
        int track = melodyTrack != null ? melodyTrack : chooseMelody(c);
        if (track < 0) {
            throw new MalformedFileException(file, 0, "has no track with at least 8 melody notes");
        }
        if (melodyTrack != null && (melodyTrack < 0 || melodyTrack >= c.tracks())) {
            throw new IllegalArgumentException(
                    "melody track " + melodyTrack + " does not exist; " + file + " has tracks 0.." + (c.tracks() - 1));
        }
        for (MidiNote n : c.notes()) {
            if (n.end() / stepTicks > (double) MAX_BARS * Progression.STEPS_PER_BAR) {
                throw new MalformedFileException(
                        file,
                        0,
                        "track " + n.track() + " plays until tick " + n.end() + ", beyond " + MAX_BARS
                                + " bars (seqlab learns from pieces up to that length)");
            }
        }
        List<Note> melody = new ArrayList<>();
        for (MidiNote n : c.notes()) {
            if (n.track() == track && n.channel() != 9) {
                int s = (int) Math.round(n.start() / stepTicks);
                int d = Math.max(1, (int) Math.round((n.end() - n.start()) / stepTicks));
                melody.add(new Note(s, d, n.pitch(), Math.max(1, n.velocity())));
            }
        }
        melody = monophonic(melody);
        if (melody.size() < 8) {
            throw new MalformedFileException(file, 0, "track " + track + " has fewer than 8 notes to learn from");
        }
        int bars = (melody.get(melody.size() - 1).end() + Progression.STEPS_PER_BAR - 1) / Progression.STEPS_PER_BAR;
        Progression chords = inferChords(c, track, stepTicks, bars, melody);
        List<List<NoteToken>> perBar = Abstraction.bars(melody, chords, bars);
        List<List<NoteToken>> phrases = new ArrayList<>();
        for (int b = 0; b < perBar.size(); b += 4) {
            List<NoteToken> ph = new ArrayList<>();
            for (int k = b; k < Math.min(b + 4, perBar.size()); k++) {
                ph.addAll(perBar.get(k));
            }
            phrases.add(ph);
        }
        return phrases;
    }

    private static int chooseMelody(MidiContent c) {
        int best = -1;
        double bestMean = -1;
        for (int t = 0; t < c.tracks(); t++) {
            int count = 0;
            double sum = 0;
            for (MidiNote n : c.notes()) {
                if (n.track() == t && n.channel() != 9) {
                    count++;
                    sum += n.pitch();
                }
            }
            if (count >= 8 && sum / count > bestMean) {
                bestMean = sum / count;
                best = t;
            }
        }
        return best;
    }

    /** Sorted by start; one note per start (the highest); each cut where the next begins. */
    static List<Note> monophonic(List<Note> notes) {
        List<Note> sorted = new ArrayList<>(notes);
        sorted.sort((a, b) ->
                a.start() != b.start() ? Integer.compare(a.start(), b.start()) : Integer.compare(b.pitch(), a.pitch()));
        List<Note> out = new ArrayList<>();
        for (Note n : sorted) {
            if (!out.isEmpty() && out.get(out.size() - 1).start() == n.start()) {
                continue;
            }
            if (!out.isEmpty()) {
                Note last = out.get(out.size() - 1);
                if (last.end() > n.start()) {
                    out.set(
                            out.size() - 1,
                            new Note(last.start(), n.start() - last.start(), last.pitch(), last.velocity()));
                }
            }
            out.add(n);
        }
        return out;
    }

    private static Progression inferChords(
            MidiContent c, int melodyTrack, double stepTicks, int bars, List<Note> melody) {
        boolean accompanied = c.notes().stream().anyMatch(n -> n.track() != melodyTrack && n.channel() != 9);
        StringBuilder text = new StringBuilder();
        String previous = "Cmaj7";
        for (int bar = 0; bar < bars; bar++) {
            String[] halves = new String[2];
            for (int h = 0; h < 2; h++) {
                int from = bar * 16 + h * 8;
                double[] w = new double[12];
                if (accompanied) {
                    for (MidiNote n : c.notes()) {
                        if (n.track() != melodyTrack && n.channel() != 9) {
                            double s = n.start() / stepTicks;
                            double e = n.end() / stepTicks;
                            double overlap = Math.min(e, from + 8) - Math.max(s, from);
                            if (overlap > 0) {
                                w[Math.floorMod(n.pitch(), 12)] += overlap * (n.pitch() < 52 ? 1.5 : 1.0);
                            }
                        }
                    }
                } else {
                    for (Note n : melody) {
                        double overlap = Math.min(n.end(), from + 8) - Math.max(n.start(), from);
                        if (overlap > 0) {
                            w[Math.floorMod(n.pitch(), 12)] += overlap;
                        }
                    }
                }
                halves[h] = bestChord(w, previous);
                previous = halves[h];
            }
            text.append(bar == 0 ? "" : " ")
                    .append(halves[0].equals(halves[1]) ? halves[0] : halves[0] + "," + halves[1]);
        }
        return Progression.parse(text.toString());
    }

    /** The chord whose tones carry the most weight (ties and silence keep the previous chord). */
    static String bestChord(double[] w, String previous) {
        double total = 0;
        for (double x : w) {
            total += x;
        }
        if (total == 0) {
            return previous;
        }
        String best = previous;
        double bestScore = 0;
        for (int root = 0; root < 12; root++) {
            for (int q = 0; q < QUALITIES.length; q++) {
                double score = w[root] * 0.5;
                int[] tones = QUALITIES[q].tones();
                for (int t : tones) {
                    score += w[(root + t) % 12];
                }
                score -= 0.6 * outside(w, root, QUALITIES[q]);
                if (score > bestScore + 1e-9) {
                    bestScore = score;
                    best = NAMES[root] + SUFFIXES[q];
                }
            }
        }
        return best;
    }

    private static double outside(double[] w, int root, ChordQuality q) {
        double sum = 0;
        for (int pc = 0; pc < 12; pc++) {
            boolean in = false;
            for (int t : q.scale()) {
                in |= (root + t) % 12 == pc;
            }
            if (!in) {
                sum += w[pc];
            }
        }
        return sum;
    }
}
