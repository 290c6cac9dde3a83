package dev.seqlab.rnn.classify;

import dev.seqlab.core.options.Checks;
import dev.seqlab.core.options.Withers;
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
public record ClassifierOptions(
        int vocabulary,
        int embeddingDim,
        CellKind cell,
        int hidden,
        int layers,
        boolean bidirectional,
        float dropout,
        int classes) {

    /** Validates with messages naming the offending value. */
    public ClassifierOptions {
        if (vocabulary < 2) {
            throw new IllegalArgumentException(
                    "vocabulary must hold padding and at least one token, got " + vocabulary);
        }
        Checks.atLeast("embeddingDim", embeddingDim, 1);
        Checks.atLeast("hidden", hidden, 1);
        Checks.atLeast("layers", layers, 1);
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

    /** A vocabulary of 10,000, 50-wide embeddings, one LSTM layer of 128, one way, no dropout, 2 classes. */
    public static ClassifierOptions defaults() {
        return new ClassifierOptions(10_000, 50, CellKind.LSTM, 128, 1, false, 0f, 2);
    }

    /** These options with another vocabulary size (padding included). */
    public ClassifierOptions withVocabulary(int n) {
        return Withers.with(this, "vocabulary", n);
    }

    /** These options with another embedding width. */
    public ClassifierOptions withEmbeddingDim(int n) {
        return Withers.with(this, "embeddingDim", n);
    }

    /** These options with another cell. */
    public ClassifierOptions withCell(CellKind c) {
        return Withers.with(this, "cell", c);
    }

    /** These options with another hidden width. */
    public ClassifierOptions withHidden(int n) {
        return Withers.with(this, "hidden", n);
    }

    /** These options with another number of layers. */
    public ClassifierOptions withLayers(int n) {
        return Withers.with(this, "layers", n);
    }

    /** These options reading both ways or not. */
    public ClassifierOptions withBidirectional(boolean on) {
        return Withers.with(this, "bidirectional", on);
    }

    /** These options with another dropout. */
    public ClassifierOptions withDropout(float p) {
        return Withers.with(this, "dropout", p);
    }

    /** These options with another number of classes. */
    public ClassifierOptions withClasses(int n) {
        return Withers.with(this, "classes", n);
    }
}
