/**
 * {@code seqlab onnx}: commands on ONNX model files ({@code inspect}: producer, opsets, inputs
 * and outputs, operator counts), built on {@code dev.seqlab.onnx.inspect}.
 */
package dev.seqlab.cli.onnx;
