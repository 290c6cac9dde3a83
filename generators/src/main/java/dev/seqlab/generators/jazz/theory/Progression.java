package dev.seqlab.generators.jazz.theory;

import java.util.ArrayList;
import java.util.List;

/**
 * Chords in time, in 4/4 with 16 steps (sixteenth notes) per bar. Written as bars separated by
 * spaces (or {@code |}); a bar may hold two chords joined by a comma, each taking half the bar:
 * {@code "Dm7 G7 Cmaj7 Cmaj7"}, {@code "Cmaj7 Am7,D7 Dm7,G7 Cmaj7"}.
 */
public final class Progression {
    /** Steps (sixteenth notes) per bar. */
    public static final int STEPS_PER_BAR = 16;

    /** ii–V–I in C, the course's default. */
    public static final String II_V_I = "Dm7 G7 Cmaj7 Cmaj7";
    /** A 12-bar jazz blues in F. */
    public static final String BLUES_F = "F7 Bb7 F7 Cm7,F7 Bb7 Bdim7 F7 Am7,D7 Gm7 C7 F7,D7 Gm7,C7";

    private final List<ChordSymbol[]> bars;
    private final String text;

    private Progression(List<ChordSymbol[]> bars, String text) {
        this.bars = bars;
        this.text = text;
    }

    /**
     * Parses a progression.
     *
     * @throws IllegalArgumentException naming an unknown chord symbol, or for an empty progression
     */
    public static Progression parse(String text) {
        List<ChordSymbol[]> bars = new ArrayList<>();
        for (String bar : text.replace('|', ' ').trim().split("\\s+")) {
            if (bar.isEmpty()) {
                continue;
            }
            String[] parts = bar.split(",");
            if (parts.length > 2) {
                throw new IllegalArgumentException("bar '" + bar + "' has more than two chords");
            }
            ChordSymbol[] chords = new ChordSymbol[parts.length];
            for (int i = 0; i < parts.length; i++) {
                chords[i] = ChordSymbol.parse(parts[i]);
            }
            bars.add(chords);
        }
        if (bars.isEmpty()) {
            throw new IllegalArgumentException("the progression is empty: give chords such as \"Dm7 G7 Cmaj7 Cmaj7\"");
        }
        return new Progression(List.copyOf(bars), text.trim());
    }

    /** The number of bars written (the progression repeats after them). */
    public int bars() {
        return bars.size();
    }

    /** The chord sounding at {@code step} (steps count from 0; the progression repeats). */
    public ChordSymbol chordAt(int step) {
        int bar = Math.floorMod(Math.floorDiv(step, STEPS_PER_BAR), bars.size());
        ChordSymbol[] c = bars.get(bar);
        int within = Math.floorMod(step, STEPS_PER_BAR);
        return c.length == 1 || within < STEPS_PER_BAR / 2 ? c[0] : c[1];
    }

    /** The step where the chord sounding at {@code step} began. */
    public int chordStart(int step) {
        int barStart = Math.floorDiv(step, STEPS_PER_BAR) * STEPS_PER_BAR;
        ChordSymbol[] c = bars.get(Math.floorMod(Math.floorDiv(step, STEPS_PER_BAR), bars.size()));
        return c.length == 2 && step - barStart >= STEPS_PER_BAR / 2 ? barStart + STEPS_PER_BAR / 2 : barStart;
    }

    /** This progression moved by {@code semitones}. */
    public Progression transpose(int semitones) {
        List<ChordSymbol[]> moved = new ArrayList<>();
        for (ChordSymbol[] bar : bars) {
            ChordSymbol[] m = new ChordSymbol[bar.length];
            for (int i = 0; i < bar.length; i++) {
                m[i] = bar[i].transpose(semitones);
            }
            moved.add(m);
        }
        StringBuilder t = new StringBuilder();
        for (ChordSymbol[] bar : moved) {
            t.append(t.length() == 0 ? "" : " ").append(bar[0]).append(bar.length == 2 ? "," + bar[1] : "");
        }
        return new Progression(List.copyOf(moved), t.toString());
    }

    @Override
    public String toString() {
        return text;
    }
}
