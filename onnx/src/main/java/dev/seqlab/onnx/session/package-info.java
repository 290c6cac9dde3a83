/**
 * ONNX Runtime sessions: {@link dev.seqlab.onnx.session.OnnxModel} opens a model from a file or a
 * classpath resource with {@link dev.seqlab.onnx.session.SessionOptions} (threads, graph
 * optimisation), checks named inputs against the model's declared types and shapes, runs batches
 * of {@link dev.seqlab.onnx.session.HostTensor}s, and with
 * {@link dev.seqlab.onnx.session.StatefulRunner} carries state outputs back into state inputs
 * between calls for step-by-step generation.
 */
package dev.seqlab.onnx.session;
