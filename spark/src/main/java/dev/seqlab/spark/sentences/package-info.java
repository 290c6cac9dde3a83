/**
 * Sentence embeddings as Spark jobs: a text column embedded by seqlab's ONNX sentence encoder
 * (one encoder, so one ONNX Runtime session, per executor JVM; batches sorted by length) and a
 * nearest-neighbour join of two embedded datasets.
 */
package dev.seqlab.spark.sentences;
