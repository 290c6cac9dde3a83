/**
 * ONNX export of attention models.
 *
 * <p>{@link dev.seqlab.attention.onnx.AttentionOnnxExport} writes the course's attention
 * sequence-to-sequence model ({@link dev.seqlab.attention.seq2seq.AttentionSeq2Seq}) as one
 * standard-operator ONNX graph: the decoder does not feed its predictions back, so its Ty steps
 * unroll into a fixed graph that ONNX Runtime (or any other ONNX back end) runs in one call.
 * {@link dev.seqlab.attention.onnx.TransformerOnnxExport} writes the Transformer encoder–decoder
 * ({@link dev.seqlab.attention.transformer.TransformerSeq2Seq}) with the same input and outputs:
 * its greedy decoding does feed each step's choice back, and the graph unrolls that too, as Ty
 * decoder passes each reading the {@code ArgMax} of the steps before it.
 */
package dev.seqlab.attention.onnx;
