package dev.seqlab.rnn.layer;

import dev.seqlab.core.tensor.Tensor;

/**
 * Gradients {@link RecurrentLayer#backward} returns (weight gradients go to the parameters).
 *
 * @param inputs        dL/dX {@code [T, B, I]}, or null when the caller did not ask for it
 * @param initialHidden dL/dh₀ {@code [layers·directions, B, H]}
 * @param initialCell   dL/dc₀ in the same layout (LSTM), else null
 */
public record RecurrentGradients(Tensor inputs, Tensor initialHidden, Tensor initialCell) {}
