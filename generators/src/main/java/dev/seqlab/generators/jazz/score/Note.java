package dev.seqlab.generators.jazz.score;

/**
 * A note: where it starts and how long it lasts in sixteenth-note steps, its MIDI pitch and velocity.
 *
 * @param start    first step (16 per 4/4 bar)
 * @param duration steps, at least 1
 * @param pitch    MIDI note number (60 = middle C)
 * @param velocity MIDI velocity 1..127
 */
public record Note(int start, int duration, int pitch, int velocity) {

    /** Validates the note. */
    public Note {
        if (start < 0 || duration < 1 || pitch < 0 || pitch > 127 || velocity < 1 || velocity > 127) {
            throw new IllegalArgumentException("invalid note: start " + start + ", duration " + duration + ", pitch "
                    + pitch + ", velocity " + velocity);
        }
    }

    /** The step after the note ends. */
    public int end() {
        return start + duration;
    }
}
