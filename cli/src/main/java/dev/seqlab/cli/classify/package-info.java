/**
 * {@code seqlab classify}: train a sentence classifier on a CSV/TSV of labelled sentences and word
 * vectors, predict (a filter: one output line per input line), evaluate (per-class scores and a
 * confusion matrix, as text and PNG) and export it as ONNX.
 */
package dev.seqlab.cli.classify;
