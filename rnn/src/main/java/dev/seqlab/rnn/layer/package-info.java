/**
 * Layers for sequence models, each with a forward pass that returns what its backward pass
 * needs: {@link dev.seqlab.rnn.layer.Embedding}, {@link dev.seqlab.rnn.layer.RecurrentLayer}
 * (RNN/GRU/LSTM, stacked, bidirectional, dropout between layers, padded batches),
 * {@link dev.seqlab.rnn.layer.Dense} and {@link dev.seqlab.rnn.layer.SoftmaxCrossEntropy}
 * (ignoring padding). Sequences are time-major {@code [T, B, …]}.
 */
package dev.seqlab.rnn.layer;
