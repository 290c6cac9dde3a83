package dev.seqlab.generators.jazz.theory;

/**
 * A chord symbol such as {@code Dm7}, {@code G7}, {@code Cmaj7}, {@code Bbm7b5} or {@code F#7alt}:
 * a root pitch class (0 = C) and a {@link ChordQuality}. A slash bass ({@code C7/E}) is accepted
 * and ignored.
 *
 * @param root    pitch class of the root, 0..11
 * @param quality the chord's quality
 * @param symbol  the spelling it was parsed from
 */
public record ChordSymbol(int root, ChordQuality quality, String symbol) {
    private static final String LETTERS = "C D EF G A B";

    /**
     * Parses a chord symbol.
     *
     * @throws IllegalArgumentException naming the symbol and listing the accepted qualities
     */
    public static ChordSymbol parse(String symbol) {
        String s = symbol.strip();
        int slash = s.indexOf('/');
        if (slash > 0 && !s.endsWith("6/9")) {
            s = s.substring(0, slash);
        }
        if (s.isEmpty() || LETTERS.indexOf(Character.toUpperCase(s.charAt(0))) < 0 || s.charAt(0) == ' ') {
            throw new IllegalArgumentException("unknown chord symbol '" + symbol + "': it must start with a root A-G");
        }
        int root = LETTERS.indexOf(Character.toUpperCase(s.charAt(0)));
        int i = 1;
        // accidentals written right after the letter always belong to the root: Bb7, F#m7b5, Ebmaj7
        while (i < s.length() && i < 3 && (s.charAt(i) == '#' || s.charAt(i) == 'b')) {
            root += s.charAt(i) == '#' ? 1 : -1;
            i++;
        }
        ChordQuality q = ChordQuality.bySuffix(s.substring(i));
        if (q == null) {
            throw new IllegalArgumentException("unknown chord symbol '" + symbol + "': unknown quality '"
                    + s.substring(i) + "' (known: " + ChordQuality.allSuffixes() + ")");
        }
        return new ChordSymbol(Math.floorMod(root, 12), q, symbol.strip());
    }

    private static final String[] NAMES = {"C", "Db", "D", "Eb", "E", "F", "Gb", "G", "Ab", "A", "Bb", "B"};

    /** The quality suffix as written ("m7" of "Bbm7"). */
    public String suffix() {
        int i = 1;
        while (i < symbol.length() && i < 3 && (symbol.charAt(i) == '#' || symbol.charAt(i) == 'b')) {
            i++;
        }
        int slash = symbol.indexOf('/', i);
        return slash > 0 && !symbol.endsWith("6/9") ? symbol.substring(i, slash) : symbol.substring(i);
    }

    /** This chord moved by {@code semitones}, respelt with flats ({@code Dm7} + 3 = {@code Fm7}). */
    public ChordSymbol transpose(int semitones) {
        int r = Math.floorMod(root + semitones, 12);
        return new ChordSymbol(r, quality, NAMES[r] + suffix());
    }

    /** True when {@code pitch} (MIDI number) is a chord tone. */
    public boolean isChordTone(int pitch) {
        return contains(quality.tones(), pitch);
    }

    /** True when {@code pitch} belongs to the chord's scale (chord tones included). */
    public boolean isScaleTone(int pitch) {
        return contains(quality.scale(), pitch);
    }

    /** True when {@code pitch} is a half step from a chord tone without being a scale tone. */
    public boolean isApproachTone(int pitch) {
        return !isScaleTone(pitch) && (isChordTone(pitch - 1) || isChordTone(pitch + 1));
    }

    private boolean contains(int[] intervals, int pitch) {
        int pc = Math.floorMod(pitch - root, 12);
        for (int t : intervals) {
            if (t == pc) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return symbol;
    }
}
