/**
 * Recurrent networks: RNN, GRU and LSTM cells with step-by-step forward and backward passes,
 * batched layers, language models, sequence classifiers, training and sampling.
 */
package dev.seqlab.rnn;
