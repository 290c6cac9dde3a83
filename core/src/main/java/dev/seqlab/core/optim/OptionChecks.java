package dev.seqlab.core.optim;

/** Validation shared by the optimiser option records. */
final class OptionChecks {

    private OptionChecks() {
    }

    static void inUnitInterval(String name, double v, boolean zeroAllowed) {
        if (!(v < 1) || (zeroAllowed ? v < 0 : v <= 0) || Double.isNaN(v)) {
            throw new IllegalArgumentException(name + " must be in " + (zeroAllowed ? "[0, 1)" : "(0, 1)") + ", got " + v);
        }
    }

    static void nonNegative(String name, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " must be a non-negative finite number, got " + v);
        }
    }

    static void positive(String name, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " must be a positive finite number, got " + v);
        }
    }
}
