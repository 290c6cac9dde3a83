package dev.seqlab.rnn.cell;

import dev.seqlab.core.tensor.Tensor;

/**
 * Gradients a backward pass returns; the weight gradients are added to the cell's parameters.
 *
 * @param inputs        dL/dX {@code [T, B, I]}, or null when the caller did not ask for it
 * @param initialHidden dL/dh₀ {@code [B, H]}
 * @param initialCell   dL/dc₀ {@code [B, H]} (LSTM), else null
 */
public record CellGradients(Tensor inputs, Tensor initialHidden, Tensor initialCell) {}
