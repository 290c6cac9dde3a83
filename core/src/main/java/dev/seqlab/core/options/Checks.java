package dev.seqlab.core.options;

/**
 * Range checks for options records' compact constructors. Each throws
 * {@link IllegalArgumentException} with a message naming the option and the value, e.g.
 * {@code "dim must be at least 1, got 0"}.
 */
public final class Checks {

    private Checks() {}

    /** {@code value >= min}. */
    public static void atLeast(String name, long value, long min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be at least " + min + ", got " + value);
        }
    }

    /** {@code min <= value <= max}. */
    public static void inRange(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be in " + min + ".." + max + ", got " + value);
        }
    }

    /** {@code value == 0} (off) or positive. */
    public static void zeroOrPositive(String name, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must be 0 (off) or positive, got " + value);
        }
    }

    /** A positive finite number. */
    public static void positive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }

    /** 0 or a positive finite number. */
    public static void nonNegative(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be 0 or positive, got " + value);
        }
    }

    /** In [0, 1) when {@code zeroAllowed}, else in (0, 1). */
    public static void inUnitInterval(String name, double value, boolean zeroAllowed) {
        if (!(value < 1) || (zeroAllowed ? value < 0 : value <= 0) || Double.isNaN(value)) {
            throw new IllegalArgumentException(
                    name + " must be in " + (zeroAllowed ? "[0, 1)" : "(0, 1)") + ", got " + value);
        }
    }

    /** Not null; {@code what} says what may be given instead. */
    public static <T> T required(String name, T value, String what) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is required (" + what + ")");
        }
        return value;
    }
}
