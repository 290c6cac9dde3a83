/**
 * Attention: additive and multiplicative attention, seq2seq with attention, the Transformer
 * encoder and decoder, and attention maps.
 */
package dev.seqlab.attention;
