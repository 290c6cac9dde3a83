/**
 * Sequence-to-sequence models with attention. {@link dev.seqlab.attention.seq2seq.AttentionSeq2Seq}
 * is the course's "Neural Machine Translation with Attention" architecture: a bidirectional LSTM
 * encoder, additive attention at every output step, and a post-attention LSTM.
 */
package dev.seqlab.attention.seq2seq;
