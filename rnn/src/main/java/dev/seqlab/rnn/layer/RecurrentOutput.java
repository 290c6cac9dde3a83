package dev.seqlab.rnn.layer;

import dev.seqlab.core.tensor.Tensor;

/**
 * What {@link RecurrentLayer#forward} returns.
 *
 * @param outputs    the last layer's outputs {@code [T, B, directions·H]} (directions concatenated)
 * @param lastHidden final hidden states {@code [layers·directions, B, H]} (PyTorch's h_n layout)
 * @param lastCell   final cell states in the same layout (LSTM), else null
 * @param cache      what {@link RecurrentLayer#backward} needs
 */
public record RecurrentOutput(Tensor outputs, Tensor lastHidden, Tensor lastCell, RecurrentLayer.Cache cache) {}
