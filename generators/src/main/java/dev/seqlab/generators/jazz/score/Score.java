package dev.seqlab.generators.jazz.score;

import dev.seqlab.generators.jazz.theory.Progression;
import java.util.List;

/**
 * A piece: a solo melody over a progression, with bass and comping, in 4/4.
 *
 * @param progression the chords (repeating)
 * @param bars        the length in bars
 * @param tempo       quarter notes per minute
 * @param melody      the solo, monophonic
 * @param comping     piano chords
 * @param bass        the walking bass line
 */
public record Score(
        Progression progression, int bars, int tempo, List<Note> melody, List<Note> comping, List<Note> bass) {

    /** Copies the lists and checks the sizes. */
    public Score {
        if (bars < 1) {
            throw new IllegalArgumentException("bars must be at least 1, got " + bars);
        }
        if (tempo < 20 || tempo > 400) {
            throw new IllegalArgumentException("tempo must be 20..400 beats per minute, got " + tempo);
        }
        melody = List.copyOf(melody);
        comping = List.copyOf(comping);
        bass = List.copyOf(bass);
    }

    /** The length in steps. */
    public int steps() {
        return bars * Progression.STEPS_PER_BAR;
    }

    /** Seconds per sixteenth-note step. */
    public double secondsPerStep() {
        return 60.0 / tempo / 4;
    }

    /** The playing time in seconds. */
    public double seconds() {
        return steps() * secondsPerStep();
    }
}
