/**
 * Evaluation of a classifier on labelled sentences: accuracy, per-class precision, recall and F1,
 * their macro averages and the confusion matrix ({@link dev.seqlab.classify.eval.Evaluation}),
 * as a text table and as a PNG heat map ({@link dev.seqlab.classify.eval.ConfusionMatrixPng}).
 */
package dev.seqlab.classify.eval;
