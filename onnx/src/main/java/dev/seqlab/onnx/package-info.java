/**
 * ONNX interop: ONNX Runtime sessions with named inputs and outputs, reading and inspecting
 * ONNX files, and graph-writing helpers through which each model module exports its models.
 */
package dev.seqlab.onnx;
