package dev.seqlab.rnn.onnx;

import ai.onnx.proto.OnnxMl.ModelProto;
import dev.seqlab.core.io.MalformedFileException;
import dev.seqlab.onnx.graph.OnnxFiles;
import dev.seqlab.onnx.interpret.GraphInterpreter;
import dev.seqlab.onnx.interpret.OperatorRegistry;
import dev.seqlab.rnn.layer.Dense;
import dev.seqlab.rnn.layer.Embedding;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads ONNX graphs of recurrent models into seqlab: the graph runs on the ONNX module's
 * {@link GraphInterpreter} with the recurrent operators registered onto seqlab's own layers
 * ({@link RecurrentOperators}): each {@code LSTM}, {@code GRU} and {@code RNN} node becomes seqlab
 * cells holding its weights ({@link ImportedRecurrent}), an embedding {@code Gather} on a weight
 * matrix becomes an {@link Embedding}, a {@code Gemm} or {@code MatMul} by a weight matrix becomes
 * a {@link Dense} layer, and the glue exporters put between them is computed by the interpreter's
 * standard operators. The result, an {@link ImportedModel}, runs the whole graph with the graph's
 * named inputs and outputs.
 *
 * <pre>{@code
 * ImportedModel m = RecurrentOnnxImport.read(Path.of("char-lstm.onnx"));
 * Map<String, HostTensor> out = m.run(Map.of("tokens", HostTensor.longs(ids, 1, ids.length), ...));
 * }</pre>
 *
 * <p>Supported: recurrent nodes forward, reverse and bidirectional, with or without
 * {@code sequence_lens}, {@code initial_h}, {@code initial_c}, GRU {@code linear_before_reset}
 * 0 and 1, default activations, {@code layout} 0; and the operators of {@link #registry()}.
 * Anything else (a {@code Loop}, an {@code Attention} node, LSTM peepholes, custom activations,
 * {@code clip}, weights computed at run time, external tensor data, another operator domain) is
 * refused at import with a one-line message naming the operator and the node.
 */
public final class RecurrentOnnxImport {

    private RecurrentOnnxImport() {}

    /**
     * The operators imported graphs may use: the interpreter's standard ones with LSTM, GRU and RNN
     * (and Gemm, MatMul and Gather by weights) on seqlab's layers. Each call gives a registry whose
     * layers are collected into fresh lists, so use it for one graph.
     */
    public static OperatorRegistry registry() {
        return new RecurrentOperators(new ArrayList<>(), new ArrayList<>(), new ArrayList<>()).registry();
    }

    /**
     * Reads and imports the ONNX model in {@code file}.
     *
     * @throws java.nio.file.NoSuchFileException if the file does not exist
     * @throws MalformedFileException            {@code FILE: not an ONNX model (...)}, or
     *                                           {@code FILE: unsupported operator Loop (node 'loop_1'); supported: ...}
     *                                           and other one-line reasons the graph cannot be imported
     */
    public static ImportedModel read(Path file) throws IOException {
        return fromProto(OnnxFiles.read(file), file);
    }

    /**
     * Imports a parsed model.
     *
     * @param file names the model in messages (may be null)
     * @throws MalformedFileException naming the operator and node the importer does not support,
     *                                or what else is wrong with the graph
     */
    public static ImportedModel fromProto(ModelProto model, Path file) throws MalformedFileException {
        List<ImportedRecurrent> recurrent = new ArrayList<>();
        List<Embedding> embeddings = new ArrayList<>();
        List<Dense> dense = new ArrayList<>();
        OperatorRegistry ops = new RecurrentOperators(recurrent, embeddings, dense).registry();
        GraphInterpreter graph = GraphInterpreter.prepare(model, ops, file);
        return new ImportedModel(graph, recurrent, embeddings, dense);
    }
}
