/**
 * ONNX Runtime sessions: {@link dev.seqlab.onnx.runtime.OnnxModel} opens a model from a file, a
 * class-path resource or bytes with {@link dev.seqlab.onnx.runtime.SessionOptions} (threads, graph
 * optimisation), lists its named inputs and outputs, checks what a caller feeds against the
 * declared element types and shapes, and runs batches of
 * {@link dev.seqlab.onnx.HostTensor}s; {@link dev.seqlab.onnx.runtime.StatefulSession} runs a
 * model call by call, feeding state outputs back as inputs (step-by-step generation).
 */
package dev.seqlab.onnx.runtime;
