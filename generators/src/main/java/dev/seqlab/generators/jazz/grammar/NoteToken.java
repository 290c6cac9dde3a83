package dev.seqlab.generators.jazz.grammar;

/**
 * One token of the grammar (see the package documentation).
 *
 * @param kind     'C', 'S', 'A', 'X', 'R' (rest) or '|' (bar line)
 * @param duration sixteenths (0 for a bar line)
 * @param interval semitones from the previous note, clamped to ±12 (0 for rests and bar lines)
 */
public record NoteToken(char kind, int duration, int interval) {
    /** The bar-line token. */
    public static final NoteToken BAR = new NoteToken('|', 0, 0);
    /** The largest interval a token carries. */
    public static final int MAX_INTERVAL = 12;

    /** Validates the token. */
    public NoteToken {
        if ("CSAXR|".indexOf(kind) < 0) {
            throw new IllegalArgumentException("unknown token kind '" + kind + "'");
        }
        if (kind != '|' && (duration < 1 || duration > 16)) {
            throw new IllegalArgumentException("token duration must be 1..16 sixteenths, got " + duration);
        }
    }

    /** True for notes (not rests or bar lines). */
    public boolean isNote() {
        return kind != 'R' && kind != '|';
    }

    /** Parses the text form ({@code C4+3}, {@code S2-1}, {@code R4}, {@code |}). */
    public static NoteToken parse(String s) {
        if (s.equals("|")) {
            return BAR;
        }
        try {
            char kind = s.charAt(0);
            if (kind == 'R') {
                return new NoteToken('R', Integer.parseInt(s.substring(1)), 0);
            }
            int sign = Math.max(s.indexOf('+', 1), s.indexOf('-', 1));
            return new NoteToken(
                    kind,
                    Integer.parseInt(s.substring(1, sign)),
                    Integer.parseInt(s.substring(sign).replace("+", "")));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a note token: '" + s + "'");
        }
    }

    @Override
    public String toString() {
        if (kind == '|') {
            return "|";
        }
        if (kind == 'R') {
            return "R" + duration;
        }
        return kind + Integer.toString(duration) + (interval >= 0 ? "+" : "") + interval;
    }
}
