/**
 * ONNX export and import of recurrent models.
 *
 * <p>{@link dev.seqlab.rnn.onnx.RecurrentOnnxExport} writes seqlab's character language model and
 * sequence classifier as standard-operator ONNX graphs (and packs any cell's weights for an ONNX
 * {@code LSTM}, {@code GRU} or {@code RNN} node, for other exporters). {@link dev.seqlab.rnn.onnx.RecurrentOnnxImport}
 * reads ONNX graphs built from {@code LSTM}, {@code GRU} and {@code RNN} nodes and the operators
 * exporters such as {@code torch.onnx.export} put around them (embedding {@code Gather}, output
 * {@code Gemm} or {@code MatMul}+{@code Add}, reshaping glue) and runs them on the onnx module's
 * graph interpreter, with the recurrent nodes registered onto seqlab's cells and the weight
 * matrices onto its {@code Dense} and {@code Embedding} layers.
 */
package dev.seqlab.rnn.onnx;
