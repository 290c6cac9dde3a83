package dev.seqlab.rnn.cell;

/** The three recurrent cells and the number of gate blocks each stacks in {@code W} and {@code R}. */
public enum CellKind {
    /** Elman RNN, one block. */
    RNN(1),
    /** Gated recurrent unit, blocks z, r, h. */
    GRU(3),
    /** Long short-term memory, blocks i, o, f, c. */
    LSTM(4);

    private final int gates;

    CellKind(int gates) {
        this.gates = gates;
    }

    /** The number of H-wide blocks in W, R and the biases. */
    public int gates() {
        return gates;
    }

    /** True when the cell carries a memory cell state besides h. */
    public boolean hasCellState() {
        return this == LSTM;
    }
}
