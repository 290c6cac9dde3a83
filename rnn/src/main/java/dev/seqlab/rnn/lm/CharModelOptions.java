package dev.seqlab.rnn.lm;

import dev.seqlab.core.options.Withers;
import dev.seqlab.rnn.cell.CellKind;

/**
 * The architecture of a {@link CharLanguageModel}: one-hot characters into a stack of recurrent
 * layers, then a dense layer to one logit per character.
 *
 * @param cell    RNN, GRU or LSTM
 * @param hidden  units per layer
 * @param layers  stacked layers
 * @param dropout dropout between layers during training, in [0, 1)
 */
public record CharModelOptions(CellKind cell, int hidden, int layers, float dropout) {

    /** Validates with messages naming the offending value. */
    public CharModelOptions {
        if (cell == null) {
            throw new IllegalArgumentException("cell is required (rnn, gru or lstm)");
        }
        if (hidden < 1 || hidden > 8192) {
            throw new IllegalArgumentException("hidden size must be in 1..8192, got " + hidden);
        }
        if (layers < 1 || layers > 16) {
            throw new IllegalArgumentException("layers must be in 1..16, got " + layers);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
    }

    /** Two LSTM layers of 128 units without dropout (the {@code seqlab text train} defaults). */
    public static CharModelOptions defaults() {
        return new CharModelOptions(CellKind.LSTM, 128, 2, 0f);
    }

    /** A one-layer LSTM of {@code hidden} units without dropout. */
    public static CharModelOptions lstm(int hidden) {
        return defaults().withHidden(hidden).withLayers(1);
    }

    /** These options with another cell. */
    public CharModelOptions withCell(CellKind c) {
        return Withers.with(this, "cell", c);
    }

    /** These options with another layer width. */
    public CharModelOptions withHidden(int n) {
        return Withers.with(this, "hidden", n);
    }

    /** These options with another number of layers. */
    public CharModelOptions withLayers(int n) {
        return Withers.with(this, "layers", n);
    }

    /** These options with another dropout. */
    public CharModelOptions withDropout(float p) {
        return Withers.with(this, "dropout", p);
    }
}
