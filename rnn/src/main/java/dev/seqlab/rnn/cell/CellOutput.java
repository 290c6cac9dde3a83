package dev.seqlab.rnn.cell;

import dev.seqlab.core.tensor.Tensor;

/**
 * The result of running a cell over a sequence.
 *
 * @param outputs    h at every time step, {@code [T, B, H]} by time (zero past a sequence's length)
 * @param lastHidden the final hidden state {@code [B, H]} (each sequence's state after its last step)
 * @param lastCell   the final cell state {@code [B, H]} (LSTM), else null
 * @param cache      what {@link RecurrentCell#backward} needs
 */
public record CellOutput(Tensor outputs, Tensor lastHidden, Tensor lastCell, SequenceCache cache) {}
