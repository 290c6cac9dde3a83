/**
 * Data sets seqlab ships, written by the project itself: {@link dev.seqlab.corpora.datasets.DinosaurNames}
 * (853 genus names).
 */
package dev.seqlab.corpora.datasets;
