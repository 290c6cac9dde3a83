package dev.seqlab.cli;

import java.io.PrintWriter;

/**
 * The bookkeeping of a filter command (one output line per input item, in order): counts the
 * items it answered and those it declined, and at the end prints a one-line summary of the
 * declined ones on stderr and chooses the exit status. A declined item still gets its line on
 * stdout, with the marker the command documents, so the output stays aligned with the input
 * ({@code paste input.txt <(seqlab dates < input.txt)}).
 */
public final class Declined {
    private final String noun;
    private long items;
    private long declined;

    /** Counts items called {@code noun} (plural, e.g. "dates") in the summary. */
    public Declined(String noun) {
        this.noun = noun;
    }

    /** Records an item answered. */
    public void answered() {
        items++;
    }

    /** Records an item declined. */
    public void declined() {
        items++;
        declined++;
    }

    /** How many items were declined so far. */
    public long count() {
        return declined;
    }

    /**
     * Prints {@code seqlab: D of N NOUN declined (how)} on {@code err} when any was declined.
     *
     * @param how where the reasons are, e.g. "empty ISO field, reason in the third column"
     * @return the exit status: 0 when every item was answered, 2 (bad input) otherwise
     */
    public int finish(PrintWriter err, String how) {
        if (declined == 0) {
            return 0;
        }
        err.println("seqlab: " + declined + " of " + items + " " + noun + " declined (" + how + ")");
        err.flush();
        return ErrorHandler.BAD_INPUT;
    }
}
