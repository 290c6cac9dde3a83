/**
 * Transformer building blocks (Vaswani et al. 2017, as the course's Transformer week builds them):
 * {@link dev.seqlab.attention.transformer.MultiHeadAttention} (scaled dot-product attention with
 * padding and look-ahead masks), {@link dev.seqlab.attention.transformer.LayerNorm} and
 * {@link dev.seqlab.attention.transformer.PositionalEncoding}. Sequences are batch-major here:
 * row {@code b·T + t} of a {@code [B·T, d]} matrix.
 */
package dev.seqlab.attention.transformer;
