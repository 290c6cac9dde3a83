package dev.seqlab.rnn.layer;

import dev.seqlab.core.options.Withers;
import dev.seqlab.rnn.cell.CellKind;

/**
 * The shape of a {@link RecurrentLayer}.
 *
 * @param kind              RNN, GRU or LSTM
 * @param inputSize         I, the width of each input step
 * @param hiddenSize        H, per direction
 * @param layers            stacked layers (each after the first reads the previous one's outputs)
 * @param bidirectional     run a reverse cell beside each forward one and concatenate their outputs
 * @param dropout           probability of zeroing a unit between layers during training, in [0, 1)
 * @param linearBeforeReset GRU only: apply the reset gate after the recurrent product (PyTorch's GRU)
 */
public record RecurrentOptions(
        CellKind kind,
        int inputSize,
        int hiddenSize,
        int layers,
        boolean bidirectional,
        float dropout,
        boolean linearBeforeReset) {

    /** Validates the options with messages naming the offending value. */
    public RecurrentOptions {
        if (kind == null) {
            throw new IllegalArgumentException("cell kind is required (rnn, gru or lstm)");
        }
        if (inputSize < 1) {
            throw new IllegalArgumentException("input size must be positive, got " + inputSize);
        }
        if (hiddenSize < 1) {
            throw new IllegalArgumentException("hidden size must be positive, got " + hiddenSize);
        }
        if (layers < 1) {
            throw new IllegalArgumentException("layers must be at least 1, got " + layers);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
    }

    /** One forward LSTM layer of 64 units reading 64-wide steps, without dropout. */
    public static RecurrentOptions defaults() {
        return new RecurrentOptions(CellKind.LSTM, 64, 64, 1, false, 0f, true);
    }

    /** A single forward layer without dropout (GRUs with linear_before_reset, as PyTorch). */
    public static RecurrentOptions of(CellKind kind, int inputSize, int hiddenSize) {
        return defaults().withKind(kind).withInputSize(inputSize).withHiddenSize(hiddenSize);
    }

    /** These options with another cell kind. */
    public RecurrentOptions withKind(CellKind k) {
        return Withers.with(this, "kind", k);
    }

    /** These options with another input width. */
    public RecurrentOptions withInputSize(int n) {
        return Withers.with(this, "inputSize", n);
    }

    /** These options with another hidden width. */
    public RecurrentOptions withHiddenSize(int n) {
        return Withers.with(this, "hiddenSize", n);
    }

    /** These options with another number of stacked layers. */
    public RecurrentOptions withLayers(int n) {
        return Withers.with(this, "layers", n);
    }

    /** These options reading both ways or not. */
    public RecurrentOptions withBidirectional(boolean on) {
        return Withers.with(this, "bidirectional", on);
    }

    /** These options with another dropout between layers. */
    public RecurrentOptions withDropout(float p) {
        return Withers.with(this, "dropout", p);
    }

    /** These options with the GRU's reset gate before or after the recurrent product. */
    public RecurrentOptions withLinearBeforeReset(boolean on) {
        return Withers.with(this, "linearBeforeReset", on);
    }

    /** Directions per layer: 1 or 2. */
    public int directions() {
        return bidirectional ? 2 : 1;
    }

    /** The width of the layer's outputs: directions × H. */
    public int outputSize() {
        return directions() * hiddenSize;
    }
}
