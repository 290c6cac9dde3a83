/**
 * Recurrent-network training speed side by side with PyTorch
 * ({@code ../shared/bench/torch_rnn.py}): the same configurations, one training step =
 * forward + backward + clip to global norm 5 + Adam.
 */
package dev.seqlab.bench.rnn;
