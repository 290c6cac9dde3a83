package dev.seqlab.generators.jazz.score;

import dev.seqlab.core.random.SeededRandom;
import dev.seqlab.generators.jazz.theory.ChordSymbol;
import dev.seqlab.generators.jazz.theory.Progression;
import java.util.ArrayList;
import java.util.List;

/**
 * The rhythm section: a walking bass (root on beat one, chord tones on two and three, a chromatic
 * approach to the next root on four) and piano comping (a rootless voicing — third, seventh, fifth —
 * on beat one and the "and" of two, the Charleston rhythm, or on each chord of a split bar).
 */
public final class Band {
    private static final int BASS_LOW = 36;
    private static final int BASS_HIGH = 52;

    private Band() {}

    /** The walking bass line for {@code bars} bars of {@code p}. */
    public static List<Note> bass(Progression p, int bars, SeededRandom rng) {
        List<Note> out = new ArrayList<>();
        int prev = 43;
        for (int beat = 0; beat < bars * 4; beat++) {
            int step = beat * 4;
            ChordSymbol c = p.chordAt(step);
            int[] tones = c.quality().tones();
            int pitch;
            boolean chordStarts = p.chordStart(step) == step;
            if (chordStarts) {
                pitch = nearest(prev, c.root(), BASS_LOW, BASS_HIGH);
            } else if (beat % 4 == 3) {
                ChordSymbol next = p.chordAt(step + 4);
                int target = nearest(prev, next.root(), BASS_LOW, BASS_HIGH);
                pitch = target + (rng.nextInt(2) == 0 ? 1 : -1);
            } else {
                int t = tones[1 + rng.nextInt(tones.length - 1)];
                pitch = nearest(prev, c.root() + t, BASS_LOW, BASS_HIGH);
            }
            out.add(new Note(step, 4, pitch, beat % 2 == 0 ? 92 : 84));
            prev = pitch;
        }
        return out;
    }

    /** Piano comping for {@code bars} bars of {@code p}. */
    public static List<Note> comping(Progression p, int bars) {
        List<Note> out = new ArrayList<>();
        for (int bar = 0; bar < bars; bar++) {
            int s = bar * Progression.STEPS_PER_BAR;
            if (p.chordAt(s) != p.chordAt(s + 8)) {
                voice(out, p.chordAt(s), s, 6, 66);
                voice(out, p.chordAt(s + 8), s + 8, 6, 62);
            } else {
                voice(out, p.chordAt(s), s, 5, 66);
                voice(out, p.chordAt(s), s + 6, 8, 60);
            }
        }
        return out;
    }

    private static void voice(List<Note> out, ChordSymbol c, int start, int duration, int velocity) {
        int[] t = c.quality().tones();
        // third, seventh (or sixth) and fifth, without the root, between E3 and G4
        int[] pick = t.length >= 4 ? new int[] {t[1], t[3], t[2]} : new int[] {t[1], t[2], t[0] + 12};
        for (int interval : pick) {
            out.add(new Note(start, duration, nearest(58, c.root() + interval, 52, 67), velocity));
        }
    }

    /** The pitch of pitch class {@code pc} nearest to {@code near} within [lo, hi]. */
    static int nearest(int near, int pc, int lo, int hi) {
        int best = -1;
        for (int p = lo; p <= hi; p++) {
            if (Math.floorMod(p - pc, 12) == 0 && (best < 0 || Math.abs(p - near) < Math.abs(best - near))) {
                best = p;
            }
        }
        return best;
    }
}
