/**
 * Runs ONNX graphs on seqlab's kernels, with no native runtime.
 *
 * <p>{@link dev.seqlab.onnx.interpret.GraphInterpreter} prepares each node of a graph once, with
 * the {@link dev.seqlab.onnx.interpret.Operator} an {@link dev.seqlab.onnx.interpret.OperatorRegistry}
 * holds for its type, and then runs the graph on {@link dev.seqlab.onnx.HostTensor}s, the same
 * tensors an ONNX Runtime session takes. {@link dev.seqlab.onnx.interpret.OperatorRegistry#standard()}
 * holds the standard operators seqlab computes itself (arithmetic with broadcasting, MatMul, Gemm,
 * Softmax, activations, shape operators, …); other modules register more onto a copy of it (the
 * rnn module registers LSTM, GRU and RNN on its cells). The supported-operator list in messages and
 * inspection is the registry's own.
 */
package dev.seqlab.onnx.interpret;
