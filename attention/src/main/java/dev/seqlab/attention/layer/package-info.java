/**
 * Attention layers. {@link dev.seqlab.attention.layer.AdditiveAttention} is Bahdanau's additive
 * attention as the course's {@code one_step_attention} builds it.
 */
package dev.seqlab.attention.layer;
