package dev.seqlab.generators.jazz.corpus;

import dev.seqlab.core.random.SeededRandom;
import dev.seqlab.generators.jazz.score.Note;
import dev.seqlab.generators.jazz.theory.ChordSymbol;
import dev.seqlab.generators.jazz.theory.Progression;
import java.util.ArrayList;
import java.util.List;

/**
 * A rule-based improviser: the teacher whose phrases the LSTM learns from. Per bar it picks a
 * rhythm from a small vocabulary of jazz rhythms, then plays
 * <ul>
 *   <li>on beats one and three, a chord tone near the previous note (arpeggio leaps up to a fifth);</li>
 *   <li>elsewhere, scale tones moving stepwise, mostly continuing in one direction and turning at
 *       the edges of the range;</li>
 *   <li>now and then, just before a strong beat, a chromatic approach tone a half step from the
 *       chord tone it then resolves to;</li>
 *   <li>rests written into the rhythms, and an occasional breath.</li>
 * </ul>
 */
public final class RuleImproviser {
    private static final int[][] RHYTHMS = {
        {4, 4, 4, 4}, {2, 2, 2, 2, 2, 2, 4}, {2, 2, 4, 2, 2, 4}, {6, 2, 6, 2}, {3, 1, 3, 1, 4, 4},
        {4, 2, 2, 4, -4}, {2, 2, 2, 2, 8}, {-2, 2, 2, 2, 4, 4}, {8, 4, 4}, {2, 2, 2, 2, 2, 2, 2, 2},
        {-4, 2, 2, 2, 2, 4}, {4, 4, 8}, {1, 1, 2, 4, 4, 4}, {2, 2, 4, 4, -4}, {-8, 2, 2, 4},
    };
    private static final int LOW = 57;
    private static final int HIGH = 81;

    private RuleImproviser() {}

    /** A melody of {@code bars} bars over {@code p}. */
    public static List<Note> play(Progression p, int bars, SeededRandom rng) {
        List<Note> out = new ArrayList<>();
        int prev = 64 + rng.nextInt(8);
        int direction = rng.nextInt(2) == 0 ? 1 : -1;
        Integer planned = null;
        for (int bar = 0; bar < bars; bar++) {
            int[] rhythm = RHYTHMS[rng.nextInt(RHYTHMS.length)];
            int pos = 0;
            for (int d : rhythm) {
                int step = bar * Progression.STEPS_PER_BAR + pos;
                int len = Math.abs(d);
                pos += len;
                if (d < 0 || (step % 8 != 0 && rng.nextInt(20) == 0)) {
                    planned = null;
                    continue;
                }
                ChordSymbol chord = p.chordAt(step);
                int pitch;
                if (planned != null) {
                    pitch = planned;
                    planned = null;
                } else if (step % 8 == 0) {
                    pitch = chordToneNear(chord, prev + direction * rng.nextInt(6), rng);
                } else {
                    int move = direction * (1 + rng.nextInt(2));
                    pitch = scaleToneNear(chord, prev + move, direction);
                }
                boolean beforeStrong = (step + len) % 8 == 0 && len <= 2;
                if (beforeStrong && rng.nextInt(10) < 3) {
                    ChordSymbol next = p.chordAt(step + len);
                    int target = chordToneNear(next, pitch + direction * 2, rng);
                    int approach = target + (rng.nextInt(2) == 0 ? 1 : -1);
                    if (approach >= LOW && approach <= HIGH) {
                        pitch = approach;
                        planned = target;
                    }
                }
                if (pitch >= HIGH - 2) {
                    direction = -1;
                } else if (pitch <= LOW + 2) {
                    direction = 1;
                } else if (rng.nextInt(6) == 0) {
                    direction = -direction;
                }
                out.add(new Note(step, len, pitch, step % 8 == 0 ? 100 : 84 + rng.nextInt(10)));
                prev = pitch;
            }
        }
        return out;
    }

    private static int chordToneNear(ChordSymbol c, int target, SeededRandom rng) {
        List<Integer> near = new ArrayList<>();
        for (int p = Math.max(LOW, target - 4); p <= Math.min(HIGH, target + 4); p++) {
            if (c.isChordTone(p)) {
                near.add(p);
            }
        }
        if (near.isEmpty()) {
            for (int p = LOW; p <= HIGH; p++) {
                if (c.isChordTone(p) && (near.isEmpty() || Math.abs(p - target) < Math.abs(near.get(0) - target))) {
                    near.clear();
                    near.add(p);
                }
            }
        }
        return near.get(rng.nextInt(near.size()));
    }

    private static int scaleToneNear(ChordSymbol c, int target, int direction) {
        int t = Math.max(LOW, Math.min(HIGH, target));
        for (int k = 0; k < 12; k++) {
            int a = t + direction * k;
            if (a >= LOW && a <= HIGH && c.isScaleTone(a)) {
                return a;
            }
            int b = t - direction * k;
            if (b >= LOW && b <= HIGH && c.isScaleTone(b)) {
                return b;
            }
        }
        return t;
    }

    /** The progressions the default model learns over (each also transposed into every key). */
    public static List<String> standardProgressions() {
        return List.of(
                Progression.II_V_I,
                Progression.BLUES_F,
                "Dm7b5 G7alt Cm7 Cm7",
                "Bbmaj7,G7 Cm7,F7 Dm7,G7 Cm7,F7 Fm7,Bb7 Ebmaj7,Ab7 Dm7,G7 Cm7,F7",
                "Cm7 F7 Bbmaj7 Ebmaj7 Am7b5 D7alt Gm7 Gm7",
                "Cmaj7 Am7 Dm7 G7");
    }
}
