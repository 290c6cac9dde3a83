/**
 * ONNX export and import of recurrent models.
 *
 * <p>{@link dev.seqlab.rnn.onnx.RecurrentOnnxExport} writes seqlab's character language model and
 * sequence classifier as standard-operator ONNX graphs. {@link dev.seqlab.rnn.onnx.RecurrentOnnxImport}
 * reads ONNX graphs built from {@code LSTM}, {@code GRU} and {@code RNN} nodes and the operators
 * exporters such as {@code torch.onnx.export} put around them (embedding {@code Gather}, output
 * {@code Gemm} or {@code MatMul}+{@code Add}, reshaping glue), maps the recurrent and dense
 * weights onto seqlab's cells and layers, and runs the graph with them.
 */
package dev.seqlab.rnn.onnx;
