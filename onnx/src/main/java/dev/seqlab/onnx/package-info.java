/**
 * The ONNX format, with no native runtime: {@link dev.seqlab.onnx.TensorSpec} (a named graph
 * value's element type and shape, with symbolic axes), {@link dev.seqlab.onnx.HostTensor} (a
 * dense tensor in Java memory, what runtimes and interpreters take and give), writing graphs in
 * {@code dev.seqlab.onnx.graph}, reading them without running them in
 * {@code dev.seqlab.onnx.inspect}, and running them on seqlab's kernels in
 * {@code dev.seqlab.onnx.interpret}. ONNX Runtime sessions live in the separate
 * {@code seqlab-onnx-runtime} module ({@code dev.seqlab.onnx.runtime}).
 */
package dev.seqlab.onnx;
