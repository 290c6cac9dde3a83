package dev.seqlab.rnn.classify;

import dev.seqlab.rnn.cell.CellKind;

/**
 * The architecture of a {@link SequenceClassifier}.
 *
 * @param vocabulary    token ids are 0 … vocabulary−1; id 0 is padding
 * @param embeddingDim  width of the token vectors
 * @param cell          RNN, GRU or LSTM
 * @param hidden        units per layer and direction
 * @param layers        stacked recurrent layers
 * @param bidirectional read each sequence both ways and join the two final states
 * @param dropout       dropout between recurrent layers and before the output layer, in [0, 1)
 * @param classes       number of classes
 */
public record ClassifierOptions(int vocabulary, int embeddingDim, CellKind cell, int hidden, int layers,
                                boolean bidirectional, float dropout, int classes) {

    /** Validates with messages naming the offending value. */
    public ClassifierOptions {
        if (vocabulary < 2) {
            throw new IllegalArgumentException("vocabulary must hold padding and at least one token, got " + vocabulary);
        }
        if (embeddingDim < 1 || hidden < 1 || layers < 1) {
            throw new IllegalArgumentException("embedding dim, hidden size and layers must be positive, got "
                    + embeddingDim + ", " + hidden + ", " + layers);
        }
        if (cell == null) {
            throw new IllegalArgumentException("cell is required (rnn, gru or lstm)");
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
        if (classes < 2) {
            throw new IllegalArgumentException("a classifier needs at least 2 classes, got " + classes);
        }
    }
}
