package dev.seqlab.rnn.cell;

/** The order in which a cell walks the time axis. */
public enum Direction {
    /** t = 0, 1, …, T−1. */
    FORWARD,
    /** t = T−1, …, 0; with sequence lengths, each sequence starts at its own last step. */
    REVERSE;

    /** The time index processed at step {@code s} of {@code steps}. */
    public int time(int s, int steps) {
        return this == FORWARD ? s : steps - 1 - s;
    }
}
