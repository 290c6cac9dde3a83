package dev.seqlab.generators.jazz.grammar;

import dev.seqlab.generators.jazz.score.Note;
import dev.seqlab.generators.jazz.theory.ChordSymbol;
import dev.seqlab.generators.jazz.theory.Progression;
import java.util.ArrayList;
import java.util.List;

/** Turns a melody over a progression into grammar tokens, bar by bar. */
public final class Abstraction {

    private Abstraction() {}

    /** The kind of {@code pitch} against {@code chord}: C, S, A or X. */
    public static char kindOf(int pitch, ChordSymbol chord) {
        if (chord.isChordTone(pitch)) {
            return 'C';
        }
        if (chord.isScaleTone(pitch)) {
            return 'S';
        }
        return chord.isApproachTone(pitch) ? 'A' : 'X';
    }

    /**
     * Tokens for each bar of a monophonic melody (notes sorted by start, not overlapping): every
     * bar starts with {@code |}; gaps become rests; a note running over the bar line is cut there.
     */
    public static List<List<NoteToken>> bars(List<Note> melody, Progression p, int bars) {
        List<List<NoteToken>> out = new ArrayList<>();
        int i = 0;
        Integer prev = null;
        for (int bar = 0; bar < bars; bar++) {
            int start = bar * Progression.STEPS_PER_BAR;
            int end = start + Progression.STEPS_PER_BAR;
            List<NoteToken> tokens = new ArrayList<>();
            tokens.add(NoteToken.BAR);
            int step = start;
            while (i < melody.size() && melody.get(i).start() < end) {
                Note n = melody.get(i);
                if (n.start() < step) {
                    i++;
                    continue;
                }
                if (n.start() > step) {
                    tokens.add(new NoteToken('R', n.start() - step, 0));
                }
                int d = Math.min(n.duration(), end - n.start());
                int interval = prev == null
                        ? 0
                        : Math.max(-NoteToken.MAX_INTERVAL, Math.min(NoteToken.MAX_INTERVAL, n.pitch() - prev));
                tokens.add(new NoteToken(kindOf(n.pitch(), p.chordAt(n.start())), d, interval));
                prev = n.pitch();
                step = n.start() + d;
                i++;
            }
            if (step < end) {
                tokens.add(new NoteToken('R', end - step, 0));
            }
            out.add(tokens);
        }
        return out;
    }
}
