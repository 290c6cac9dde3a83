/**
 * Reading ONNX files without running them: producer, IR version and opsets, the graph's inputs
 * and outputs with element types and (symbolic) shapes, and how often each operator occurs.
 * Backs {@code seqlab onnx inspect}.
 */
package dev.seqlab.onnx.inspect;
