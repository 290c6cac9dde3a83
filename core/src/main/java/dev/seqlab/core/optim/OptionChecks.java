package dev.seqlab.core.optim;

import dev.seqlab.core.options.Checks;

/** Validation shared by the optimiser option records and schedules (see {@link Checks}). */
final class OptionChecks {

    private OptionChecks() {}

    static void inUnitInterval(String name, double v, boolean zeroAllowed) {
        Checks.inUnitInterval(name, v, zeroAllowed);
    }

    static void nonNegative(String name, double v) {
        Checks.nonNegative(name, v);
    }

    static void positive(String name, double v) {
        Checks.positive(name, v);
    }
}
