/**
 * Recurrent cells: {@link dev.seqlab.rnn.cell.RnnCell}, {@link dev.seqlab.rnn.cell.GruCell} and
 * {@link dev.seqlab.rnn.cell.LstmCell}, batched, with step-by-step and whole-sequence forward and
 * backward passes.
 *
 * <p>Weights use the ONNX layout and gate order so they move to and from ONNX and PyTorch
 * without guesswork: {@code W [G·H, I]}, {@code R [G·H, H]}, biases {@code Wb}, {@code Rb}
 * {@code [G·H]}; LSTM gates {@code i, o, f, c}, GRU gates {@code z, r, h}. Inputs are time-major
 * {@code [T, B, I]}, rows of a batch contiguous.
 *
 * <p>The time loop ({@link dev.seqlab.rnn.cell.RecurrentCell}) is shared: it projects the whole
 * input sequence through {@code W} in one GEMM, runs the cell's step for each time step (one GEMM
 * with {@code R} for the whole batch), handles reverse direction, per-sequence lengths and
 * initial states, and in backward computes {@code dW} and {@code dX} with one GEMM each over all
 * steps. A cell supplies only its gate equations.
 */
package dev.seqlab.rnn.cell;
