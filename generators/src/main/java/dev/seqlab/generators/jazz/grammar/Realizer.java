package dev.seqlab.generators.jazz.grammar;

import dev.seqlab.generators.jazz.score.Note;
import dev.seqlab.generators.jazz.theory.ChordSymbol;
import dev.seqlab.generators.jazz.theory.Progression;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns grammar tokens into notes over a progression. Each note token asks for a pitch of its
 * kind under the chord sounding where it starts, as near as possible to the previous pitch plus
 * its interval, within the solo range. On the strong beats (one and three) only chord and scale
 * tones are played: an approach or outside tone there is moved to the nearest chord tone, which
 * is how players land their lines.
 */
public final class Realizer {
    /** The lowest pitch of the solo (B♭3, near the bottom of an alto saxophone). */
    public static final int LOW = 58;
    /** The highest pitch of the solo (B♭5). */
    public static final int HIGH = 82;

    private final Progression progression;
    private final int totalSteps;
    private final List<Note> notes = new ArrayList<>();
    private int step;
    private int prev = 70;

    /** A realiser filling {@code bars} bars of {@code progression}. */
    public Realizer(Progression progression, int bars) {
        this.progression = progression;
        this.totalSteps = bars * Progression.STEPS_PER_BAR;
    }

    /** True when the solo is full. */
    public boolean done() {
        return step >= totalSteps;
    }

    /** Adds one token; tokens after the end are ignored. */
    public void add(NoteToken t) {
        if (done()) {
            return;
        }
        if (t.kind() == '|') {
            int bar = Progression.STEPS_PER_BAR;
            step = (step + bar - 1) / bar * bar;
            return;
        }
        int d = Math.min(t.duration(), totalSteps - step);
        if (t.kind() != 'R') {
            ChordSymbol chord = progression.chordAt(step);
            char kind = t.kind();
            boolean strong = step % 8 == 0;
            if (strong && (kind == 'A' || kind == 'X')) {
                kind = 'C';
            }
            int pitch = choose(kind, chord, prev + t.interval());
            notes.add(new Note(step, d, pitch, strong ? 100 : 86));
            prev = pitch;
        }
        step += d;
    }

    /** The notes so far. */
    public List<Note> notes() {
        return List.copyOf(notes);
    }

    static int choose(char kind, ChordSymbol chord, int target) {
        int best = -1;
        for (int p = LOW; p <= HIGH; p++) {
            if (matches(kind, chord, p) && (best < 0 || Math.abs(p - target) < Math.abs(best - target))) {
                best = p;
            }
        }
        return best >= 0 ? best : choose('C', chord, target);
    }

    private static boolean matches(char kind, ChordSymbol c, int p) {
        return switch (kind) {
            case 'C' -> c.isChordTone(p);
            case 'S' -> c.isScaleTone(p) && !c.isChordTone(p);
            case 'A' -> c.isApproachTone(p);
            default -> !c.isScaleTone(p);
        };
    }
}
