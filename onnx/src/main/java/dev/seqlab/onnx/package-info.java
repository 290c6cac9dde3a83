/**
 * ONNX interop: {@link dev.seqlab.onnx.TensorSpec} (a named graph value's element type and
 * shape, with symbolic axes), ONNX Runtime sessions with named, checked inputs and outputs in
 * {@code dev.seqlab.onnx.session}, and reading ONNX files without running them in
 * {@code dev.seqlab.onnx.inspect}.
 */
package dev.seqlab.onnx;
