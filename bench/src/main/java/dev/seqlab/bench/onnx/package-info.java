/**
 * Side-by-side measurements of seqlab's ONNX sentence encoder against langchain4j's in-process
 * all-MiniLM-L6-v2 ({@link dev.seqlab.bench.onnx.SentenceEncoderThroughput}).
 */
package dev.seqlab.bench.onnx;
