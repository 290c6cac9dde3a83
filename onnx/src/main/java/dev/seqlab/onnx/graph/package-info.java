/**
 * Writing and reading ONNX graphs on the ONNX protobuf classes ({@code ai.onnx.proto.OnnxMl}):
 * {@link dev.seqlab.onnx.graph.GraphBuilder} assembles a model from typed inputs, float and
 * int64 initialisers and standard-operator nodes; {@link dev.seqlab.onnx.graph.OnnxFiles} reads a
 * model with one-line errors for files that are not ONNX, and writes one atomically. Model
 * modules export their models through these.
 */
package dev.seqlab.onnx.graph;
