/** Attention maps as pictures: {@link dev.seqlab.attention.plot.AttentionMap} draws weights as a labelled heat map. */
package dev.seqlab.attention.plot;
