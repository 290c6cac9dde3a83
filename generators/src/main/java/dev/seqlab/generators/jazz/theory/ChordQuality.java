package dev.seqlab.generators.jazz.theory;

import java.util.Arrays;
import java.util.List;

/**
 * A chord quality: its chord tones and the scale a jazz player would use over it, both as
 * semitones above the root.
 */
public enum ChordQuality {
    /** Major seventh (Cmaj7, CM7, CΔ, C): Ionian. */
    MAJOR7(
            new int[] {0, 4, 7, 11},
            new int[] {0, 2, 4, 5, 7, 9, 11},
            "maj7",
            "M7",
            "Δ",
            "Δ7",
            "",
            "maj",
            "maj9",
            "add9"),
    /** Major sixth (C6, C69): Ionian. */
    MAJOR6(new int[] {0, 4, 7, 9}, new int[] {0, 2, 4, 5, 7, 9, 11}, "6", "69", "6/9"),
    /** Dominant seventh (C7, C9, C13): Mixolydian. */
    DOMINANT7(new int[] {0, 4, 7, 10}, new int[] {0, 2, 4, 5, 7, 9, 10}, "7", "9", "13", "11"),
    /** Altered dominant (C7b9, C7#9, C7alt): the altered scale. */
    ALTERED7(new int[] {0, 4, 7, 10}, new int[] {0, 1, 3, 4, 6, 8, 10}, "7b9", "7#9", "7alt", "alt", "7#5", "7b13"),
    /** Suspended dominant (C7sus4, Csus4): Mixolydian. */
    SUS4(new int[] {0, 5, 7, 10}, new int[] {0, 2, 4, 5, 7, 9, 10}, "7sus4", "sus4", "sus", "9sus4"),
    /** Minor seventh (Cm7, C-7, Cm): Dorian. */
    MINOR7(new int[] {0, 3, 7, 10}, new int[] {0, 2, 3, 5, 7, 9, 10}, "m7", "-7", "min7", "m", "-", "min", "m9", "m11"),
    /** Minor sixth (Cm6): Dorian. */
    MINOR6(new int[] {0, 3, 7, 9}, new int[] {0, 2, 3, 5, 7, 9, 10}, "m6", "-6"),
    /** Minor-major seventh (CmMaj7): melodic minor. */
    MINOR_MAJOR7(new int[] {0, 3, 7, 11}, new int[] {0, 2, 3, 5, 7, 9, 11}, "mMaj7", "m(maj7)", "-Δ"),
    /** Half-diminished (Cm7b5, Cø): Locrian. */
    HALF_DIMINISHED(new int[] {0, 3, 6, 10}, new int[] {0, 1, 3, 5, 6, 8, 10}, "m7b5", "ø", "ø7", "-7b5"),
    /** Diminished seventh (Cdim7, C°7, Cdim): the whole-half diminished scale. */
    DIMINISHED7(new int[] {0, 3, 6, 9}, new int[] {0, 2, 3, 5, 6, 8, 9, 11}, "dim7", "°7", "dim", "°"),
    /** Augmented (C+, Caug): the whole-tone scale. */
    AUGMENTED(new int[] {0, 4, 8}, new int[] {0, 2, 4, 6, 8, 10}, "aug", "+", "+7", "aug7");

    private final int[] tones;
    private final int[] scale;
    private final List<String> spellings;

    ChordQuality(int[] tones, int[] scale, String... spellings) {
        this.tones = tones;
        this.scale = scale;
        this.spellings = List.of(spellings);
    }

    /** Chord tones, semitones above the root. */
    public int[] tones() {
        return tones.clone();
    }

    /** Scale tones, semitones above the root (chord tones included). */
    public int[] scale() {
        return scale.clone();
    }

    /** The suffixes that spell this quality after the root ("m7", "-7", …). */
    public List<String> spellings() {
        return spellings;
    }

    /** The quality spelt by {@code suffix}, or null. */
    static ChordQuality bySuffix(String suffix) {
        for (ChordQuality q : values()) {
            if (q.spellings.contains(suffix)) {
                return q;
            }
        }
        return null;
    }

    /** Every accepted suffix, for error messages. */
    static String allSuffixes() {
        StringBuilder sb = new StringBuilder();
        for (ChordQuality q : values()) {
            for (String s : q.spellings) {
                if (!s.isEmpty()) {
                    sb.append(sb.length() == 0 ? "" : " ").append(s);
                }
            }
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return name() + Arrays.toString(tones);
    }
}
